package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.flink.CascadeFlinkJob;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.Topics;
import dev.cascade.server.Published;
import dev.cascade.server.Server;
import dev.cascade.server.Stream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The whole path of issue 18 item 4: the sample published with {@code cascade publish}, counted by the Flink job
 * (a local MiniCluster, exactly-once sinks), then read by {@code cascade serve --source kafka}'s consumer
 * (ClusterServeJob, the class the command wires) and served over HTTP shows the figures {@code cascade replay}
 * prints for the file, section by section, every one (the overview and sentiment from the CoinGecko and Fear &amp;
 * Greed documents publish sends to the overview topic). In package dev.cascade.app for the command line's package-private classes; in this module for the job.
 */
@Tag("cluster")
class ClusterServeTest {
    private static final FigureSettings FIGURES = FigureSettings.DEFAULT.withSnapshots(ServeCommand.SNAPSHOT_MINUTES);

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldServeFromTheClustersOutputTheFiguresReplayPrints() throws Exception {
        Path sample = Paths.get(System.getProperty("cascade.root", ".."), "samples", "btc-drop-2025-06-05.jsonl");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Cli publish = Cli.run("publish", sample.toString(), "--sink", "kafka", "--kafka", kafka.bootstrap(),
                    "--topic-prefix", "srv.", "--kafka-partitions", "4");
            assertThat(publish.exitCode()).as(publish.err()).isZero();
            kafka.createTopics(4, List.of("srv.minutes", "srv.late"));
            Cli noResults = Cli.run("serve", "--source", "kafka", "--kafka", kafka.bootstrap(), "--topic-prefix", "srv.",
                    "--results-topic", "srv.nothing", "--port", "0");
            assertThat(noResults.exitCode()).isEqualTo(Main.NOTHING_USABLE);
            assertThat(noResults.err().strip()).isEqualTo("cascade: no topic srv.nothing at " + kafka.bootstrap()
                    + " (start the job first, or name its topics with --results-topic and --late-topic)");

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
            CascadeFlinkJob.build(env, new CascadeFlinkJob.Settings(kafka.bootstrap(), Topics.withPrefix("srv."),
                    "srv.minutes", "srv.late", "srv", Duration.ofSeconds(5), Duration.ofMinutes(10), true,
                    DeliveryGuarantee.EXACTLY_ONCE, null, null));
            env.execute("cascade recount for serve");

            JsonNode replay = Cli.run("replay", "--format", "json", "--bars", sample.toString()).json();
            JsonNode counts = replay.path("counts");
            long venueEvents = counts.path("liquidations").asLong() + counts.path("trades").asLong()
                    + counts.path("openInterest").asLong() + counts.path("markPrices").asLong()
                    + counts.path("fundingRates").asLong();
            assertThat(counts.path("candles").asLong()).as("the sample has no candles").isZero();
            assertThat(counts.path("overview").asLong()).as("the sample's CoinGecko and Fear & Greed documents").isPositive();

            AtomicLong rejected = new AtomicLong();
            Server.Settings http = new Server.Settings("127.0.0.1", 0, null, null, 0, r -> { }, () -> { });
            CountDownLatch ended = new CountDownLatch(1);
            Published[] last = new Published[1];
            try (Server server = Server.start(new ServedViewFor(), new Stream(), http)) {
                long t0 = System.nanoTime();
                ClusterServeJob job = ClusterServeJob.start(new ClusterServeJob.Settings(kafka.bootstrap(),
                        Topics.withPrefix("srv."), "srv.minutes", "srv.late", FIGURES, ClusterServeJob.HORIZON,
                        ClusterServeJob.DISCOVER_EVERY), p -> {
                            last[0] = p;
                            server.published(p);
                        }, rejected, ended::countDown);
                try {
                    ServedViewFor.job = job;
                    // every event of the day read: the job's trades restored from its minute bars, the rest as events,
                    // and the overview documents
                    while (last[0] == null || last[0].events() < venueEvents
                            || job.view().query(s -> s.counts().overview()) < counts.path("overview").asLong()) {
                        job.refresh(1_000);
                        assertThat(job.failure()).isNull();
                        // a wait interrupted by the test's timeout returns at once: end the loop instead of spinning
                        assertThat(System.nanoTime() - t0).as("caught up within 2 minutes: %s events of %s",
                                last[0] == null ? 0 : last[0].events(), venueEvents)
                                .isLessThan(TimeUnit.MINUTES.toNanos(2));
                    }
                    long caughtUpNanos = System.nanoTime() - t0;
                    job.refresh(1_000); // one more: nothing further arrives
                    Published served = last[0];
                    assertThat(served.events()).isEqualTo(venueEvents);
                    assertThat(rejected.get()).isZero();
                    assertThat(job.rejectedResults()).isZero();

                    ObjectNode actual = asReplay(served);
                    List<String> differences = SameFigures.differences(withoutRange(replay), actual, 50);
                    System.out.printf("serve --source kafka read %,d records (%,d results) to %,d events in %.1f s; "
                                    + "served vs replay differ at: %s%n", job.records(), job.results(), served.events(),
                            caughtUpNanos / 1e9, differences.stream().map(d -> d.substring(0, d.indexOf(':'))).toList());
                    assertThat(differences).as("every figure, the overview and sentiment included").isEmpty();
                    assertThat(actual.path("sentiment").path("published").isObject()).as("not vacuous").isTrue();
                    // not vacuous: the day's figures are there
                    assertThat(actual.path("liquidations").path("usd").asDouble()).isGreaterThan(1e6);
                    assertThat(actual.path("taker").isObject()).isTrue();

                    // and over HTTP, as the dashboard reads it
                    HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/v1/liquidations/summary?window=all")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(summary.statusCode()).isEqualTo(200);
                    assertThat(SameFigures.differences(replay, RunJson.MAPPER.createObjectNode()
                            .set("liquidations", RunJson.MAPPER.readTree(summary.body())), 10)
                            .stream().filter(d -> d.startsWith("liquidations"))).isEmpty();
                } finally {
                    job.close();
                }
                assertThat(ended.await(15, TimeUnit.SECONDS)).as("the consumer thread ends on close").isTrue();
            }
        }
    }

    /** A read-out in the shape of {@code replay --format json}, less what a read-out has not: its range and bars. */
    static ObjectNode asReplay(Published served) {
        ObjectNode actual = RunJson.MAPPER.createObjectNode();
        actual.set("liquidations", served.liquidations("all"));
        ObjectNode windows = actual.putObject("windows");
        served.liquidations().keySet().forEach(name -> {
            if (!name.equals("all")) {
                windows.set(name, served.liquidations(name));
            }
        });
        served.sections().keySet().forEach(name -> actual.set(name, served.section(name)));
        return withoutRange(actual);
    }

    /** {@code replay}'s JSON less its range and minute bars (the API has its own). */
    static ObjectNode withoutRange(JsonNode replay) {
        ObjectNode copy = ((ObjectNode) replay).deepCopy();
        copy.remove(List.of("from", "to", "minuteBars"));
        return copy;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSayInOneLineThatTheBrokerDoesNotAnswer() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        Cli cli = Cli.run("serve", "--source", "kafka", "--kafka", "127.0.0.1:" + closed, "--port", "0");
        assertThat(cli.exitCode()).isEqualTo(Main.NOTHING_USABLE);
        assertThat(cli.err()).isEqualTo("cascade: Kafka at 127.0.0.1:" + closed + " did not answer within 15 s\n");
        assertThat(cli.out()).isEmpty();
    }

    /** The server's view of the job under test (set once it has started, as ServeCommand's view is). */
    private static final class ServedViewFor implements dev.cascade.server.MarketView {
        static volatile ClusterServeJob job;

        @Override
        public Published published() {
            return job == null ? Published.EMPTY : job.view().published();
        }

        @Override
        public <T> T query(java.util.function.Function<dev.cascade.analytics.MarketState, T> query) throws
                InterruptedException, java.util.concurrent.TimeoutException {
            return job.view().query(query);
        }
    }
}
