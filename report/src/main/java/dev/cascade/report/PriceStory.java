package dev.cascade.report;

import static dev.cascade.output.Formats.money;
import static dev.cascade.report.Words.magnitude;
import static dev.cascade.output.Formats.price;

import dev.cascade.output.Formats;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.figures.PriceFigures;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.analytics.price.RoundLevels;
import dev.cascade.analytics.price.Wicks;
import dev.cascade.model.Micros;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One coin's period told in time order, as one paragraph: the open, the round numbers crossed on the way to the
 * first extreme, that extreme, the way to the second, the second, the way to the close. Each coin has one high
 * and one low; the low (or the high) is told as the move to it and back, a wick when it got back half the way
 * within the hour. Only the big round numbers are named (see {@link #bigLevels}).
 */
final class PriceStory {
    /** How far around an extreme the move to it and back is measured. */
    static final int SWING_MINUTES = 60;
    /** The most round levels named in one stretch of the story. */
    static final int MAX_LEVELS = 5;

    private PriceStory() {
    }

    /** The move to an extreme and back: from the furthest close in the hour before, back to the nearest after. */
    record Swing(double fromPrice, long fromMicros, double backPrice, long backMicros) {
    }

    static String paragraph(String coin, PriceFigures.CoinPrice cp, List<RoundLevels.Crossing> crossings,
                            BarSeries minutes, Times t) {
        PriceStats p = cp.whole();
        boolean isLowFirst = p.lowMicros() < p.highMicros();
        long first = Math.min(p.lowMicros(), p.highMicros());
        long second = Math.max(p.lowMicros(), p.highMicros());
        StringBuilder s = new StringBuilder(coin).append(" opened at ").append(price(p.first()));
        String way = levels(crossings, Long.MIN_VALUE, first, !isLowFirst, t);
        s.append(way.isEmpty() ? "." : " and " + way + ".");
        s.append(' ').append(extreme(coin, p, isLowFirst, minutes, t));
        way = levels(crossings, first, second, isLowFirst, t);
        s.append(way.isEmpty() ? "" : " It then " + way + ".");
        s.append(' ').append(extreme(coin, p, !isLowFirst, minutes, t));
        way = levels(crossings, second, Long.MAX_VALUE, p.last() >= (isLowFirst ? p.high() : p.low()), t);
        s.append(" It ").append(way.isEmpty() ? "" : way + " and ").append(String.format("closed at %s, %s %s over"
                        + " the period, at an average trading price of %s.", price(p.last()), p.changePct() >= 0 ? "up" : "down",
                magnitude(p.changePct()), price(p.vwap())));
        PriceStats.VolumeChange v = cp.volume24h();
        if (v != null && v.isPreviousCovered() && !Double.isNaN(v.changePct())) {
            // like with like: the last 24 hours against the 24 hours before, never the period against a day
            s.append(String.format(" %s of %s traded in the last 24 hours, %s %s on the 24 hours before.",
                    money(v.lastDayUsd()), coin, v.changePct() >= 0 ? "up" : "down", magnitude(v.changePct())));
        } else {
            s.append(String.format(" %s of %s traded in the period.", money(p.volumeUsd()), coin));
        }
        return s.toString();
    }

    /**
     * The extreme told as the move to it and back: a wick by {@link Wicks.Settings#DEFAULT} (at least 1 % from
     * the furthest close of the 15 minutes before, half of it recovered within 15 minutes), else the move from
     * the furthest close of the hour before when that was at least 1 %, else the extreme alone.
     */
    private static String extreme(String coin, PriceStats p, boolean isLow, BarSeries minutes, Times t) {
        double x = isLow ? p.low() : p.high();
        long at = isLow ? p.lowMicros() : p.highMicros();
        Wicks.Settings rule = Wicks.Settings.DEFAULT;
        Swing w = minutes == null ? null : swing(minutes, at, isLow, rule.maxMinutes());
        if (w != null && depth(x, w.fromPrice()) >= rule.minDepthPct() && !Double.isNaN(w.backPrice())
                && Math.abs(w.backPrice() - x) >= rule.recoverShare() * Math.abs(w.fromPrice() - x)) {
            return String.format("A wick took %s %s to %s at %s, %s from %s at %s, and it was back at %s by %s.", coin,
                    isLow ? "down" : "up", price(x), t.at(at), magnitude(depth(x, w.fromPrice())), price(w.fromPrice()),
                    t.at(w.fromMicros()), price(w.backPrice()), t.at(w.backMicros()));
        }
        Swing hour = minutes == null ? null : swing(minutes, at, isLow, SWING_MINUTES);
        if (hour != null && depth(x, hour.fromPrice()) >= rule.minDepthPct()) {
            // "and back" for a low, as a reader asks how much of the drop was recovered; a high's fall is the next stretch
            boolean isBack = isLow && !Double.isNaN(hour.backPrice()) && depth(x, hour.backPrice()) >= rule.minDepthPct() / 2;
            return String.format("It %s %s from %s at %s to its %s of %s at %s%s.", isLow ? "fell" : "rose",
                    magnitude(depth(x, hour.fromPrice())), price(hour.fromPrice()), t.at(hour.fromMicros()),
                    isLow ? "low" : "high", price(x), t.at(at), isBack ? String.format(" and was back at %s by %s",
                            price(hour.backPrice()), t.at(hour.backMicros())) : "");
        }
        return String.format("It reached its %s of %s at %s.", isLow ? "low" : "high", price(x), t.at(at));
    }

    /** How far {@code x} lies from {@code from}, in percent; NaN without a from. */
    private static double depth(double x, double from) {
        return Double.isNaN(from) ? Double.NaN : Math.abs(x / from - 1) * 100;
    }

    /**
     * For a low: the highest close in the {@code minutes} before it and the highest close in the {@code minutes}
     * after it (the mirror for a high); NaN prices where there is no trade. Null when the low is not in the series.
     */
    static Swing swing(BarSeries m, long extremeMicros, boolean isLow, int minutes) {
        long slot = Math.floorDiv(extremeMicros, Micros.PER_MINUTE);
        int at = m.indexOf(slot);
        if (at < 0) {
            return null;
        }
        double from = Double.NaN;
        long fromMicros = 0;
        for (int i = m.indexAtOrAfter(slot - minutes); i < at; i++) {
            if (m.hasTrades(i) && (Double.isNaN(from) || (isLow ? m.close(i) > from : m.close(i) < from))) {
                from = m.close(i);
                fromMicros = m.closeTime(i);
            }
        }
        double back = Double.NaN;
        long backMicros = 0;
        for (int i = at + 1; i < m.size() && m.slot(i) <= slot + minutes; i++) {
            if (m.hasTrades(i) && (Double.isNaN(back) || (isLow ? m.close(i) > back : m.close(i) < back))) {
                back = m.close(i);
                backMicros = m.closeTime(i);
            }
        }
        return new Swing(from, fromMicros, back, backMicros);
    }

    /**
     * "fell below $105,000 at 09:01 UTC and $103,000 at 11:05 UTC": the big round levels crossed in (from, to]
     * in the stretch's direction (up to a high, down to a low), each level's first crossing, in time order; the
     * back and forth on the way is left to the chart.
     */
    static String levels(List<RoundLevels.Crossing> all, long from, long to, boolean isUp, Times t) {
        Map<Double, RoundLevels.Crossing> first = new LinkedHashMap<>();
        for (RoundLevels.Crossing c : all) {
            if (c.timeMicros() > from && c.timeMicros() <= to && c.isDown() != isUp) {
                first.putIfAbsent(c.level(), c);
            }
        }
        double step = bigStep(new ArrayList<>(first.keySet()));
        List<String> clauses = new ArrayList<>();
        String verb = null;
        List<String> run = new ArrayList<>();
        for (RoundLevels.Crossing c : first.values()) {
            if (!isMultiple(c.level(), step)) {
                continue;
            }
            if (!verb(c).equals(verb) && verb != null) {
                clauses.add(verb + " " + Words.and(run));
                run = new ArrayList<>();
            }
            verb = verb(c);
            run.add(price(c.level()) + " at " + t.at(c.timeMicros()));
        }
        if (verb != null) {
            clauses.add(verb + " " + Words.and(run));
        }
        return String.join(", then ", clauses);
    }

    private static String verb(RoundLevels.Crossing c) {
        return c.isDown() ? "fell below" : c.isRecovery() ? "recovered" : "rose above";
    }

    /**
     * The step of the round numbers a reader cares about: the coarsest of 1 and 5 times a power of ten that
     * names two to {@link #MAX_LEVELS} of the levels crossed, else the coarsest that names one ($105,000 rather
     * than five thousands in a row; $2,500 and $2,400 rather than every $20).
     */
    static double bigStep(List<Double> levels) {
        if (levels.isEmpty()) {
            return 1;
        }
        double max = levels.stream().mapToDouble(Math::abs).max().orElse(1);
        double min = levels.stream().mapToDouble(Math::abs).filter(x -> x > 0).min().orElse(max);
        double best = Double.NaN;
        for (int k = (int) Math.ceil(Math.log10(max)) + 1; k >= (int) Math.floor(Math.log10(min)) - 6; k--) {
            for (double step : new double[] {5 * Math.pow(10, k), Math.pow(10, k)}) {
                long named = levels.stream().filter(x -> isMultiple(x, step)).count();
                if (named >= 2 && named <= MAX_LEVELS) {
                    return step;
                }
                if (named > MAX_LEVELS) {
                    return Double.isNaN(best) ? step : best;
                }
                if (named == 1 && Double.isNaN(best)) {
                    best = step;
                }
                if (named == levels.size()) {
                    return Double.isNaN(best) ? step : best;
                }
            }
        }
        return Double.isNaN(best) ? min : best;
    }

    static boolean isMultiple(double level, double step) {
        double q = level / step;
        return Math.abs(q - Math.rint(q)) < 1e-6;
    }
}
