package dev.cascade.analytics.estimate;

import java.util.Map;

/**
 * Estimated liquidation totals over a period, split like the reported ones (maps ordered by estimated USD), with
 * the estimator's own check and the number of symbol-minutes where it saturated (54 or more of 60 seconds
 * pushed: there the range is wide and the true figure may lie near its top), and how many of those the complete
 * venue calibrated.
 */
public record EstimateSummary(Estimate total, Estimate longs, Estimate shorts, Map<String, Estimate> byCoin,
                              Map<String, Estimate> byExchange, Map<String, Estimate> byVenue, Check check,
                              long saturatedMinutes, long calibratedMinutes) {

    /**
     * The estimator run on a venue that publishes everything (Bybit), after throttling it to the latest liquidation
     * per symbol per second as Binance and OKX do: how much of the true total the estimate recovers.
     */
    public record Check(double actualUsd, double throttledUsd, double estimatedUsd, double lowUsd, double highUsd,
                        long actualCount, long throttledCount, double estimatedCount, double lowCount,
                        double highCount) {
        static Check of(double[] acc) {
            return new Check(acc[LiquidationEstimator.CHECK_ACTUAL], acc[LiquidationEstimator.CHECK_THROTTLED],
                    acc[LiquidationEstimator.CHECK_ESTIMATED], acc[LiquidationEstimator.CHECK_LOW],
                    acc[LiquidationEstimator.CHECK_HIGH], Math.round(acc[LiquidationEstimator.CHECK_ACTUAL_COUNT]),
                    Math.round(acc[LiquidationEstimator.CHECK_THROTTLED_COUNT]),
                    acc[LiquidationEstimator.CHECK_ESTIMATED_COUNT], acc[LiquidationEstimator.CHECK_LOW_COUNT],
                    acc[LiquidationEstimator.CHECK_HIGH_COUNT]);
        }

        /** Estimated positions over the true count: 1.0 is a perfect recovery. */
        public double recoveredCount() {
            return actualCount > 0 ? estimatedCount / actualCount : Double.NaN;
        }

        /** Whether the true count lies within the estimate's range. */
        public boolean isCountWithinRange() {
            return actualCount >= lowCount && actualCount <= highCount;
        }

        /** The share of the true total a one-per-second feed shows. */
        public double throttledShare() {
            return actualUsd > 0 ? throttledUsd / actualUsd : Double.NaN;
        }

        /** Estimate over truth: 1.0 is a perfect recovery. */
        public double recovered() {
            return actualUsd > 0 ? estimatedUsd / actualUsd : Double.NaN;
        }

        /** Whether the truth lies within the estimate's range. */
        public boolean isWithinRange() {
            return actualUsd >= lowUsd && actualUsd <= highUsd;
        }
    }
}
