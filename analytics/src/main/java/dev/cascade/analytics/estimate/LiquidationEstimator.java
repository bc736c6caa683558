package dev.cascade.analytics.estimate;

/**
 * The presence estimator of research/methods.md section 6, per symbol and minute. Binance and OKX push at most
 * one liquidation per symbol per second (the latest), so a second with a push may hide more. With p the share
 * of a minute's 60 seconds that had a push, and liquidations arriving as a Poisson process within the minute:
 *
 * <pre>
 *   lambda = -ln(1 - p)          liquidations per second
 *   m      = lambda / p          true orders per pushed order (1.05 at p = 0.1, 1.39 at 0.5, 2.56 at 0.9)
 *   estimated USD = reported USD x m     (the pushed order is assumed size-neutral)
 * </pre>
 *
 * Bounds come from the 95 % Wilson interval of p over 60 seconds, put through the same m. At p = 1 (every
 * second pushed, which is when cascades happen) the point estimate uses 59.5 of 60 seconds and the upper
 * bound is capped at {@link #CAP} times the reported amount: beyond that the feed says nothing. Minutes are
 * added up bound by bound, as if their errors went together, so the range is conservative. Venues that publish
 * everything (Bybit allLiquidation) are taken as they are: estimate = low = high = reported.
 */
public final class LiquidationEstimator {
    /** The largest multiplier an upper bound uses. */
    public static final double CAP = 20;
    private static final double Z = 1.96;
    private static final int N = 60;

    // accumulator layout
    static final int REPORTED_LONG = 0;
    static final int REPORTED_SHORT = 1;
    static final int ESTIMATED_LONG = 2;
    static final int ESTIMATED_SHORT = 3;
    static final int LOW_LONG = 4;
    static final int LOW_SHORT = 5;
    static final int HIGH_LONG = 6;
    static final int HIGH_SHORT = 7;
    static final int CHECK_ACTUAL = 8;
    static final int CHECK_THROTTLED = 9;
    static final int CHECK_ESTIMATED = 10;
    static final int CHECK_LOW = 11;
    static final int CHECK_HIGH = 12;
    static final int SATURATED = 13;
    static final int SLOTS = 14;

    private LiquidationEstimator() {
    }

    /** m for {@code k} of 60 seconds with a push (k >= 1). */
    public static double multiplier(int k) {
        double p = (k >= N ? N - 0.5 : k) / (double) N;
        return m(p);
    }

    /** The multiplier at the lower end of the 95 % interval of p. */
    public static double lowMultiplier(int k) {
        return m(Math.max(1e-9, wilson(k, -1)));
    }

    /** The multiplier at the upper end of the 95 % interval of p, at most {@link #CAP}. */
    public static double highMultiplier(int k) {
        double p = wilson(k, 1);
        return p >= 1 ? CAP : Math.min(CAP, m(p));
    }

    private static double m(double p) {
        return -Math.log1p(-p) / p;
    }

    /** The Wilson score bound (sign -1 lower, +1 upper) of k successes in 60. */
    static double wilson(int k, int sign) {
        double p = k / (double) N;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * N);
        double half = Z * Math.sqrt(p * (1 - p) / N + z2 / (4.0 * N * N));
        return Math.min(1, Math.max(0, (centre + sign * half) / (1 + z2 / N)));
    }

    /** Adds row {@code i} of {@code s} into {@code acc} (layout above). */
    static void accumulate(PresenceSeries s, int i, double[] acc) {
        double longs = s.longUsd(i);
        double shorts = s.shortUsd(i);
        acc[REPORTED_LONG] += longs;
        acc[REPORTED_SHORT] += shorts;
        if (s.isComplete()) {
            for (int k = 0; k < 3; k++) {
                acc[ESTIMATED_LONG + 2 * k] += longs;
                acc[ESTIMATED_SHORT + 2 * k] += shorts;
            }
            // the check: throttle this complete minute as Binance would, and estimate it back
            int k = s.secondsPresent(i);
            double throttled = s.throttledUsd(i);
            acc[CHECK_ACTUAL] += longs + shorts;
            acc[CHECK_THROTTLED] += throttled;
            acc[CHECK_ESTIMATED] += throttled * multiplier(k);
            acc[CHECK_LOW] += throttled * lowMultiplier(k);
            acc[CHECK_HIGH] += throttled * highMultiplier(k);
            return;
        }
        int k = s.secondsPresent(i);
        double m = multiplier(k);
        double lo = lowMultiplier(k);
        double hi = highMultiplier(k);
        acc[ESTIMATED_LONG] += longs * m;
        acc[ESTIMATED_SHORT] += shorts * m;
        acc[LOW_LONG] += longs * lo;
        acc[LOW_SHORT] += shorts * lo;
        acc[HIGH_LONG] += longs * hi;
        acc[HIGH_SHORT] += shorts * hi;
        acc[SATURATED] += k >= N - 6 ? 1 : 0; // 90 % of the seconds or more: the estimate is weak there
    }
}
