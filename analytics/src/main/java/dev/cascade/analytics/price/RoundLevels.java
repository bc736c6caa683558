package dev.cascade.analytics.price;

import dev.cascade.analytics.bars.BarSeries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Crossings of round price levels on minute closes: "fell below $103,000", "recovered $103,000". A level
 * counts as crossed once the close is beyond it by a tenth of the step (hysteresis), so a price hovering on a
 * level makes one crossing, not dozens. A rise through a level that was last crossed downwards is a recovery.
 *
 * <p>The step is the largest 1, 2 or 5 x 10^k not above 1 % of the price: $1,000 for BTC near $100,000, $20
 * for ETH near $2,400, $1 for SOL near $150.
 */
public final class RoundLevels {
    /** Beyond a level by this share of the step before it counts as crossed. */
    static final double HYSTERESIS = 0.1;

    /** One crossing at the close of a minute; {@code isRecovery} for a rise through a level that fell. */
    public record Crossing(long timeMicros, double level, boolean isDown, boolean isRecovery, double close) {
        /** "below", "above" or "recovered". */
        public String kind() {
            return isDown ? "below" : isRecovery ? "recovered" : "above";
        }
    }

    private RoundLevels() {
    }

    /** The round-level step for a price. */
    public static double step(double price) {
        double target = price * 0.01;
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * power <= target * (1 + 1e-12)) {
                return m * power;
            }
        }
        return power;
    }

    /** The crossings of the minute closes in {@code minutes}, oldest first, on levels of {@code step}. */
    public static List<Crossing> find(BarSeries minutes, double step) {
        List<Crossing> out = new ArrayList<>();
        double h = step * HYSTERESIS;
        long zone = Long.MIN_VALUE; // the level index just below the last confirmed price
        Set<Long> fell = new HashSet<>();
        for (int i = 0; i < minutes.size(); i++) {
            if (!minutes.hasTrades(i)) {
                continue;
            }
            double c = minutes.close(i);
            if (zone == Long.MIN_VALUE) {
                zone = (long) Math.floor(c / step);
                continue;
            }
            while (zone * step - h > c) {
                out.add(new Crossing(minutes.closeTime(i), level(zone, step), true, false, c));
                fell.add(zone);
                zone--;
            }
            while ((zone + 1) * step + h <= c) {
                zone++;
                out.add(new Crossing(minutes.closeTime(i), level(zone, step), false, fell.remove(zone), c));
            }
        }
        return out;
    }

    /** The level's price, rounded to the step's decimals so that 0.1 x 3 prints as 0.3. */
    private static double level(long index, double step) {
        double v = index * step;
        double scale = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step)) + 1));
        return Math.round(v * scale) / scale;
    }
}
