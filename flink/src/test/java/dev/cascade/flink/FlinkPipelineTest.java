package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.SideTotals;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.ingest.FrameSource;
import dev.cascade.ingest.InputFiles;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.ingest.ReadStats;
import dev.cascade.ingest.TimeMerge;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.kafka.Topics;
import dev.cascade.model.ForwardingListener;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.Tee;
import dev.cascade.venues.VenueDecoders;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The must-show of the scale-out path: one recording read twice, once by the in-process pipeline (deduplicator
 * and MarketState, as {@code cascade replay} wires them) and once published to a real Kafka broker and counted
 * by the Flink job on a MiniCluster (exactly-once Kafka sinks, checkpoints every half second), gives the same
 * totals, in the results topic and in a QuestDB server the job also writes to.
 * Every 40th liquidation is published twice, as a producer restarted over an overlap would, for the job's
 * deduplicator to catch. The input is the built-in sample unless {@code -Dcascade.flink.input=FILE} names
 * another (scripts/bench-flink.sh runs it on the seed day for BENCHMARKS.md); both paths print their events/s.
 */
@Tag("cluster")
class FlinkPipelineTest {
    private static EmbeddedKafka kafka;
    private static EmbeddedQuestDb questdb;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        questdb = EmbeddedQuestDb.start();
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
        questdb.close();
    }

    private static Path input() {
        String named = System.getProperty("cascade.flink.input");
        if (named != null && !named.isBlank()) {
            return Paths.get(named);
        }
        return Paths.get(System.getProperty("cascade.root", ".."), "samples", "btc-drop-2025-06-05.jsonl");
    }

    /** Publishes each event once, and every 40th liquidation twice. */
    private static final class Publisher extends ForwardingListener {
        private long liquidations;

        Publisher(KafkaEventSink sink) {
            super(sink);
        }

        @Override
        public void onLiquidation(Liquidation e) {
            downstream.onLiquidation(e);
            if (++liquidations % 40 == 0) {
                downstream.onLiquidation(e);
            }
        }
    }

    @Test
    void theSameRecordingGivesTheSameTotalsInProcessAndThroughKafkaAndFlink() throws Exception {
        Path file = input();
        assertThat(file).exists();
        Topics topics = Topics.withPrefix("e2e.");
        kafka.createTopics(4, topics.all());
        kafka.createTopics(4, List.of("e2e.minutes", "e2e.late", topics.overview()));

        // 1. in process, and published
        MarketState inProcess = new MarketState(MarketState.Retention.REPLAY);
        DedupingListener dedupe = new DedupingListener(inProcess);
        long sent;
        long inProcessNanos;
        try (KafkaEventSink sink = KafkaEventSink.connect(kafka.bootstrap(), topics)) {
            long t0 = System.nanoTime();
            read(file, dedupe);
            inProcessNanos = System.nanoTime() - t0;
            read(file, new Publisher(sink));
            sink.flush();
            sent = sink.sent();
            assertThat(sink.acknowledged()).isEqualTo(sent);
        }
        EventCounts counts = inProcess.counts();
        assertThat(counts.liquidations()).isPositive();

        // 2. the Flink job over the topics, to the end offsets
        // checkpoints to files, as on a cluster: the JobManager's memory takes 5 MB at most
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, questdb.scratch("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        // every half second, so that a test run commits many transactions; the benchmark sets a cluster's 10 s
        env.enableCheckpointing(Long.getLong("cascade.flink.checkpoint-ms", 500), CheckpointingMode.EXACTLY_ONCE);
        CascadeFlinkJob.Settings settings = new CascadeFlinkJob.Settings(kafka.bootstrap(), topics, "e2e.minutes",
                "e2e.late", "e2e", Duration.ofSeconds(5), Duration.ofMinutes(10), true,
                DeliveryGuarantee.EXACTLY_ONCE, questdb.address(), null);
        CascadeFlinkJob.build(env, settings);
        long t0 = System.nanoTime();
        env.execute("cascade e2e");
        long flinkNanos = System.nanoTime() - t0;

        // 3. what a consumer of the results topic sees
        MinuteTotals flink = new MinuteTotals();
        List<byte[]> minutes = Recording.readCommitted(kafka.bootstrap(), "e2e.minutes");
        for (byte[] value : minutes) {
            flink.add(MinuteJson.parse(value));
        }
        assertThat(Recording.readCommitted(kafka.bootstrap(), "e2e.late")).as("events later than the lateness").isEmpty();

        LiquidationSummary expected = inProcess.liquidations().total();
        assertSame(flink.total(), expected.total());
        assertSameBreakdown(flink.byCoin(), expected.byCoin());
        assertSameBreakdown(flink.byExchange(), expected.byExchange());
        assertSameBreakdown(flink.byVenue(), expected.byVenue());
        LargestLiquidation largest = expected.largest();
        InstrumentMinute flinkLargest = flink.largest();
        assertThat(flinkLargest.symbol).isEqualTo(largest.symbol());
        assertThat(flinkLargest.venue).isEqualTo(largest.venue().id());
        assertThat(flinkLargest.largestUsd).isEqualTo(largest.usd());
        assertThat(flinkLargest.largestMicros).isEqualTo(largest.timeMicros());
        assertThat(flink.trades()).isEqualTo(counts.trades());
        // taker flow per venue, from the same MarketBars class
        Map<String, double[]> expectedFlow = new java.util.TreeMap<>();
        for (var bars : inProcess.bars().instruments()) {
            double[] flow = expectedFlow.computeIfAbsent(bars.instrument().venue().id(), v -> new double[2]);
            flow[0] += bars.total().buyUsd(0);
            flow[1] += bars.total().sellUsd(0);
        }
        Map<String, double[]> flinkFlow = flink.takerFlowByVenue();
        assertThat(flinkFlow.keySet()).isEqualTo(expectedFlow.keySet());
        expectedFlow.forEach((venue, flow) -> {
            assertThat(flinkFlow.get(venue)[0]).as(venue + " buys").isCloseTo(flow[0], within(1e-9 * flow[0] + 1e-6));
            assertThat(flinkFlow.get(venue)[1]).as(venue + " sells").isCloseTo(flow[1], within(1e-9 * flow[1] + 1e-6));
        });
        long venueEvents = counts.liquidations() + counts.trades() + counts.openInterest() + counts.markPrices()
                + counts.fundingRates() + counts.candles();
        assertThat(flink.events()).isEqualTo(venueEvents);

        // 4. the same minutes in the external store, one row each (revisions upserted)
        JsonNode row = awaitStored(flink.minutes());
        assertThat(row.get(1).asLong()).isEqualTo(expected.total().longCount());
        assertThat(row.get(2).asLong()).isEqualTo(expected.total().shortCount());
        assertThat(row.get(3).asDouble()).isCloseTo(expected.total().longUsd(), within(1e-6));
        assertThat(row.get(4).asDouble()).isCloseTo(expected.total().shortUsd(), within(1e-6));
        assertThat(row.get(5).asLong()).isEqualTo(counts.trades());
        System.out.printf("%s: %,d events (%,d liquidations); in process %,.0f events/s; Kafka -> Flink job "
                        + "(parallelism 2, checkpoints every %d ms, MiniCluster start included) %,d records in %.1f s = "
                        + "%,.0f records/s; %,d instrument-minutes (%,d result records)%n",
                file.getFileName(), venueEvents, counts.liquidations(), venueEvents / (inProcessNanos / 1e9),
                Long.getLong("cascade.flink.checkpoint-ms", 500), sent,
                flinkNanos / 1e9, sent / (flinkNanos / 1e9), flink.minutes(), minutes.size());
    }

    /** The stored totals once the server has applied {@code minutes} rows (WAL tables apply asynchronously). */
    private static JsonNode awaitStored(int minutes) throws Exception {
        String sql = "select count(), sum(long_count), sum(short_count), sum(long_usd), sum(short_usd), sum(trades) from "
                + dev.cascade.kafka.ClusterTables.MINUTES;
        JsonNode[] row = new JsonNode[1];
        Recording.await("QuestDB holds " + minutes + " minutes", Duration.ofSeconds(60), () -> {
            row[0] = questdb.firstRow(sql);
            return row[0].path(0).asLong() == minutes;
        });
        return row[0];
    }

    private static void read(Path file, dev.cascade.model.MarketListener to) throws Exception {
        VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
        try (InputFiles opener = new InputFiles(decoders, new ReadStats())) {
            List<FrameSource> sources = new ArrayList<>();
            for (OpenedInput input : opener.open(file, to)) {
                if (input.source() != null) {
                    sources.add(input.source());
                }
            }
            TimeMerge.run(sources, to, items -> { });
        }
    }

    private static void assertSame(SideTotals actual, SideTotals expected) {
        assertThat(actual.longCount()).isEqualTo(expected.longCount());
        assertThat(actual.shortCount()).isEqualTo(expected.shortCount());
        // the same sums added in another order: equal to far below a cent
        assertThat(actual.longUsd()).isCloseTo(expected.longUsd(), within(1e-6));
        assertThat(actual.shortUsd()).isCloseTo(expected.shortUsd(), within(1e-6));
    }

    private static void assertSameBreakdown(Map<String, SideTotals> actual, Map<String, SideTotals> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, totals) -> assertSame(actual.get(name), totals));
    }
}
