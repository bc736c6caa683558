package dev.cascade.flink;

import dev.cascade.analytics.LargestLiquidation;
import dev.cascade.analytics.SideTotals;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the job's instrument-minutes, as a consumer of its results topic reads them, into totals over
 * everything read: the highest revision of each (venue, symbol, minute) counts, earlier ones are replaced.
 * The totals are sums of the minutes' sums, so they equal the in-process totals up to the order of
 * floating-point additions (a few parts in 10^15).
 */
public final class MinuteTotals {
    private final Map<String, InstrumentMinute> latest = new HashMap<>();

    public void add(InstrumentMinute m) {
        latest.merge(m.key(), m, (old, now) -> now.revision >= old.revision ? now : old);
    }

    /** Instrument-minutes counted (after replacing revisions). */
    public int minutes() {
        return latest.size();
    }

    public SideTotals total() {
        SideTotals all = SideTotals.ZERO;
        for (InstrumentMinute m : latest.values()) {
            all = all.plus(sides(m));
        }
        return all;
    }

    public Map<String, SideTotals> byCoin() {
        return by(m -> m.coin);
    }

    public Map<String, SideTotals> byExchange() {
        return by(m -> m.exchange);
    }

    public Map<String, SideTotals> byVenue() {
        return by(m -> m.venue);
    }

    /** The minute holding the largest single liquidation, or null when there was none. */
    public InstrumentMinute largest() {
        InstrumentMinute best = null;
        for (InstrumentMinute m : latest.values()) {
            if (m.largestSide != null && (best == null
                    || LargestLiquidation.isLarger(m.largestUsd, m.largestMicros, best.largestUsd, best.largestMicros))) {
                best = m;
            }
        }
        return best;
    }

    /** Taker buy and sell USD over everything read, per venue with bars (trades or instrument states). */
    public Map<String, double[]> takerFlowByVenue() {
        Map<String, double[]> by = new TreeMap<>();
        for (InstrumentMinute m : latest.values()) {
            if (m.trades + m.openInterest + m.markPrices + m.fundingRates + m.candles == 0) {
                continue; // liquidations only: no bar
            }
            double[] flow = by.computeIfAbsent(m.venue, v -> new double[2]);
            flow[0] += m.takerBuyUsd;
            flow[1] += m.takerSellUsd;
        }
        return by;
    }

    public long trades() {
        return latest.values().stream().mapToLong(m -> m.trades).sum();
    }

    public long events() {
        return latest.values().stream()
                .mapToLong(m -> m.longCount + m.shortCount + m.trades + m.openInterest + m.markPrices + m.fundingRates + m.candles)
                .sum();
    }

    private Map<String, SideTotals> by(java.util.function.Function<InstrumentMinute, String> name) {
        Map<String, SideTotals> by = new TreeMap<>();
        for (InstrumentMinute m : latest.values()) {
            SideTotals t = sides(m);
            if (t.count() > 0) {
                by.merge(name.apply(m), t, SideTotals::plus);
            }
        }
        return by;
    }

    private static SideTotals sides(InstrumentMinute m) {
        return new SideTotals(m.longUsd, m.shortUsd, m.longCount, m.shortCount);
    }
}
