package dev.cascade.analytics.heatmap;

import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Micros;
import dev.cascade.model.Venue;
import java.util.function.Function;

/**
 * The levels model's assumptions, all of them (no provider publishes its own). Defaults:
 *
 * <ul>
 *   <li>leverage tiers 5x, 10x, 25x, 50x, 100x weighted 15 %, 30 %, 25 %, 20 %, 10 % (the open-source
 *       reconstruction's; research/methods.md 1.2);</li>
 *   <li>new positions split into longs and shorts by the bar's taker buy share;</li>
 *   <li>liquidation prices by each venue's formula with its maintenance brackets for a representative $10,000
 *       position ({@link MarginBrackets#defaults});</li>
 *   <li>0.1 % price buckets (log-spaced); clusters are peaks of the buckets summed over +-3 buckets that hold at
 *       least 5 % of their side's live total; a 24-hour lookback.</li>
 * </ul>
 */
public record HeatmapSettings(double[] leverages, double[] weights, double representativeUsd, double bucketPct,
                              int clusterRadius, double clusterMinShare, long lookbackMicros,
                              Function<Venue, MarginBrackets> brackets) {
    public static final HeatmapSettings DEFAULT = new HeatmapSettings(new double[] {5, 10, 25, 50, 100},
            new double[] {0.15, 0.30, 0.25, 0.20, 0.10}, 10_000, 0.1, 3, 0.05, Micros.PER_DAY, MarginBrackets::defaults);

    public HeatmapSettings {
        if (leverages.length == 0 || leverages.length != weights.length) {
            throw new IllegalArgumentException("one weight per leverage tier");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(leverages[i] >= 1) || !(weights[i] >= 0)) {
                throw new IllegalArgumentException("leverages >= 1 and weights >= 0");
            }
            sum += weights[i];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("tier weights must add up to 1, not " + sum);
        }
        if (!(bucketPct > 0) || clusterRadius < 0 || !(clusterMinShare > 0) || !(representativeUsd > 0)
                || lookbackMicros < Micros.PER_MINUTE) {
            throw new IllegalArgumentException("heatmap settings out of range");
        }
        leverages = leverages.clone();
        weights = weights.clone();
    }

    /** The same settings with other tier weights (leverages in the same order). */
    public HeatmapSettings withWeights(double[] w) {
        return new HeatmapSettings(leverages, w, representativeUsd, bucketPct, clusterRadius, clusterMinShare,
                lookbackMicros, brackets);
    }

    public HeatmapSettings withLookback(long micros) {
        return new HeatmapSettings(leverages, weights, representativeUsd, bucketPct, clusterRadius, clusterMinShare,
                micros, brackets);
    }
}
