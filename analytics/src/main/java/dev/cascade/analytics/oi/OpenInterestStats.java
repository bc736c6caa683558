package dev.cascade.analytics.oi;

import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Window;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open interest and funding of a coin on a group of instruments, in USD (single-sided, as the venues count
 * it), with its change over windows ending at a time. A change only adds up instruments whose open interest is
 * known at both ends, so an instrument that started reporting mid-window does not look like new positions.
 * Funding is the latest rate of each instrument, averaged with open-interest weights (plain mean without them).
 */
public record OpenInterestStats(double usd, Map<String, Change> changes, double fundingRate, double markPrice) {

    /** The change over one window: open interest at its start, the difference, and the difference in percent. */
    public record Change(double fromUsd, double toUsd) {
        public double changeUsd() {
            return toUsd - fromUsd;
        }

        public double changePct() {
            return fromUsd > 0 ? (toUsd / fromUsd - 1) * 100 : Double.NaN;
        }
    }

    /**
     * The statistics at {@code endMicros}, with a change per named window length; null when the group has no
     * open interest, funding or mark price at all.
     */
    public static OpenInterestStats of(List<InstrumentBars> group, long endMicros, Map<String, Long> windows) {
        double usd = 0;
        int known = 0;
        double fundingWeighted = 0;
        double fundingWeights = 0;
        double fundingSum = 0;
        int fundings = 0;
        double mark = Double.NaN;
        double markVolume = -1;
        for (InstrumentBars b : group) {
            double oi = b.openInterestUsdAt(endMicros);
            if (!Double.isNaN(oi)) {
                usd += oi;
                known++;
            }
            BarSeries t = b.total();
            if (t.isEmpty()) {
                continue;
            }
            if (t.fundingTime(0) != BarSeries.NONE) {
                fundingSum += t.funding(0);
                fundings++;
                if (oi > 0) {
                    fundingWeighted += t.funding(0) * oi;
                    fundingWeights += oi;
                }
            }
            if (t.markTime(0) != BarSeries.NONE && t.volumeUsd(0) > markVolume) {
                mark = t.mark(0);
                markVolume = t.volumeUsd(0);
            }
        }
        if (known == 0 && fundings == 0 && Double.isNaN(mark)) {
            return null;
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Long> w : windows.entrySet()) {
            long from = Window.ending(endMicros, w.getValue()).fromMicros();
            double a = 0;
            double z = 0;
            int both = 0;
            for (InstrumentBars b : group) {
                double x = b.openInterestUsdAt(from);
                double y = b.openInterestUsdAt(endMicros);
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    a += x;
                    z += y;
                    both++;
                }
            }
            if (both > 0) {
                changes.put(w.getKey(), new Change(a, z));
            }
        }
        double funding = fundingWeights > 0 ? fundingWeighted / fundingWeights
                : fundings > 0 ? fundingSum / fundings : Double.NaN;
        return new OpenInterestStats(known > 0 ? usd : Double.NaN, changes, funding, mark);
    }
}
