package dev.cascade.analytics.events;

import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.MinuteBar;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.model.Coin;
import dev.cascade.model.Micros;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Long squeezes, short squeezes and leverage flushes of a coin across venues (research/methods.md section 4),
 * judged over a sliding window that ends at every minute:
 *
 * <pre>
 *   long squeeze   price change <= -minPricePct, OI change <= -minOiPct, longs >= minSideShare of liquidations
 *   short squeeze  price change >= +minPricePct, OI change <= -minOiPct, shorts >= minSideShare
 *   leverage flush OI change <= -flushOiPct, price down, longs at least half of the liquidations
 *   and always     liquidations >= minLiquidationUsd in the window;
 *   squeezes also  taker NTV z-score beyond -/+ minTakerZ against the preceding windows, when a day of them exists
 * </pre>
 *
 * A leverage flush is the price-down, OI-down quadrant (long closures): a window where OI fell while the price
 * rose and shorts were liquidated is short covering, and calling it a flush would contradict its own evidence.
 * Consecutive minutes that trigger the same kind make one event, reported with the evidence of its strongest
 * window (the most liquidated). The thresholds are placeholders to calibrate, documented in the README.
 */
public final class FlushDetector {
    public record Settings(long windowMicros, double minPricePct, double minOiPct, double flushOiPct,
                           double minSideShare, double minLiquidationUsd, double minTakerZ) {
        public static final Settings DEFAULT = new Settings(Micros.PER_HOUR, 2, 1, 4, 0.75, 2_000_000, 2);
    }

    /** What a window showed: the figures each rule was judged on. */
    public record Evidence(long fromMicros, long toMicros, double fromPrice, double toPrice, double oiFromUsd,
                           double oiToUsd, double longUsd, double shortUsd, double takerNetUsd, double takerZ) {
        public double priceChangePct() {
            return (toPrice / fromPrice - 1) * 100;
        }

        public double oiChangePct() {
            return oiFromUsd > 0 ? (oiToUsd / oiFromUsd - 1) * 100 : Double.NaN;
        }

        public double longShare() {
            double all = longUsd + shortUsd;
            return all > 0 ? longUsd / all : Double.NaN;
        }
    }

    /**
     * One detected event: "long-squeeze", "short-squeeze" or "leverage-flush", over the windows from
     * {@code startMicros} to {@code endMicros}; {@code detectedMicros} ends the first window that triggered (when
     * a live run would have raised it), {@code evidence} is the window with the most liquidations.
     */
    public record Flush(String kind, String coin, long startMicros, long detectedMicros, long endMicros,
                        Evidence evidence) {
    }

    private FlushDetector() {
    }

    /** The events of one coin, in time order. */
    public static List<Flush> find(MarketBars bars, LiquidationTotals liquidations, Coin coin, Settings s) {
        List<InstrumentBars> group = Scope.ALL.select(bars, coin);
        InstrumentBars ref = Scope.reference(group);
        List<Flush> out = new ArrayList<>();
        if (ref == null || ref.minutes().isEmpty()) {
            return out;
        }
        BarSeries refMinutes = ref.minutes();
        long first = refMinutes.slot(0);
        long last = refMinutes.slot(refMinutes.size() - 1);
        int n = (int) (last - first + 1);
        int w = (int) Math.max(1, s.windowMicros() / Micros.PER_MINUTE);
        if (n <= w || n > 2_000_000) {
            return out;
        }
        double[] close = carried(refMinutes, first, n);
        // prefix sums: x[k + 1] - x[j] is the sum over minutes j..k
        double[] net = new double[n + 1];
        for (InstrumentBars b : group) {
            BarSeries m = b.minutes();
            for (int j = m.indexAtOrAfter(first); j < m.size() && m.slot(j) <= last; j++) {
                net[(int) (m.slot(j) - first) + 1] += m.buyUsd(j) - m.sellUsd(j);
            }
        }
        double[] longs = new double[n + 1];
        double[] shorts = new double[n + 1];
        for (MinuteBar b : liquidations.minuteBars(coin)) {
            long k = b.minuteMicros() / Micros.PER_MINUTE - first;
            if (k >= 0 && k < n) {
                longs[(int) k + 1] += b.longUsd();
                shorts[(int) k + 1] += b.shortUsd();
            }
        }
        for (int k = 1; k <= n; k++) {
            net[k] += net[k - 1];
            longs[k] += longs[k - 1];
            shorts[k] += shorts[k - 1];
        }
        List<Flush> open = new ArrayList<>();
        for (int end = w; end < n; end++) {
            int start = end - w; // the window is minutes (start, end]; prices and OI at the ends of minutes start and end
            long startMicros = (first + start + 1) * Micros.PER_MINUTE;
            long endMicros = (first + end + 1) * Micros.PER_MINUTE - 1;
            double[] oi = openInterest(group, startMicros - 1, endMicros);
            double l = longs[end + 1] - longs[start + 1];
            double sh = shorts[end + 1] - shorts[start + 1];
            double ntv = net[end + 1] - net[start + 1];
            Evidence e = new Evidence(startMicros, endMicros, close[start], close[end], oi[0], oi[1], l, sh, ntv,
                    takerZ(net, end, w));
            record(open, out, "long-squeeze", coin, e, isSqueeze(e, s, true));
            record(open, out, "short-squeeze", coin, e, isSqueeze(e, s, false));
            record(open, out, "leverage-flush", coin, e, e.oiChangePct() <= -s.flushOiPct()
                    && l + sh >= s.minLiquidationUsd() && e.priceChangePct() < 0 && e.longShare() >= 0.5);
        }
        out.addAll(open);
        out.sort(Comparator.comparingLong(Flush::detectedMicros).thenComparing(Flush::kind));
        return out;
    }

    private static boolean isSqueeze(Evidence e, Settings s, boolean isLong) {
        double dp = e.priceChangePct();
        double share = isLong ? e.longShare() : 1 - e.longShare();
        boolean isTakerAligned = Double.isNaN(e.takerZ()) || (isLong ? e.takerZ() <= -s.minTakerZ()
                : e.takerZ() >= s.minTakerZ());
        return (isLong ? dp <= -s.minPricePct() : dp >= s.minPricePct()) && e.oiChangePct() <= -s.minOiPct()
                && share >= s.minSideShare() && e.longUsd() + e.shortUsd() >= s.minLiquidationUsd() && isTakerAligned;
    }

    /** Extends the open event of {@code kind}, opens one, or closes it when the window no longer triggers. */
    private static void record(List<Flush> open, List<Flush> out, String kind, Coin coin, Evidence e, boolean isOn) {
        Flush current = null;
        for (Flush f : open) {
            if (f.kind().equals(kind)) {
                current = f;
            }
        }
        if (isOn) {
            Evidence best = current == null || e.longUsd() + e.shortUsd() > current.evidence().longUsd()
                    + current.evidence().shortUsd() ? e : current.evidence();
            Flush next = current == null ? new Flush(kind, coin.name(), e.fromMicros(), e.toMicros(), e.toMicros(), e)
                    : new Flush(kind, coin.name(), current.startMicros(), current.detectedMicros(), e.toMicros(), best);
            open.remove(current);
            open.add(next);
        } else if (current != null) {
            open.remove(current);
            out.add(current);
        }
    }

    /**
     * z of the window's NTV against the preceding windows of the same length (at most a week of them);
     * {@code net} holds prefix sums.
     */
    private static double takerZ(double[] net, int end, int w) {
        double x = net[end + 1] - net[end - w + 1];
        int count = 0;
        double sum = 0;
        double sumSq = 0;
        for (int e = end - w; e - w + 1 >= 0 && count < 7 * 24 * 60 / w; e -= w) {
            double v = net[e + 1] - net[e - w + 1];
            sum += v;
            sumSq += v * v;
            count++;
        }
        if (count < Math.max(2, 24 * 60 / w)) {
            return Double.NaN;
        }
        double mean = sum / count;
        double sd = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
        return sd > 0 ? (x - mean) / sd : Double.NaN;
    }

    /** Open interest at two times over the instruments known at both. */
    private static double[] openInterest(List<InstrumentBars> group, long from, long to) {
        double a = 0;
        double b = 0;
        for (InstrumentBars i : group) {
            double x = i.openInterestUsdAt(from);
            double y = i.openInterestUsdAt(to);
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                a += x;
                b += y;
            }
        }
        return new double[] {a, b};
    }

    /** Minute closes from {@code first}, each minute without a trade carrying the last close forward. */
    private static double[] carried(BarSeries m, long first, int n) {
        double[] close = new double[n];
        double last = Double.NaN;
        int j = 0;
        for (int k = 0; k < n; k++) {
            while (j < m.size() && m.slot(j) <= first + k) {
                if (m.hasTrades(j)) {
                    last = m.close(j);
                }
                j++;
            }
            close[k] = last;
        }
        return close;
    }
}
