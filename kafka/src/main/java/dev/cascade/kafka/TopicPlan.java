package dev.cascade.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The topics Cascade creates instead of relying on the broker's auto-creation (an idempotent producer writing to a
 * partition created under it saw {@code OUT_OF_ORDER_SEQUENCE_NUMBER}, and a job started before its topics failed
 * on {@code UnknownTopicOrPartition}). Every topic counts retention from when the broker wrote a record
 * ({@code message.timestamp.type=LogAppendTime}): records carry their exchange time, which for a recount of
 * last month would make the broker delete them within minutes. The job reads exchange time from the value, never
 * from the Kafka timestamp, so nothing else changes.
 *
 * <pre>
 *   topic             cleanup   retention   why
 *   PREFIX.trades     delete    7 days      the bulk (a hundred times the rest); recordings are the archive
 *   PREFIX.market     delete    7 days      states (open interest, marks, funding, candles)
 *   PREFIX.liquidations delete  30 days     few and the point of Cascade: a month's recount without recordings
 *   PREFIX.overview   compact,  30 days     CoinGecko and Fear &amp; Greed documents keyed kind:time: a repeat (a
 *                     delete                re-published recording) replaces its first copy; a month is the
 *                                           liquidations' reach, and the overview reads back a day
 *   PREFIX.minutes    compact   forever     results keyed venue:symbol:minute: the last revision of each minute
 *   PREFIX.late       delete    30 days     events later than the job's lateness, kept to be looked at
 * </pre>
 */
public record TopicPlan(List<Spec> specs) {
    /** One topic: its partitions, replication factor and topic-level configuration. */
    public record Spec(String name, int partitions, short replication, Map<String, String> config) {
    }

    public static final Duration EVENTS_RETENTION = Duration.ofDays(7);
    public static final Duration LIQUIDATIONS_RETENTION = Duration.ofDays(30);
    public static final Duration LATE_RETENTION = Duration.ofDays(30);
    public static final Duration OVERVIEW_RETENTION = Duration.ofDays(30);

    /**
     * The event topics of {@code topics} (what the collector and {@code cascade publish} write); with
     * {@code results} (may be null) the job's results topic and late topic as well.
     *
     * @param replication the replication factor; its {@code min.insync.replicas} is one less (at least 1), so
     *                    one broker may be down without stopping the producer's {@code acks=all}
     */
    public static TopicPlan of(Topics topics, Results results, int partitions, int replication) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        if (replication < 1 || replication > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replication must be at least 1, not " + replication);
        }
        List<Spec> specs = new ArrayList<>();
        specs.add(deleting(topics.liquidations(), partitions, replication, LIQUIDATIONS_RETENTION));
        specs.add(deleting(topics.trades(), partitions, replication, EVENTS_RETENTION));
        specs.add(deleting(topics.market(), partitions, replication, EVENTS_RETENTION));
        // a few documents a day: one partition keeps them in one place, and their order does not matter
        specs.add(topic(topics.overview(), 1, replication, "compact,delete", OVERVIEW_RETENTION));
        if (results != null) {
            specs.add(new Spec(results.minutes(), partitions, (short) replication, Map.of(
                    "cleanup.policy", "compact",
                    "message.timestamp.type", "LogAppendTime",
                    "min.insync.replicas", minInsync(replication))));
            specs.add(deleting(results.late(), partitions, replication, LATE_RETENTION));
        }
        return new TopicPlan(List.copyOf(specs));
    }

    /** The job's outputs: instrument-minutes and late events. */
    public record Results(String minutes, String late) {
        public static Results withPrefix(String prefix) {
            return new Results(prefix + "minutes", prefix + "late");
        }
    }

    private static Spec deleting(String name, int partitions, int replication, Duration retention) {
        return topic(name, partitions, replication, "delete", retention);
    }

    private static Spec topic(String name, int partitions, int replication, String cleanup, Duration retention) {
        return new Spec(name, partitions, (short) replication, Map.of(
                "cleanup.policy", cleanup,
                "retention.ms", Long.toString(retention.toMillis()),
                "message.timestamp.type", "LogAppendTime",
                "min.insync.replicas", minInsync(replication)));
    }

    private static String minInsync(int replication) {
        return Integer.toString(Math.max(1, replication - 1));
    }

    public List<String> names() {
        return specs.stream().map(Spec::name).toList();
    }
}
