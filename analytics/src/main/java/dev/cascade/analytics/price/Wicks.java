package dev.cascade.analytics.price;

import dev.cascade.analytics.bars.BarSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Wicks: a deep move that is recovered within minutes ("a wick below $102,500"). A down wick starts from the
 * highest close of the minutes before it, reaches a low at least {@code minDepthPct} below, and gets back at
 * least {@code recoverShare} of the way within {@code maxMinutes} of that low; an up wick is the mirror image.
 * Defaults: 1 %, half the move, 15 minutes.
 */
public final class Wicks {
    public record Settings(double minDepthPct, double recoverShare, int maxMinutes) {
        public static final Settings DEFAULT = new Settings(1.0, 0.5, 15);
    }

    /** One wick: from where, to which extreme and when, and where it had recovered to. */
    public record Wick(boolean isDown, double fromPrice, double extremePrice, long extremeMicros, double recoveredPrice,
                       long recoveredMicros) {
        public double depthPct() {
            return Math.abs(extremePrice / fromPrice - 1) * 100;
        }

        public String direction() {
            return isDown ? "down" : "up";
        }
    }

    private Wicks() {
    }

    /** The wicks of both directions in {@code minutes}, oldest first. */
    public static List<Wick> find(BarSeries minutes, Settings s) {
        List<Wick> out = new ArrayList<>();
        find(minutes, s, true, out);
        find(minutes, s, false, out);
        out.sort(Comparator.comparingLong(Wick::extremeMicros));
        return out;
    }

    private static void find(BarSeries m, Settings s, boolean isDown, List<Wick> out) {
        int n = m.size();
        int i = 0;
        while (i < n) {
            if (!m.hasTrades(i)) {
                i++;
                continue;
            }
            double from = Double.NaN;
            for (int k = i - 1; k >= 0 && m.slot(i) - m.slot(k) <= s.maxMinutes(); k--) {
                if (m.hasTrades(k)) {
                    from = Double.isNaN(from) ? m.close(k) : isDown ? Math.max(from, m.close(k)) : Math.min(from, m.close(k));
                }
            }
            if (Double.isNaN(from) || depth(from, extreme(m, i, isDown), isDown) < s.minDepthPct()) {
                i++;
                continue;
            }
            int e = i;
            int recovered = -1;
            for (int j = i; j < n && m.slot(j) - m.slot(e) <= s.maxMinutes(); j++) {
                if (!m.hasTrades(j)) {
                    continue;
                }
                if (isDown ? m.low(j) < m.low(e) : m.high(j) > m.high(e)) {
                    e = j;
                }
                double x = extreme(m, e, isDown);
                double target = x + s.recoverShare() * (from - x);
                if (isDown ? m.close(j) >= target : m.close(j) <= target) {
                    recovered = j;
                    break;
                }
            }
            if (recovered < 0) {
                i = e + 1;
                continue;
            }
            out.add(new Wick(isDown, from, extreme(m, e, isDown), isDown ? m.lowTime(e) : m.highTime(e),
                    m.close(recovered), m.closeTime(recovered)));
            i = recovered + 1;
        }
    }

    private static double extreme(BarSeries m, int i, boolean isDown) {
        return isDown ? m.low(i) : m.high(i);
    }

    private static double depth(double from, double extreme, boolean isDown) {
        return (isDown ? from - extreme : extreme - from) / from * 100;
    }
}
