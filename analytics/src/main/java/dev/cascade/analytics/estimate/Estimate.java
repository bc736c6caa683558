package dev.cascade.analytics.estimate;

/**
 * A liquidation total as reported and as estimated, with the estimate's 95 % range: {@code lowUsd <= usd <=
 * highUsd}, and {@code reportedUsd <= lowUsd}.
 */
public record Estimate(double reportedUsd, double usd, double lowUsd, double highUsd) {
    public static final Estimate ZERO = new Estimate(0, 0, 0, 0);

    /** How much the estimate adds to what was reported: 1.0 when nothing is hidden. */
    public double ratio() {
        return reportedUsd > 0 ? usd / reportedUsd : Double.NaN;
    }

    static Estimate both(double[] acc) {
        return new Estimate(acc[LiquidationEstimator.REPORTED_LONG] + acc[LiquidationEstimator.REPORTED_SHORT],
                acc[LiquidationEstimator.ESTIMATED_LONG] + acc[LiquidationEstimator.ESTIMATED_SHORT],
                acc[LiquidationEstimator.LOW_LONG] + acc[LiquidationEstimator.LOW_SHORT],
                acc[LiquidationEstimator.HIGH_LONG] + acc[LiquidationEstimator.HIGH_SHORT]);
    }

    /** One side: 0 long, 1 short. */
    static Estimate side(double[] acc, int side) {
        return new Estimate(acc[LiquidationEstimator.REPORTED_LONG + side], acc[LiquidationEstimator.ESTIMATED_LONG + side],
                acc[LiquidationEstimator.LOW_LONG + side], acc[LiquidationEstimator.HIGH_LONG + side]);
    }
}
