package dev.cascade.analytics.price;

import dev.cascade.analytics.bars.BarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Crossings of round price levels on minute closes: "fell below $103,000", "recovered $103,000". A level
 * counts as crossed once the close is beyond it by a tenth of the step (hysteresis), so a price hovering on a
 * level makes one crossing, not dozens. A rise through a level that was last crossed downwards is a recovery.
 *
 * <p>The step is the largest 1, 2 or 5 x 10^k not above 1 % of the price: $1,000 for BTC near $100,000, $20
 * for ETH near $2,400, $1 for SOL near $150. The price it is taken from is the median minute close
 * ({@link #referencePrice}), so that one bad print cannot shrink the step to cents.
 *
 * <p>Bounded by construction: one minute's move reports at most {@link #MAX_LEVELS_PER_MOVE} levels (the nearest
 * to where it started; a larger jump is a bad print or a crash, and the levels further out add nothing), and
 * one evaluation at most {@link #MAX_CROSSINGS}. What is left out is counted in {@link Result#skipped()}; the
 * work per minute is constant whatever the prices.
 */
public final class RoundLevels {
    /** Beyond a level by this share of the step before it counts as crossed. */
    static final double HYSTERESIS = 0.1;
    /** Levels reported for one minute's move; the rest of a larger jump is skipped (20 steps: 10 % to 20 %). */
    public static final int MAX_LEVELS_PER_MOVE = 20;
    /** Crossings reported by one evaluation. */
    public static final int MAX_CROSSINGS = 500;
    /** Closes further than this many steps from zero cannot be placed on a level (a price beyond any market). */
    private static final double MAX_LEVEL_INDEX = 1e12;

    /** One crossing at the close of a minute; {@code isRecovery} for a rise through a level that fell. */
    public record Crossing(long timeMicros, double level, boolean isDown, boolean isRecovery, double close) {
        /** "below", "above" or "recovered". */
        public String kind() {
            return isDown ? "below" : isRecovery ? "recovered" : "above";
        }
    }

    /** The crossings found, oldest first, and how many more were left out by the caps. */
    public record Result(List<Crossing> crossings, long skipped) {
    }

    private RoundLevels() {
    }

    /** The round-level step for a price; NaN for a price that is not positive and finite. */
    public static double step(double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            return Double.NaN;
        }
        double target = price * 0.01;
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * power <= target * (1 + 1e-12)) {
                return m * power;
            }
        }
        return power;
    }

    /** The median close of the minutes with trades (the step's price), NaN without any. */
    public static double referencePrice(BarSeries minutes) {
        double[] closes = new double[minutes.size()];
        int n = 0;
        for (int i = 0; i < minutes.size(); i++) {
            if (minutes.hasTrades(i)) {
                closes[n++] = minutes.close(i);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(closes, 0, n);
        return closes[(n - 1) / 2];
    }

    /** The crossings of the minute closes in {@code minutes}, oldest first, on levels of {@code step}. */
    public static List<Crossing> find(BarSeries minutes, double step) {
        return evaluate(minutes, step).crossings();
    }

    /** As {@link #find}, with the count of crossings the caps left out. */
    public static Result evaluate(BarSeries minutes, double step) {
        List<Crossing> out = new ArrayList<>();
        if (!(step > 0) || Double.isInfinite(step)) {
            return new Result(out, 0);
        }
        double h = step * HYSTERESIS;
        long skipped = 0;
        long zone = Long.MIN_VALUE; // the level index just below the last confirmed price
        Set<Long> fell = new HashSet<>();
        for (int i = 0; i < minutes.size(); i++) {
            if (!minutes.hasTrades(i)) {
                continue;
            }
            double c = minutes.close(i);
            if (!(Math.abs(c / step) < MAX_LEVEL_INDEX)) {
                skipped++; // not on any level: neither a crossing nor a new zone
                continue;
            }
            if (zone == Long.MIN_VALUE) {
                zone = (long) Math.floor(c / step);
                continue;
            }
            // the zone the close confirms: below the lowest level it is beyond by h, or above the highest
            long down = (long) Math.floor((c + h) / step); // levels above this are beyond by h downwards
            long up = (long) Math.floor((c - h) / step);   // levels up to this are beyond by h upwards
            long target = down < zone ? down : up > zone ? up : zone;
            long levels = Math.abs(target - zone);
            long reported = Math.min(levels, Math.min(MAX_LEVELS_PER_MOVE, MAX_CROSSINGS - out.size()));
            skipped += levels - reported;
            for (long k = 0; k < reported; k++) {
                if (target < zone) {
                    long level = zone - k;
                    out.add(new Crossing(minutes.closeTime(i), level(level, step), true, false, c));
                    fell.add(level);
                } else {
                    long level = zone + 1 + k;
                    out.add(new Crossing(minutes.closeTime(i), level(level, step), false, fell.remove(level), c));
                }
            }
            zone = target;
        }
        return new Result(out, skipped);
    }

    /** The level's price, rounded to the step's decimals so that 0.1 x 3 prints as 0.3. */
    private static double level(long index, double step) {
        double v = index * step;
        double scale = Math.pow(10, Math.max(0, -Math.floor(Math.log10(step)) + 1));
        return Math.round(v * scale) / scale;
    }
}
