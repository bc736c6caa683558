package dev.cascade.analytics.heatmap;

import dev.cascade.model.Side;
import java.util.List;

/**
 * A coin's predicted liquidation levels at the end of a lookback, the clusters among them, the clusters price ran
 * through, and how well the model did: the share of realized liquidation USD that happened inside the clusters
 * it predicted at the time ({@link HitRate}). Levels are relative intensity, not positions known to exist.
 */
public record Heatmap(String coin, String reference, long fromMicros, long toMicros, double price, double bucketPct,
                      List<Level> levels, List<Cluster> clusters, List<Swept> swept, HitRate hitRate,
                      List<Snapshot> snapshots) {

    /** One price bucket: its lower edge and the USD predicted to be liquidated there per side. */
    public record Level(double price, double longUsd, double shortUsd) {
    }

    /** A band of buckets around a local peak, holding {@code share} of its side's predicted total. */
    public record Cluster(Side side, double price, double lowPrice, double highPrice, double usd, double share) {
        public boolean contains(double p) {
            return p >= lowPrice && p < highPrice;
        }
    }

    /** A cluster that price traded through (its peak bucket consumed) in the minute starting at {@code timeMicros}. */
    public record Swept(long timeMicros, Cluster cluster, double consumedUsd) {
    }

    /**
     * Realized liquidations checked against the clusters predicted just before them (after a warm-up hour), and
     * the average share of the price range within 10 % of price that the clusters covered: a model that caught
     * 40 % of liquidations with clusters covering 5 % of the range is informative; one covering 40 % is not.
     */
    public record HitRate(double realizedUsd, double insideUsd, double longRealizedUsd, double longInsideUsd,
                          double shortRealizedUsd, double shortInsideUsd, double meanCoveragePct, long checks) {
        public double share() {
            return realizedUsd > 0 ? insideUsd / realizedUsd : Double.NaN;
        }
    }

    /** The levels at one time, for drawing the heatmap over time. */
    public record Snapshot(long timeMicros, double price, List<Level> levels) {
    }
}
