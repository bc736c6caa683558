package dev.cascade.analytics.heatmap;

import java.util.Arrays;

/**
 * Predicted liquidation USD of one side by log-spaced price bucket (bucket k spans [g^k, g^(k+1)) with g = 1 +
 * bucket width). Amounts are stored divided by a scale, so shrinking every level in proportion is one
 * multiplication. Consuming removes every bucket from a price up (longs) or down (shorts).
 *
 * <p>Bounded by construction: the book spans at most {@link #MAX_BUCKETS} buckets centred on the price it is
 * made for (at 0.1 % buckets, 1/60 to 60 times it); a level outside is not placed and is counted in
 * {@link #refused()}, so one absurd print cannot make every minute's cluster search walk millions of buckets.
 */
final class LevelBook {
    /** The widest span of buckets a book holds. */
    static final int MAX_BUCKETS = 8192;

    private final double logGrowth;
    private final int lowest;
    private final int highest;
    private double[] stored = new double[0];
    private int base;
    private double scale = 1;
    private double storedTotal;
    private long refused;

    /** A book of {@code bucketPct} buckets around {@code centre}, a positive price. */
    LevelBook(double bucketPct, double centre) {
        this.logGrowth = Math.log1p(bucketPct / 100);
        int mid = centre > 0 && !Double.isInfinite(centre) ? bucketOf(centre) : 0;
        this.lowest = mid - MAX_BUCKETS / 2;
        this.highest = mid + MAX_BUCKETS / 2 - 1;
    }

    int bucketOf(double price) {
        return (int) Math.floor(Math.log(price) / logGrowth);
    }

    /** The lower edge of a bucket. */
    double priceOf(int bucket) {
        return Math.exp(bucket * logGrowth);
    }

    /** The middle of a bucket (geometric). */
    double midOf(int bucket) {
        return Math.exp((bucket + 0.5) * logGrowth);
    }

    void add(int bucket, double usd) {
        if (bucket < lowest || bucket > highest) {
            refused++;
            return;
        }
        if (stored.length == 0) {
            base = Math.max(lowest, bucket - 256);
            stored = new double[Math.min(512, highest - base + 1)];
        }
        if (bucket < base || bucket >= base + stored.length) {
            int from = Math.max(lowest, Math.min(base, bucket - 64));
            int to = Math.min(highest + 1, Math.max(base + stored.length, bucket + 65));
            double[] grown = new double[to - from];
            System.arraycopy(stored, 0, grown, base - from, stored.length);
            stored = grown;
            base = from;
        }
        double s = usd / scale;
        stored[bucket - base] += s;
        storedTotal += s;
    }

    /** Multiplies every level by {@code factor} (0..1). */
    void scaleBy(double factor) {
        if (factor <= 0) {
            Arrays.fill(stored, 0);
            storedTotal = 0;
            scale = 1;
            return;
        }
        scale *= factor;
        if (scale < 1e-200) { // renormalise long before doubles run out
            for (int k = 0; k < stored.length; k++) {
                stored[k] *= scale;
            }
            storedTotal *= scale;
            scale = 1;
        }
    }

    /** Removes the buckets at or above {@code bucket}; returns the USD removed. */
    double consumeFrom(int bucket) {
        return consume(Math.max(0, bucket - base), stored.length);
    }

    /** Removes the buckets from {@code bucket} up ({@code isUp}) or down; returns the USD removed. */
    double consume(int bucket, boolean isUp) {
        return isUp ? consumeFrom(bucket) : consumeUpTo(bucket);
    }

    /** Removes the buckets at or below {@code bucket}; returns the USD removed. */
    double consumeUpTo(int bucket) {
        return consume(0, Math.min(stored.length, bucket - base + 1));
    }

    private double consume(int from, int to) {
        double removed = 0;
        for (int k = from; k < to; k++) {
            removed += stored[k];
            stored[k] = 0;
        }
        storedTotal -= removed;
        if (storedTotal < 0) {
            storedTotal = 0;
        }
        return removed * scale;
    }

    double total() {
        return storedTotal * scale;
    }

    double at(int bucket) {
        int k = bucket - base;
        return k >= 0 && k < stored.length ? stored[k] * scale : 0;
    }

    /** The lowest bucket that can hold anything (the book's range; empty books give 0 and -1). */
    int low() {
        return base;
    }

    int high() {
        return base + stored.length - 1;
    }

    /** Levels not placed for lying outside the book's span. */
    long refused() {
        return refused;
    }

    boolean isEmpty() {
        return stored.length == 0;
    }
}
