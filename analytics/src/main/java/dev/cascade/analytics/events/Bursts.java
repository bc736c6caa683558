package dev.cascade.analytics.events;

import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Liquidation bursts: runs of at least {@code minMinutes} consecutive minutes in which one venue liquidated at
 * least {@code minUsdPerMinute} of one side ("over $160M of longs within minutes"). Read out of the per-minute
 * chart of {@link LiquidationTotals}. Defaults: $1,000,000 a minute for 2 minutes.
 */
public final class Bursts {
    public record Settings(double minUsdPerMinute, int minMinutes) {
        public static final Settings DEFAULT = new Settings(1_000_000, 2);

        public Settings {
            if (!(minUsdPerMinute > 0) || minMinutes < 1) {
                throw new IllegalArgumentException("burst threshold must be positive and at least one minute");
            }
        }
    }

    /** One burst: [startMicros, endMicros) covers its minutes; {@code peakUsd} is its busiest minute. */
    public record Burst(Venue venue, Side side, long startMicros, long endMicros, double usd, long count,
                        double peakUsd, long peakMicros) {
        public int minutes() {
            return (int) ((endMicros - startMicros) / Micros.PER_MINUTE);
        }
    }

    private Bursts() {
    }

    /** Every burst of every venue and side, in time order. */
    public static List<Burst> find(LiquidationTotals totals, Settings s) {
        List<Burst> out = new ArrayList<>();
        for (Venue v : Venue.values()) {
            List<MinuteBar> bars = totals.minuteBars(v);
            for (Side side : Side.values()) {
                find(bars, v, side, s, out);
            }
        }
        out.sort(Comparator.comparingLong(Burst::startMicros).thenComparing(Burst::venue).thenComparing(Burst::side));
        return out;
    }

    private static void find(List<MinuteBar> bars, Venue venue, Side side, Settings s, List<Burst> out) {
        int i = 0;
        while (i < bars.size()) {
            if (usd(bars.get(i), side) < s.minUsdPerMinute()) {
                i++;
                continue;
            }
            int start = i;
            double usd = 0;
            long count = 0;
            MinuteBar peak = bars.get(i);
            while (i < bars.size() && usd(bars.get(i), side) >= s.minUsdPerMinute()
                    && (i == start || bars.get(i).minuteMicros() - bars.get(i - 1).minuteMicros() == Micros.PER_MINUTE)) {
                MinuteBar b = bars.get(i);
                usd += usd(b, side);
                count += side == Side.LONG ? b.longCount() : b.shortCount();
                if (usd(b, side) > usd(peak, side)) {
                    peak = b;
                }
                i++;
            }
            if (i - start >= s.minMinutes()) {
                out.add(new Burst(venue, side, bars.get(start).minuteMicros(),
                        bars.get(i - 1).minuteMicros() + Micros.PER_MINUTE, usd, count, usd(peak, side),
                        peak.minuteMicros()));
            }
        }
    }

    private static double usd(MinuteBar b, Side side) {
        return side == Side.LONG ? b.longUsd() : b.shortUsd();
    }
}
