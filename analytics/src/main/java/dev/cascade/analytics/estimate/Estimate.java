package dev.cascade.analytics.estimate;

/**
 * A liquidation total as reported and as estimated, in USD and in positions liquidated, each with the estimate's
 * 95 % range: {@code lowUsd <= usd <= highUsd}, {@code reportedUsd <= lowUsd}, and the same for the count (orders
 * received {@code reportedCount}, positions liquidated {@code count} between {@code lowCount} and {@code highCount}).
 */
public record Estimate(double reportedUsd, double usd, double lowUsd, double highUsd, long reportedCount, double count,
                       double lowCount, double highCount) {
    public static final Estimate ZERO = new Estimate(0, 0, 0, 0, 0, 0, 0, 0);

    /** What a venue that publishes everything shows: the estimate is the report. */
    public static Estimate exact(double usd, long count) {
        return new Estimate(usd, usd, usd, usd, count, count, count, count);
    }

    /** How much the estimate adds to what was reported: 1.0 when nothing is hidden. */
    public double ratio() {
        return reportedUsd > 0 ? usd / reportedUsd : Double.NaN;
    }

    static Estimate both(double[] acc) {
        return new Estimate(acc[LiquidationEstimator.REPORTED_LONG] + acc[LiquidationEstimator.REPORTED_SHORT],
                acc[LiquidationEstimator.ESTIMATED_LONG] + acc[LiquidationEstimator.ESTIMATED_SHORT],
                acc[LiquidationEstimator.LOW_LONG] + acc[LiquidationEstimator.LOW_SHORT],
                acc[LiquidationEstimator.HIGH_LONG] + acc[LiquidationEstimator.HIGH_SHORT],
                Math.round(acc[LiquidationEstimator.REPORTED_COUNT_LONG] + acc[LiquidationEstimator.REPORTED_COUNT_SHORT]),
                acc[LiquidationEstimator.COUNT_LONG] + acc[LiquidationEstimator.COUNT_SHORT],
                acc[LiquidationEstimator.LOW_COUNT_LONG] + acc[LiquidationEstimator.LOW_COUNT_SHORT],
                acc[LiquidationEstimator.HIGH_COUNT_LONG] + acc[LiquidationEstimator.HIGH_COUNT_SHORT]);
    }

    /** One side: 0 long, 1 short. */
    static Estimate side(double[] acc, int side) {
        return new Estimate(acc[LiquidationEstimator.REPORTED_LONG + side], acc[LiquidationEstimator.ESTIMATED_LONG + side],
                acc[LiquidationEstimator.LOW_LONG + side], acc[LiquidationEstimator.HIGH_LONG + side],
                Math.round(acc[LiquidationEstimator.REPORTED_COUNT_LONG + side]),
                acc[LiquidationEstimator.COUNT_LONG + side], acc[LiquidationEstimator.LOW_COUNT_LONG + side],
                acc[LiquidationEstimator.HIGH_COUNT_LONG + side]);
    }
}
