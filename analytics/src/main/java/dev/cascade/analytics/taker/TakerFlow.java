package dev.cascade.analytics.taker;

import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.Resolution;
import dev.cascade.model.Micros;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Net taker volume of a group of instruments (one venue's, one exchange's or every venue's trades of a coin),
 * read out of summed bars (methods.md section 3):
 *
 * <pre>
 *   NTV = taker buy USD - taker sell USD       buy share = buy / (buy + sell)       CVD = running sum of NTV
 *   MA  = mean NTV of the last n bars (7 one-hour bars: the "7-hour moving average" of recaps)
 *   z   = (NTV - mean) / sd over the trailing window, the bar itself excluded
 *   pct = percentile rank of NTV among the trailing window (ties count half)
 * </pre>
 *
 * No provider publishes what makes a reading "extreme"; Cascade's defaults ({@link Settings#DEFAULT}) are
 * |z| >= 2.5 against a week of bars, or a rank at or beyond the 1st / 99th percentile of thirty days of bars,
 * each once at least a day of bars precedes. A run of extreme bars in one direction is one {@link Episode}, and
 * each episode knows its place among the same direction's episodes of its calendar month (UTC).
 */
public final class TakerFlow {
    /** Bars that count as history; the defaults are documented in the README. */
    public record Settings(int maBars, int zWindow, double zThreshold, int percentileWindow, double percentileLow,
                           double percentileHigh, int minHistory) {
        public static final Settings DEFAULT = new Settings(7, 168, 2.5, 720, 1, 99, 24);

        public Settings {
            if (maBars < 1 || zWindow < 2 || percentileWindow < 2 || minHistory < 2 || !(zThreshold > 0)
                    || !(percentileLow < percentileHigh)) {
                throw new IllegalArgumentException("taker settings out of range");
            }
        }
    }

    /** One bar of taker flow; z and percentile are NaN until enough history precedes it. */
    public record Bar(long startMicros, double buyUsd, double sellUsd, double cvdUsd, double maUsd, double z,
                      double percentile) {
        public double netUsd() {
            return buyUsd - sellUsd;
        }

        /** Buyers' share of taker volume, 0..1; NaN without volume. */
        public double buyShare() {
            double v = buyUsd + sellUsd;
            return v > 0 ? buyUsd / v : Double.NaN;
        }

        /** How far NTV is from its moving average ("$100M below its 7-hour MA" is -1e8). */
        public double vsMaUsd() {
            return netUsd() - maUsd;
        }

        /** +1 for an extreme of buying, -1 of selling, 0 if not extreme. */
        public int extreme(Settings s) {
            boolean isHigh = z >= s.zThreshold() || percentile >= s.percentileHigh();
            boolean isLow = z <= -s.zThreshold() || percentile <= s.percentileLow();
            return isHigh && !isLow ? 1 : isLow && !isHigh ? -1 : 0;
        }
    }

    /**
     * A run of extreme bars in one direction. {@code monthOrdinal} is its place among the episodes of the same
     * direction that started in the same UTC month, as far as the bars reach back ("the third this month").
     */
    public record Episode(String scope, String coin, Resolution resolution, String direction, long startMicros,
                          long endMicros, int bars, double netUsd, Bar peak, int monthOrdinal, String month) {
    }

    private TakerFlow() {
    }

    /** Taker-flow bars over every slot from the first bar to the last (slots without trades are zero). */
    public static List<Bar> bars(BarSeries sums, Resolution resolution, Settings s) {
        List<Bar> out = new ArrayList<>();
        if (sums.isEmpty()) {
            return out;
        }
        long first = sums.slot(0);
        long last = sums.slot(sums.size() - 1);
        boolean isDense = last - first < 1_000_000;
        int n = isDense ? (int) (last - first + 1) : sums.size();
        double[] net = new double[n];
        double[] buy = new double[n];
        double[] sell = new double[n];
        long[] slot = new long[n];
        for (int k = 0, j = 0; k < n; k++) {
            slot[k] = isDense ? first + k : sums.slot(k);
            if (j < sums.size() && sums.slot(j) == slot[k]) {
                buy[k] = sums.buyUsd(j);
                sell[k] = sums.sellUsd(j);
                j++;
            }
            net[k] = buy[k] - sell[k];
        }
        double cvd = 0;
        double maSum = 0;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            cvd += net[k];
            maSum += net[k];
            if (k >= s.maBars()) {
                maSum -= net[k - s.maBars()];
            }
            double ma = maSum / Math.min(k + 1, s.maBars());
            int zCount = Math.min(k, s.zWindow());
            double z = Double.NaN;
            if (zCount >= s.minHistory()) {
                double mean = sum / zCount;
                double sd = Math.sqrt(Math.max(0, sumSq / zCount - mean * mean));
                z = sd > 0 ? (net[k] - mean) / sd : Double.NaN;
            }
            double pct = Double.NaN;
            int pCount = Math.min(k, s.percentileWindow());
            if (pCount >= s.minHistory()) {
                int below = 0;
                int equal = 0;
                for (int h = k - pCount; h < k; h++) {
                    below += net[h] < net[k] ? 1 : 0;
                    equal += net[h] == net[k] ? 1 : 0;
                }
                pct = 100.0 * (below + 0.5 * equal) / pCount;
            }
            out.add(new Bar(resolution.startOf(slot[k]), buy[k], sell[k], cvd, ma, z, pct));
            sum += net[k];
            sumSq += net[k] * net[k];
            if (k >= s.zWindow()) {
                sum -= net[k - s.zWindow()];
                sumSq -= net[k - s.zWindow()] * net[k - s.zWindow()];
            }
        }
        return out;
    }

    /** The runs of extreme bars, oldest first, each with its ordinal in its month. */
    public static List<Episode> episodes(List<Bar> bars, Resolution resolution, Settings s, String scope, String coin) {
        List<Episode> out = new ArrayList<>();
        Map<String, Integer> perMonth = new HashMap<>();
        int k = 0;
        while (k < bars.size()) {
            int direction = bars.get(k).extreme(s);
            if (direction == 0) {
                k++;
                continue;
            }
            int start = k;
            Bar peak = bars.get(k);
            double net = 0;
            while (k < bars.size() && bars.get(k).extreme(s) == direction) {
                Bar b = bars.get(k);
                net += b.netUsd();
                if (Math.abs(b.netUsd()) > Math.abs(peak.netUsd())) {
                    peak = b;
                }
                k++;
            }
            long startMicros = bars.get(start).startMicros();
            String month = YearMonth.from(Micros.toInstant(startMicros).atOffset(ZoneOffset.UTC)).toString();
            String dir = direction > 0 ? "buy" : "sell";
            int ordinal = perMonth.merge(month + dir, 1, Integer::sum);
            out.add(new Episode(scope, coin, resolution, dir, startMicros,
                    bars.get(k - 1).startMicros() + resolution.micros(), k - start, net, peak, ordinal, month));
        }
        return out;
    }
}
