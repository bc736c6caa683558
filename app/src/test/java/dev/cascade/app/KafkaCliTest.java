package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.TcpProxy;
import dev.cascade.kafka.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The commands as a user runs them: {@code cascade record --simulator --sink kafka} publishes a live run's events
 * to a broker, and {@code cascade replay --source kafka} reads them back to the same totals the live run printed.
 */
@Tag("cluster")
class KafkaCliTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunPublishedToKafkaReplaysFromKafkaToTheSameTotals() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            // created first, as the deployment does: a topic the broker creates on the first send can answer the
            // idempotent producer NOT_LEADER and then OUT_OF_ORDER_SEQUENCE, which it retries without end
            kafka.createTopics(4, Topics.withPrefix("cli.").all());
            Cli record = Cli.run("record", "--simulator", "--sink", "kafka", "--kafka", kafka.bootstrap(),
                    "--kafka-topic-prefix", "cli.", "--duration", "6s", "--format", "json");
            assertThat(record.exitCode()).as(record.err()).isZero();
            assertThat(record.err()).contains("Published").contains("0 lost");
            JsonNode live = record.json();
            assertThat(live.path("liquidations").path("count").asLong()).isPositive();
            assertThat(live.path("counts").path("trades").asLong()).isGreaterThan(100);

            Cli replay = Cli.run("replay", "--source", "kafka", "--kafka", kafka.bootstrap(), "--kafka-topic-prefix", "cli.",
                    "--format", "json");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            JsonNode replayed = replay.json();
            assertThat(replayed.path("liquidations")).isEqualTo(live.path("liquidations"));
            for (String kind : new String[] {"liquidations", "trades", "openInterest", "markPrices", "fundingRates"}) {
                assertThat(replayed.path("counts").path(kind)).as(kind).isEqualTo(live.path("counts").path(kind));
            }
            // the collector's overview documents too, on their own topic
            assertThat(live.path("counts").path("overview").asLong()).isPositive();
            assertThat(replayed.path("counts").path("overview")).isEqualTo(live.path("counts").path("overview"));
            assertThat(replayed.path("overview")).isEqualTo(live.path("overview"));
            assertThat(replayed.path("duplicates").path("liquidations").asLong()).isZero();

            Cli wrong = Cli.run("replay", "--source", "kafka", "samples/btc-drop-2025-06-05.jsonl");
            assertThat(wrong.exitCode()).as("replay's usage errors exit 1 (README: exit codes of replay)").isEqualTo(1);
            assertThat(wrong.err()).contains("--source kafka reads the topics, not files");
            Cli noOutput = Cli.run("record", "--simulator", "--duration", "1s");
            assertThat(noOutput.exitCode()).isEqualTo(1);
            assertThat(noOutput.err()).contains("record needs --out DIR, --sink kafka, or both");
        }
    }

    private static final Pattern PUBLISHED = Pattern.compile("Published ([\\d,]+) events (?:from \\d+ file\\(s\\) )?to Kafka at \\S+ \\(([\\d,]+) acknowledged, ([\\d,]+) lost\\)");

    private static long[] published(String err) {
        Matcher m = PUBLISHED.matcher(err);
        assertThat(m.find()).as(err).isTrue();
        return new long[] {number(m.group(1)), number(m.group(2)), number(m.group(3))};
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static long recordsIn(EmbeddedKafka kafka, String prefix) throws Exception {
        long n = 0;
        for (String t : Topics.withPrefix(prefix).all()) {
            n += kafka.records(t);
        }
        n += kafka.records(Topics.withPrefix(prefix).overview());
        return n;
    }

    /** Waits (bounded by the test's timeout) until the broker holds some of the run's records. */
    private static void awaitRecords(EmbeddedKafka kafka, String prefix) throws Exception {
        while (recordsIn(kafka, prefix) == 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBrokerLostMidRunFailsTheRunNamingTheLostCount() throws Exception {
        try (TcpProxy proxy = new TcpProxy(); EmbeddedKafka kafka = EmbeddedKafka.start(proxy)) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("record", "--simulator", "--no-store",
                    "--sink", "kafka", "--kafka", kafka.bootstrap(), "--kafka-topic-prefix", "lost.", "--duration", "90s",
                    "--no-overview", "--format", "json"));
            awaitRecords(kafka, "lost.");
            proxy.refuse(true); // every connection to the broker dies, and new ones with it
            Cli record = run.get(80, TimeUnit.SECONDS);
            proxy.refuse(false);
            long[] p = published(record.err());
            assertThat(record.exitCode()).as(record.err()).isEqualTo(1);
            assertThat(p[2]).isPositive().isEqualTo(p[0] - p[1]);
            assertThat(record.err()).contains(String.format("cascade: %,d of %,d events were not acknowledged by Kafka at %s (",
                    p[2], p[0], kafka.bootstrap()));
            // a record written whose acknowledgement the cut connection lost is on the broker too: the count named
            // is an upper bound of what is missing, never less
            assertThat(recordsIn(kafka, "lost.")).as("the broker holds what it acknowledged, perhaps more")
                    .isBetween(p[1], p[0]);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aConnectionKilledMidRunLosesNothing() throws Exception {
        try (TcpProxy proxy = new TcpProxy(); EmbeddedKafka kafka = EmbeddedKafka.start(proxy)) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("record", "--simulator", "--no-store",
                    "--sink", "kafka", "--kafka", kafka.bootstrap(), "--kafka-topic-prefix", "cut.", "--duration", "8s",
                    "--no-overview", "--format", "json"));
            awaitRecords(kafka, "cut.");
            int before = proxy.accepted();
            proxy.cut();
            Cli record = run.get(80, TimeUnit.SECONDS);
            long[] p = published(record.err());
            assertThat(proxy.accepted()).as("the producer reconnected").isGreaterThan(before);
            assertThat(record.exitCode()).as(record.err()).isZero();
            assertThat(p[2]).isZero();
            assertThat(p[1]).isEqualTo(p[0]).isPositive();
            assertThat(recordsIn(kafka, "cut.")).as("no repeats").isEqualTo(p[0]);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anUnreachableBrokerIsReportedWithinThirtySeconds() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Cli record = Cli.run("record", "--simulator", "--no-store", "--sink", "kafka", "--kafka", "127.0.0.1:" + closed,
                "--duration", "10s");
        assertThat(record.exitCode()).isEqualTo(1);
        assertThat(record.err().strip()).isEqualTo("cascade: Kafka at 127.0.0.1:" + closed
                + " did not answer within 15 s (describe the cluster)");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRecordingPublishedToKafkaReplaysToTheSameFiguresAsTheFile() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Cli init = Cli.run("kafka", "init", "--kafka", kafka.bootstrap(), "--topic-prefix", "pub.", "--kafka-partitions", "3");
            assertThat(init.exitCode()).as(init.err()).isZero();
            assertThat(init.out().lines()).containsExactly("Created pub.late", "Created pub.liquidations", "Created pub.market",
                    "Created pub.minutes", "Created pub.overview", "Created pub.trades");
            assertThat(kafka.config("pub.minutes", "cleanup.policy")).isEqualTo("compact");
            assertThat(kafka.config("pub.overview", "cleanup.policy")).isEqualTo("compact,delete");

            Cli publish = Cli.run("publish", "../samples/btc-drop-2025-06-05.jsonl", "--sink", "kafka", "--kafka",
                    kafka.bootstrap(), "--topic-prefix", "pub.");
            assertThat(publish.exitCode()).as(publish.err()).isZero();
            long[] p = published(publish.err());
            assertThat(p[0]).isPositive().isEqualTo(p[1]);
            assertThat(p[2]).isZero();
            assertThat(recordsIn(kafka, "pub.")).isEqualTo(p[0]);

            JsonNode fromKafka = Cli.run("replay", "--source", "kafka", "--kafka", kafka.bootstrap(), "--topic-prefix", "pub.",
                    "--format", "json").json();
            JsonNode fromFile = Cli.run("replay", "../samples/btc-drop-2025-06-05.jsonl", "--format", "json").json();
            assertThat(fromKafka.path("liquidations")).isEqualTo(fromFile.path("liquidations"));
            for (String kind : new String[] {"liquidations", "trades", "openInterest", "markPrices", "fundingRates", "candles"}) {
                assertThat(fromKafka.path("counts").path(kind)).as(kind).isEqualTo(fromFile.path("counts").path(kind));
            }
            assertThat(fromKafka.path("counts").path("overview").asLong()).isPositive()
                    .isEqualTo(fromFile.path("counts").path("overview").asLong());
            assertThat(kafka.records("pub.overview")).isEqualTo(fromFile.path("counts").path("overview").asLong());
            assertThat(fromKafka.path("overview")).isEqualTo(fromFile.path("overview"));
            assertThat(fromKafka.path("sentiment")).isEqualTo(fromFile.path("sentiment"));

            Cli again = Cli.run("kafka", "init", "--kafka", kafka.bootstrap(), "--topic-prefix", "pub.", "--kafka-partitions", "3");
            assertThat(again.out().lines()).hasSize(6).allMatch(l -> l.startsWith("Configured pub.") && l.endsWith(" (existing)"));
            Cli noSink = Cli.run("publish", "../samples/btc-drop-2025-06-05.jsonl", "--sink", "file");
            assertThat(noSink.exitCode()).as("usage errors exit 1 (README: exit codes)").isEqualTo(1);
            assertThat(noSink.err()).contains("--sink takes 'kafka', not 'file'");
        }
    }
}
