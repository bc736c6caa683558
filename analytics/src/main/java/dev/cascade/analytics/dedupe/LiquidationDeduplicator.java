package dev.cascade.analytics.dedupe;

import dev.cascade.model.Liquidation;

/**
 * Recognises a liquidation seen before: the same instrument, exchange time, side, price and quantity
 * (DESIGN.md). It arrives twice when connections overlap, recordings overlap, or an archive repeats rows
 * (data.binance.vision liquidationSnapshot), always within minutes. Each instrument remembers its own last
 * {@code capacity} liquidations ({@value #RECENT} by default: about a day of the busiest instrument on most days, so
 * that a replay overlapping the store by a day still counts each once), so a busy coin never pushes a quiet one's out, and the Flink job, keyed by instrument,
 * keeps exactly the same horizon (Dedupe). Identity within the instrument is a 64-bit hash of the other four
 * fields, whose collision odds over that horizon are below 10^-12.
 */
public final class LiquidationDeduplicator {
    /** Liquidations remembered per instrument by default. */
    public static final int RECENT = 8192;
    private final int capacity;
    /** Per instrument, made on its first liquidation, starting small. */
    private RecentKeys[] seen = new RecentKeys[64];

    public LiquidationDeduplicator(int capacity) {
        this.capacity = capacity;
    }

    public LiquidationDeduplicator() {
        this(RECENT);
    }

    /** True the first time this liquidation is seen, false for a repeat. */
    public boolean isNew(Liquidation l) {
        int instrument = l.instrument().id();
        if (instrument >= seen.length) {
            seen = java.util.Arrays.copyOf(seen, Math.max(instrument + 1, seen.length * 2));
        }
        RecentKeys keys = seen[instrument];
        if (keys == null) {
            keys = new RecentKeys(8, capacity);
            seen[instrument] = keys;
        }
        return keys.add(identity(l));
    }

    /**
     * The liquidation's identity within its instrument: a 64-bit hash of exchange time, side, price and
     * quantity. A stream engine that keys state by instrument dedupes by this alone.
     */
    public static long identity(Liquidation l) {
        long h = mix(l.exchangeMicros());
        h = mix(h ^ l.side().ordinal());
        h = mix(h ^ Double.doubleToLongBits(l.price()));
        return mix(h ^ Double.doubleToLongBits(l.quantity()));
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
