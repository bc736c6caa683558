package dev.cascade.analytics;

/** Liquidated USD and order counts split by the liquidated side. */
public record SideTotals(double longUsd, double shortUsd, long longCount, long shortCount) {
    public static final SideTotals ZERO = new SideTotals(0, 0, 0, 0);

    public double usd() {
        return longUsd + shortUsd;
    }

    public long count() {
        return longCount + shortCount;
    }

    /** Longs' share of the USD total, 0..1; NaN when nothing was liquidated. */
    public double longShare() {
        double usd = usd();
        return usd > 0 ? longUsd / usd : Double.NaN;
    }

    public SideTotals plus(SideTotals o) {
        return new SideTotals(longUsd + o.longUsd, shortUsd + o.shortUsd, longCount + o.longCount,
                shortCount + o.shortCount);
    }
}
