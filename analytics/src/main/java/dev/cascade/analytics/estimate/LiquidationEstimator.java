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
 *
 * <p>Positions liquidated are estimated the same way: a throttled feed pushes one order per second with a
 * liquidation, so the orders received in a minute are {@code k} and the estimate is {@code k x m}
 * ({@code = -60 ln(1 - p)}, the Poisson count behind k busy seconds).
 *
 * <p>Presence assumes liquidations arrive evenly within a minute. A cascade bunches them into seconds, which a
 * one-per-second feed cannot show, and at p near 1 presence adds at most about five times what was received. So
 * where a venue that publishes everything (Bybit) saw the same coin liquidated, it calibrates the rest, minute by
 * minute: its true count times the throttled symbol's trades relative to its own, and its USD times
 * that and the ratio of mean liquidation sizes (see {@link LiquidationPresence}). The estimate is never below what
 * was received, and the complete venue's Poisson error gives the range (the ratio's own error is not in it).
 */
public final class LiquidationEstimator {
    /** The largest multiplier an upper bound uses. */
    public static final double CAP = 20;
    private static final double Z = 1.96;
    private static final int N = 60;

    // accumulator layout: USD per side, then the same four pairs for counts (USD slot + COUNTS)
    static final int REPORTED_LONG = 0;
    static final int REPORTED_SHORT = 1;
    static final int ESTIMATED_LONG = 2;
    static final int ESTIMATED_SHORT = 3;
    static final int LOW_LONG = 4;
    static final int LOW_SHORT = 5;
    static final int HIGH_LONG = 6;
    static final int HIGH_SHORT = 7;
    static final int COUNTS = 8;
    static final int REPORTED_COUNT_LONG = REPORTED_LONG + COUNTS;
    static final int REPORTED_COUNT_SHORT = REPORTED_SHORT + COUNTS;
    static final int COUNT_LONG = ESTIMATED_LONG + COUNTS;
    static final int COUNT_SHORT = ESTIMATED_SHORT + COUNTS;
    static final int LOW_COUNT_LONG = LOW_LONG + COUNTS;
    static final int LOW_COUNT_SHORT = LOW_SHORT + COUNTS;
    static final int HIGH_COUNT_LONG = HIGH_LONG + COUNTS;
    static final int HIGH_COUNT_SHORT = HIGH_SHORT + COUNTS;
    static final int CHECK_ACTUAL = 16;
    static final int CHECK_THROTTLED = 17;
    static final int CHECK_ESTIMATED = 18;
    static final int CHECK_LOW = 19;
    static final int CHECK_HIGH = 20;
    static final int CHECK_ACTUAL_COUNT = 21;
    static final int CHECK_THROTTLED_COUNT = 22;
    static final int CHECK_ESTIMATED_COUNT = 23;
    static final int CHECK_LOW_COUNT = 24;
    static final int CHECK_HIGH_COUNT = 25;
    static final int SATURATED = 26;
    static final int CALIBRATED = 27;
    static final int SLOTS = 28;
    /** From this many of 60 seconds with a push on, a minute is saturated: presence says little there. */
    static final int SATURATION = N - 6;

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

    /** Adds row {@code i} of {@code s} into {@code acc} (layout above) by presence alone. */
    static void accumulate(PresenceSeries s, int i, double[] acc) {
        accumulate(s, i, acc, null);
    }

    /** Adds row {@code i} of {@code s} into {@code acc}; a throttled venue's by {@code calibration} when given. */
    static void accumulate(PresenceSeries s, int i, double[] acc, Calibration calibration) {
        double longs = s.longUsd(i);
        double shorts = s.shortUsd(i);
        long longCount = s.longCount(i);
        long shortCount = s.shortCount(i);
        acc[REPORTED_LONG] += longs;
        acc[REPORTED_SHORT] += shorts;
        acc[REPORTED_COUNT_LONG] += longCount;
        acc[REPORTED_COUNT_SHORT] += shortCount;
        int k = s.secondsPresent(i);
        if (s.isComplete()) {
            for (int j = 1; j < 4; j++) {
                acc[REPORTED_LONG + 2 * j] += longs;
                acc[REPORTED_SHORT + 2 * j] += shorts;
                acc[REPORTED_COUNT_LONG + 2 * j] += longCount;
                acc[REPORTED_COUNT_SHORT + 2 * j] += shortCount;
            }
            // the check: throttle this complete minute as Binance would (k pushes, the latest of each second), and
            // estimate it back by presence alone
            double throttled = s.throttledUsd(i);
            acc[CHECK_ACTUAL] += longs + shorts;
            acc[CHECK_THROTTLED] += throttled;
            acc[CHECK_ESTIMATED] += throttled * multiplier(k);
            acc[CHECK_LOW] += throttled * lowMultiplier(k);
            acc[CHECK_HIGH] += throttled * highMultiplier(k);
            acc[CHECK_ACTUAL_COUNT] += longCount + shortCount;
            acc[CHECK_THROTTLED_COUNT] += k;
            acc[CHECK_ESTIMATED_COUNT] += k * multiplier(k);
            acc[CHECK_LOW_COUNT] += k * lowMultiplier(k);
            acc[CHECK_HIGH_COUNT] += k * highMultiplier(k);
            return;
        }
        acc[SATURATED] += k >= SATURATION ? 1 : 0;
        if (calibration != null) {
            double reported = longCount + shortCount;
            double reportedUsd = longs + shorts;
            double[] c = calibration.counts(reported);
            double[] u = calibration.usd(reportedUsd);
            for (int j = 0; j < 3; j++) {
                acc[COUNT_LONG + 2 * j] += c[j] * longCount / reported;
                acc[COUNT_SHORT + 2 * j] += c[j] * shortCount / reported;
                acc[ESTIMATED_LONG + 2 * j] += reportedUsd > 0 ? u[j] * longs / reportedUsd : 0;
                acc[ESTIMATED_SHORT + 2 * j] += reportedUsd > 0 ? u[j] * shorts / reportedUsd : 0;
            }
            acc[CALIBRATED]++;
            return;
        }
        double[] m = {multiplier(k), lowMultiplier(k), highMultiplier(k)};
        for (int j = 0; j < 3; j++) {
            acc[ESTIMATED_LONG + 2 * j] += longs * m[j];
            acc[ESTIMATED_SHORT + 2 * j] += shorts * m[j];
            acc[COUNT_LONG + 2 * j] += longCount * m[j];
            acc[COUNT_SHORT + 2 * j] += shortCount * m[j];
        }
    }

    /**
     * Adds a minute the throttled symbol pushed nothing in while the complete venue saw its coin liquidated: the
     * calibrated figures, split by side as the complete venue's were.
     */
    static void accumulateUnseen(double[] acc, Calibration calibration) {
        double[] c = calibration.counts(0);
        double[] u = calibration.usd(0);
        double longCount = calibration.completeLongCount() / calibration.completeCount();
        double longUsd = calibration.completeUsd() > 0 ? calibration.completeLongUsd() / calibration.completeUsd() : 0;
        for (int j = 0; j < 3; j++) {
            acc[COUNT_LONG + 2 * j] += c[j] * longCount;
            acc[COUNT_SHORT + 2 * j] += c[j] * (1 - longCount);
            acc[ESTIMATED_LONG + 2 * j] += u[j] * longUsd;
            acc[ESTIMATED_SHORT + 2 * j] += u[j] * (1 - longUsd);
        }
        acc[CALIBRATED]++;
    }

    /**
     * What a venue that publishes everything saw of the same coin in a minute ({@code complete*}), and how a
     * throttled symbol compares with it over the window, in positions and in USD.
     */
    record Calibration(double completeCount, double completeUsd, double completeLongCount, double completeLongUsd,
                       double countRatio, double usdRatio) {
        /** {estimate, low, high} of positions, none below the {@code received} orders. */
        double[] counts(double received) {
            return scaled(countRatio, completeCount, Z * Math.sqrt(completeCount), received);
        }

        /** {estimate, low, high} of USD, none below the {@code reported}; the count's relative error. */
        double[] usd(double reported) {
            return scaled(usdRatio, completeUsd, completeUsd * Z / Math.sqrt(Math.max(1, completeCount)), reported);
        }

        private static double[] scaled(double ratio, double seen, double error, double floor) {
            double estimate = Math.max(floor, ratio * seen);
            return new double[] {estimate, Math.min(estimate, Math.max(floor, ratio * (seen - error))),
                Math.max(estimate, ratio * (seen + error))};
        }
    }
}
