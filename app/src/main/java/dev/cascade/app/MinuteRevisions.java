package dev.cascade.app;

import dev.cascade.analytics.bars.BarSeries;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which part of a minute bar from the job's results is new. The job emits a minute when it closes and again,
 * whole and with a higher revision, for each late event; restoring each version would count the minute's trades
 * and volume twice. So the versions applied in the last {@code horizonMicros} of each partition are remembered, and
 * a later one is turned into its difference ({@link BarSeries#lessSums}); an earlier or equal one is stale. A
 * minute's versions share a key and so a partition, in the order the job wrote them: the horizon is counted in
 * the partition's own event time, however far ahead other partitions are read. It must exceed the job's
 * allowed lateness (10 minutes by default); a version after it cannot be told from a first one and is refused.
 * Partitions added to the topic move keys: a version is compared with the one applied last, on whichever partition
 * it came.
 * Pure: the consumer thread owns it.
 */
final class MinuteRevisions {
    /** What to do with a version. */
    enum Verdict { RESTORE, STALE, TOO_LATE }

    private record Applied(long minuteMicros, long revision, double[] d, long[] t) {
    }

    private final long horizonMicros;
    private final Map<Integer, LinkedHashMap<String, Applied>> byPartition = new HashMap<>();
    private final Map<Integer, Long> latestMinute = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();

    MinuteRevisions(long horizonMicros) {
        this.horizonMicros = horizonMicros;
    }

    /**
     * Judges version {@code revision} of the bar {@code d}/{@code t} of {@code key} (venue:symbol:minute); on
     * {@link Verdict#RESTORE}, {@code d}/{@code t} hold what to restore (the difference for a later version).
     */
    Verdict admit(int partition, String key, long minuteMicros, long revision, double[] d, long[] t) {
        LinkedHashMap<String, Applied> applied = byPartition.computeIfAbsent(partition, p -> new LinkedHashMap<>());
        long latest = Math.max(latestMinute.getOrDefault(partition, Long.MIN_VALUE), minuteMicros);
        latestMinute.put(partition, latest);
        Integer owner = partitionOf.get(key); // another partition when partitions were added since its last version
        Applied before = owner == null ? null : byPartition.get(owner).get(key);
        if (before != null && revision <= before.revision()) {
            return Verdict.STALE;
        }
        if (before == null && revision > 0 && minuteMicros < latest - horizonMicros) {
            return Verdict.TOO_LATE; // its first version may have been restored and forgotten
        }
        if (owner != null) {
            byPartition.get(owner).remove(key);
        }
        applied.put(key, new Applied(minuteMicros, revision, d.clone(), t.clone()));
        partitionOf.put(key, partition);
        if (before != null) {
            BarSeries.lessSums(d, t, before.d(), before.t());
        }
        forgetBefore(applied, latest - horizonMicros);
        return Verdict.RESTORE;
    }

    /** Versions remembered (a memory figure). */
    int remembered() {
        return byPartition.values().stream().mapToInt(Map::size).sum();
    }

    private void forgetBefore(LinkedHashMap<String, Applied> applied, long micros) {
        // insertion order is the partition's order, about event time: stop at the first one still recent
        for (Iterator<Map.Entry<String, Applied>> it = applied.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Applied> e = it.next();
            if (e.getValue().minuteMicros() >= micros) {
                return;
            }
            partitionOf.remove(e.getKey());
            it.remove();
        }
    }
}
