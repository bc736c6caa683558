package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.flink.CascadeFlinkJob;
import dev.cascade.flink.EmbeddedQuestDb;
import dev.cascade.kafka.ClusterTables;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.Topics;
import dev.cascade.server.Published;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code cascade serve --source questdb}: the sample published with {@code cascade publish}, counted by the Flink
 * job writing to a real QuestDB server (in this JVM), followed by the command's reader (QuestDbServeJob) from the
 * moment the tables exist, shows every figure {@code cascade replay} prints for the file, section by section;
 * rows that are not Cascade's are counted as rejected and change no figure.
 */
@Tag("cluster")
class ClusterServeQuestDbTest {
    private static final FigureSettings FIGURES = FigureSettings.DEFAULT.withSnapshots(ServeCommand.SNAPSHOT_MINUTES);

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldServeFromTheTablesTheFiguresReplayPrints() throws Exception {
        Path sample = Paths.get(System.getProperty("cascade.root", ".."), "samples", "btc-drop-2025-06-05.jsonl");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedQuestDb questdb = EmbeddedQuestDb.start()) {
            Cli noTables = Cli.run("serve", "--source", "questdb", "--questdb", questdb.address(), "--port", "0");
            assertThat(noTables.exitCode()).isEqualTo(Main.NOTHING_USABLE);
            assertThat(noTables.err()).isEqualTo("cascade: no table " + ClusterTables.MINUTES + " at QuestDB "
                    + questdb.address() + " (run the Flink job with --questdb " + questdb.address() + ")\n");

            Cli publish = Cli.run("publish", sample.toString(), "--sink", "kafka", "--kafka", kafka.bootstrap(),
                    "--topic-prefix", "qdb.", "--kafka-partitions", "4");
            assertThat(publish.exitCode()).as(publish.err()).isZero();
            kafka.createTopics(4, List.of("qdb.minutes", "qdb.late"));
            JsonNode replay = Cli.run("replay", "--format", "json", "--bars", sample.toString()).json();
            JsonNode counts = replay.path("counts");
            long venueEvents = counts.path("liquidations").asLong() + counts.path("trades").asLong()
                    + counts.path("openInterest").asLong() + counts.path("markPrices").asLong()
                    + counts.path("fundingRates").asLong();
            long overview = counts.path("overview").asLong();
            assertThat(overview).as("the sample's CoinGecko and Fear & Greed documents").isPositive();

            // the reader starts on empty tables (as the job makes them) and follows them as the job fills them
            for (String ddl : ClusterTables.DDL) {
                questdb.exec(ddl);
            }
            AtomicLong rejected = new AtomicLong();
            Published[] last = new Published[1];
            CountDownLatch ended = new CountDownLatch(1);
            QuestDbServeJob reader = QuestDbServeJob.start(new QuestDbServeJob.Settings(questdb.address(), FIGURES,
                    Duration.ofMillis(200), QuestDbServeJob.MARGIN), p -> last[0] = p, rejected, ended::countDown);
            try {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.setParallelism(2);
                env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
                CascadeFlinkJob.build(env, new CascadeFlinkJob.Settings(kafka.bootstrap(), Topics.withPrefix("qdb."),
                        "qdb.minutes", "qdb.late", "qdb", Duration.ofSeconds(5), Duration.ofMinutes(10), true,
                        DeliveryGuarantee.EXACTLY_ONCE, questdb.address(), null));
                env.execute("cascade to QuestDB");

                long t0 = System.nanoTime();
                while (last[0] == null || last[0].events() < venueEvents
                        || reader.view().query(s -> s.counts().overview()) < overview) {
                    reader.refresh(1_000);
                    assertThat(reader.failure()).isNull();
                    assertThat(System.nanoTime() - t0).as("caught up within 2 minutes: %s events of %s, %s rows; "
                                    + "tables hold %s minutes, %s events, %s documents", last[0] == null ? 0
                                    : last[0].events(), venueEvents, reader.rows(),
                            questdb.firstRow("select count() from " + ClusterTables.MINUTES),
                            questdb.firstRow("select count() from " + ClusterTables.EVENTS),
                            questdb.firstRow("select count() from " + ClusterTables.OVERVIEW))
                            .isLessThan(TimeUnit.MINUTES.toNanos(2));
                }
                long caughtUpNanos = System.nanoTime() - t0;
                long rows = reader.rows();
                reader.refresh(2_000); // more polls: nothing further arrives, nothing is read twice
                reader.refresh(2_000);
                Published served = last[0];
                assertThat(served.events()).isEqualTo(venueEvents);
                assertThat(reader.rows()).isEqualTo(rows);
                assertThat(rejected.get()).isZero();
                assertThat(reader.rejectedResults()).isZero();

                ObjectNode actual = ClusterServeTest.asReplay(served);
                List<String> differences = SameFigures.differences(ClusterServeTest.withoutRange(replay), actual, 50);
                System.out.printf("serve --source questdb read %,d rows to %,d events in %.1f s after the job; "
                        + "differences: %s%n", rows, served.events(), caughtUpNanos / 1e9, differences);
                assertThat(differences).as("every figure, the overview and sentiment included").isEmpty();
                assertThat(actual.path("sentiment").path("published").isObject()).as("not vacuous").isTrue();
                assertThat(actual.path("liquidations").path("usd").asDouble()).isGreaterThan(1e6);

                // rows someone else wrote: a record that is no EventCodec record, a minute without its document
                questdb.exec("INSERT INTO " + ClusterTables.EVENTS + " (ts, stream, kind, venue, symbol, digest, record,"
                        + " written) VALUES ('2025-06-05T12:00:00.000000Z', 'event', 'liquidation', 'binance-usdm', "
                        + "'BTCUSDT', 1, 'bm90IGEgcmVjb3Jk', systimestamp())");
                questdb.exec("INSERT INTO " + ClusterTables.MINUTES + " (ts, venue, symbol, revision, result, written) "
                        + "VALUES ('2025-06-05T12:00:00.000000Z', 'binance-usdm', 'XYZUSDT', 0, '{\"bar\":', "
                        + "systimestamp())");
                long t1 = System.nanoTime();
                while (rejected.get() < 2) {
                    reader.refresh(1_000);
                    assertThat(reader.failure()).isNull();
                    assertThat(System.nanoTime() - t1).as("rejected %s", rejected.get())
                            .isLessThan(TimeUnit.MINUTES.toNanos(1));
                }
                assertThat(rejected.get()).isEqualTo(2);
                assertThat(last[0].events()).isEqualTo(venueEvents);
                assertThat(SameFigures.differences(ClusterServeTest.withoutRange(replay), ClusterServeTest.asReplay(last[0]), 50)
                        .stream().filter(d -> !d.startsWith("counts.rejected") && !d.startsWith("rejects"))).isEmpty();
            } finally {
                reader.close();
            }
            assertThat(ended.await(15, TimeUnit.SECONDS)).as("the reader thread ends on close").isTrue();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSayInOneLineThatTheServerDoesNotAnswer() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        Cli cli = Cli.run("serve", "--source", "questdb", "--questdb", "127.0.0.1:" + closed, "--port", "0");
        assertThat(cli.exitCode()).isEqualTo(Main.NOTHING_USABLE);
        assertThat(cli.err()).isEqualTo("cascade: QuestDB at 127.0.0.1:" + closed + ": connection refused\n");
        assertThat(cli.out()).isEmpty();
    }
}
