package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An upgrade as README "Scaling out" describes it: the live job runs on the first part of a recording, the topics
 * stay quiet for longer than its {@code --close-quiet-after}, it is stopped with a savepoint (not drained: minutes
 * stay open), the job is changed (a QuestDB sink added) and started again
 * from the savepoint without {@code --allowNonRestoredState}, and reads the rest. Its results, each
 * instrument-minute's last revision, must equal those of one uninterrupted run over the whole recording: the
 * minute open at the savepoint keeps its first part, and liquidations and trades published again after the cut
 * are still known to the deduplicator.
 */
@Tag("cluster")
class SavepointUpgradeTest {
    private static final Duration LIMIT = Duration.ofMinutes(3);
    /** The live job's --close-quiet-after, short so that the test outlasts it. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static EmbeddedKafka kafka;
    private static EmbeddedQuestDb questdb;
    private static MiniCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        questdb = EmbeddedQuestDb.start();
        cluster = MiniClusters.start(questdb.scratch("checkpoints"));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        kafka.close();
        questdb.close();
    }

    static CascadeFlinkJob.Settings live(Topics topics, String results, String group) {
        return new CascadeFlinkJob.Settings(kafka.bootstrap(), topics, results + ".minutes", results + ".late", group,
                Duration.ofSeconds(5), Duration.ofMinutes(10), false,
                DeliveryGuarantee.EXACTLY_ONCE, null, QUIET);
    }

    @Test
    void aJobUpgradedThroughASavepointCountsAsOneUninterruptedRun() throws Exception {
        List<byte[]> records = Recording.records(Recording.sample());
        int cut = middleOfTheBusiestMinute(records);
        String openMinute = minuteKey(records.get(cut));
        List<byte[]> repeats = records.subList(cut - 500, cut).stream()
                .filter(r -> EventCodec.kind(r) == EventCodec.Kind.TRADE || EventCodec.kind(r) == EventCodec.Kind.LIQUIDATION)
                .toList();
        List<byte[]> rest = new ArrayList<>(repeats);
        rest.addAll(records.subList(cut, records.size()));
        Topics topics = Topics.withPrefix("up.");
        kafka.createTopics(4, topics.all());
        kafka.createTopics(4, List.of("up.minutes", "up.late", "whole.minutes", "whole.late", topics.overview()));
        Path savepoints = questdb.scratch("savepoints");

        // 1. the first part, then a savepoint that leaves the open minutes open
        String savepoint;
        int upToHere;
        try (Recording.Publisher publisher = new Recording.Publisher(kafka.bootstrap(), topics)) {
            publisher.publish(records.subList(0, cut));
            CascadeFlinkJob.Settings before = live(topics, "up", "upgrade");
            JobID first = MiniClusters.submit(cluster, before, null);
            Recording.await("the first job reads the first part", LIMIT,
                    () -> Recording.hasReadToTheEnd(kafka.bootstrap(), "upgrade", topics.all()));
            // The topics then stay quiet for longer than the job's --close-quiet-after: a recording, a day behind the
            // wall clock, is a backlog and not a live feed gone quiet, so its open minutes must stay open
            long quietSince = System.nanoTime();
            Recording.await("a quiet period of 3 x " + QUIET, LIMIT, () -> System.nanoTime() - quietSince > 3 * QUIET.toNanos());
            savepoint = cluster.stopWithSavepoint(first, savepoints.toUri().toString(), false,
                    SavepointFormatType.CANONICAL).get();
            assertThat(Recording.latestMinutes(kafka.bootstrap(), "up.minutes").keySet())
                    .as("the minute of the cut was open at the savepoint").doesNotContain(openMinute);

            // 2. the rest (after repeats of the last events before the cut), read by the changed job from the savepoint
            publisher.publish(rest);
            upToHere = Recording.readCommitted(kafka.bootstrap(), "up.minutes").size();
            JobID upgraded = MiniClusters.submit(cluster, before.withQuestDb(questdb.address()), savepoint);
            Recording.await("the upgraded job reads the rest", LIMIT,
                    () -> Recording.hasReadToTheEnd(kafka.bootstrap(), "upgrade", topics.all()));
            // drained: event time runs to its end and closes every minute, as the end of a bounded run does
            cluster.stopWithSavepoint(upgraded, savepoints.toUri().toString(), true, SavepointFormatType.CANONICAL).get();
        }

        // 3. one run over everything, for reference
        CascadeFlinkJob.Settings whole = live(topics, "whole", "whole");
        whole = new CascadeFlinkJob.Settings(whole.bootstrap(), topics, whole.resultsTopic(), whole.lateTopic(),
                whole.groupId(), whole.outOfOrder(), whole.lateness(), true, whole.guarantee(), null, null);
        cluster.requestJobResult(MiniClusters.submit(cluster, whole, null)).get();

        Map<String, JsonNode> afterUpgrade = Recording.latestMinutes(kafka.bootstrap(), "up.minutes");
        Map<String, JsonNode> uninterrupted = Recording.latestMinutes(kafka.bootstrap(), "whole.minutes");
        // what went late tells a minute short of an event in the upgraded run (it failed so once, 5 trades against 6)
        String late = String.format(" (late events: %d after the upgrade, %d in one run)",
                Recording.readCommitted(kafka.bootstrap(), "up.late").size(),
                Recording.readCommitted(kafka.bootstrap(), "whole.late").size());
        assertThat(afterUpgrade.keySet()).as(late).isEqualTo(uninterrupted.keySet());
        uninterrupted.forEach((key, minute) -> assertThat(afterUpgrade.get(key)).as(key + late).isEqualTo(minute));
        long trades = records.stream().filter(r -> EventCodec.kind(r) == EventCodec.Kind.TRADE).count();
        assertThat(afterUpgrade.values().stream().mapToLong(m -> m.get("trades").asLong()).sum())
                .as("every trade once, none of the %d repeats", repeats.size()).isEqualTo(trades);
        long openMinuteTrades = records.stream().filter(r -> EventCodec.kind(r) == EventCodec.Kind.TRADE
                && minuteKey(r).equals(openMinute)).count();
        assertThat(afterUpgrade.get(openMinute).get("trades").asLong()).isEqualTo(openMinuteTrades);

        // the added sink wrote what the upgraded job emitted
        List<byte[]> emitted = Recording.readCommitted(kafka.bootstrap(), "up.minutes");
        long rows = emitted.subList(upToHere, emitted.size()).stream().map(v -> {
            try {
                return MinuteJson.parse(v).key();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).distinct().count();
        Recording.await("QuestDB applies the upgraded job's minutes", LIMIT,
                () -> questdb.firstRow("select count() from " + dev.cascade.kafka.ClusterTables.MINUTES).path(0).asLong() == rows);
    }

    /** The index of the middle record of the instrument-minute with the most records. */
    private static int middleOfTheBusiestMinute(List<byte[]> records) {
        Map<String, List<Integer>> byMinute = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byMinute.computeIfAbsent(minuteKey(records.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Integer> busiest = byMinute.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        return busiest.get(busiest.size() / 2);
    }

    /** {@code venue:symbol:minute}, the results' key. */
    static String minuteKey(byte[] record) {
        long minute = Math.floorDiv(EventCodec.exchangeMicros(record), 60_000_000L) * 60_000_000L;
        return EventCodec.instrumentKey(record) + ":" + minute;
    }
}
