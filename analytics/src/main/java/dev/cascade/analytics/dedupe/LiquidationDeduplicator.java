package dev.cascade.analytics.dedupe;

import dev.cascade.model.Liquidation;

/**
 * Recognises a liquidation seen before: the same instrument, exchange time, side, price and quantity
 * (DESIGN.md). It arrives twice when connections overlap, recordings overlap, or an archive repeats rows
 * (data.binance.vision liquidationSnapshot), always within minutes. The last {@code capacity} liquidations
 * are remembered (65,536 by default: minutes even at a cascade's peak, and a table small enough to stay in
 * cache); identity is a 64-bit hash of the five fields, whose collision odds over that horizon are below
 * 10^-9.
 */
public final class LiquidationDeduplicator {
    private final RecentKeys seen;

    public LiquidationDeduplicator(int capacity) {
        this.seen = new RecentKeys(capacity);
    }

    public LiquidationDeduplicator() {
        this(1 << 16);
    }

    /** True the first time this liquidation is seen, false for a repeat. */
    public boolean isNew(Liquidation l) {
        return seen.add(mix(l.instrument().id() * 0x9E3779B97F4A7C15L ^ identity(l)));
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
