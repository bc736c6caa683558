package dev.cascade.analytics;

/** One minute of the liquidation chart: USD and counts liquidated per side in [minuteMicros, +60 s). */
public record MinuteBar(long minuteMicros, double longUsd, double shortUsd, long longCount, long shortCount) {
    public double usd() {
        return longUsd + shortUsd;
    }
}
