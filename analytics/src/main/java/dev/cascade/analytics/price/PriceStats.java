package dev.cascade.analytics.price;

import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.bars.Window;
import dev.cascade.model.Micros;
import java.util.List;

/**
 * Price statistics of a coin over a period, for a group of instruments (one venue's or every venue's). The
 * prices (first, last, high, low, their times, the change) follow the group's reference instrument, the one
 * most traded, because a high made on one venue alone is not "the" high; VWAP ("average trading price" =
 * sum of USD / sum of coins) and volume cover every instrument of the group.
 */
public record PriceStats(String reference, double first, long firstMicros, double last, long lastMicros,
                         double high, long highMicros, double low, long lowMicros, double vwap, double volumeUsd,
                         long trades) {

    /** (last / first - 1) x 100. */
    public double changePct() {
        return (last / first - 1) * 100;
    }

    /** Over the whole input; null when the group has no trade. */
    public static PriceStats whole(List<InstrumentBars> group) {
        InstrumentBars ref = Scope.reference(group);
        return ref == null ? null : of(ref, ref.total(), Scope.sumTotals(group));
    }

    /** Over [from, to] (whole minutes; see {@link InstrumentBars#window}); null without a trade in it. */
    public static PriceStats window(List<InstrumentBars> group, long fromMicros, long toMicros) {
        InstrumentBars ref = Scope.reference(group);
        if (ref == null) {
            return null;
        }
        BarSeries sum = new BarSeries();
        for (InstrumentBars b : group) {
            sum.mergeAll(b.window(fromMicros, toMicros));
        }
        return of(ref, ref.window(fromMicros, toMicros), sum);
    }

    private static PriceStats of(InstrumentBars ref, BarSeries r, BarSeries all) {
        if (r.isEmpty() || !r.hasTrades(0)) {
            return null;
        }
        double coin = all.volumeCoin(0);
        return new PriceStats(ref.instrument().toString(), r.open(0), r.openTime(0), r.close(0), r.closeTime(0),
                r.high(0), r.highTime(0), r.low(0), r.lowTime(0), coin > 0 ? all.volumeUsd(0) / coin : Double.NaN,
                all.volumeUsd(0), all.trades(0));
    }

    /**
     * USD traded in the 24 hours to {@code end} against the 24 hours before. The change is NaN unless the data
     * reach back over the earlier day (its first trade within the day's first hour). The earlier day begins inside
     * an hour that a live run keeps only as an hour bar (minutes are kept for 26 hours): that hour counts for the
     * part of it inside the day, read from its total however it is kept, so that a live run, a replay and a
     * restart give the same figure.
     */
    public record VolumeChange(double lastDayUsd, double previousDayUsd, boolean isPreviousCovered) {
        public double changePct() {
            return isPreviousCovered && previousDayUsd > 0 ? (lastDayUsd / previousDayUsd - 1) * 100 : Double.NaN;
        }
    }

    public static VolumeChange volume24h(List<InstrumentBars> group, long endMicros) {
        double last = 0;
        double previous = 0;
        long earliest = Long.MAX_VALUE;
        Window day = Window.ending(endMicros, Micros.PER_DAY);
        Window before = day.previous();
        long firstHour = Math.floorDiv(before.fromMicros(), Micros.PER_HOUR) * Micros.PER_HOUR;
        long nextHour = firstHour + Micros.PER_HOUR;
        double shareOfFirstHour = (double) (nextHour - before.fromMicros()) / Micros.PER_HOUR;
        for (InstrumentBars b : group) {
            BarSeries l = b.window(day.fromMicros(), day.toMicros());
            BarSeries h = b.window(firstHour, nextHour - 1);
            BarSeries p = b.window(nextHour, before.toMicros());
            last += l.isEmpty() ? 0 : l.volumeUsd(0);
            previous += (h.isEmpty() ? 0 : h.volumeUsd(0) * shareOfFirstHour) + (p.isEmpty() ? 0 : p.volumeUsd(0));
            if (!b.total().isEmpty() && b.total().hasTrades(0)) {
                earliest = Math.min(earliest, b.total().openTime(0));
            }
        }
        return new VolumeChange(last, previous, earliest < before.fromMicros() + Micros.PER_HOUR);
    }
}
