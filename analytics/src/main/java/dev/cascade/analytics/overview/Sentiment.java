package dev.cascade.analytics.overview;

import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.bars.Window;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.model.Coin;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.Micros;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Fear &amp; Greed style index, 0 (extreme fear) to 100 (extreme greed), from market data alone: the three
 * parts of alternative.me's index that market data can give (research/methods.md 2.1), weighted as there and
 * renormalised over those present. Each part maps a ratio or change through a logistic curve centred on
 * "normal" (50); the scales are Cascade's own, since the publisher's are not public:
 *
 * <pre>
 *   volatility (25)  BTC's realized volatility of the last 24h (5-minute returns) and its deepest drawdown in
 *                    them, each against a baseline (the mean of earlier days when 7 well-traded ones are held,
 *                    else 50 % a year and 3 %): score = 100 / (1 + e^((ratio - 1) / 0.25)), the mean of the two. More is fear.
 *   momentum (25)    BTC's 24h change, weighted by how volume compares with the day before (0.5x to 2x):
 *                    score = 100 / (1 + e^(-change% x weight / 5)). Rising on rising volume is greed.
 *   dominance (10)   the change of BTC's share of the market cap over 24h, in points:
 *                    score = 100 / (1 + e^(change / 0.5)). A flight into BTC is fear.
 * </pre>
 * Bands are the published ones: 0-25 extreme fear, 26-46 fear, 47-54 neutral, 55-75 greed, 76-100 extreme greed.
 */
public final class Sentiment {
    static final double DEFAULT_VOLATILITY = 0.50;
    static final double DEFAULT_DRAWDOWN = 0.03;
    /** Five-minutes of a day that must have traded for the day to enter the baseline. */
    static final int MIN_BASELINE_SLOTS = 216;

    /** One part: its weight, the score, and the input it was scored on. */
    public record Component(String name, double weight, double score, double input, String inputDescription) {
    }

    /**
     * The index with its parts, and the published reading beside it when there is one. Without market data to
     * score there are no parts, {@code value} is -1 and {@code classification} null: only the published reading.
     */
    public record Index(int value, String classification, List<Component> components, FearGreedReading published) {
        public boolean isComputed() {
            return !components.isEmpty();
        }
    }

    private Sentiment() {
    }

    /** The band of a value, as alternative.me publishes them. */
    public static String classify(int value) {
        if (value <= 25) {
            return "extreme fear";
        }
        if (value <= 46) {
            return "fear";
        }
        if (value <= 54) {
            return "neutral";
        }
        return value <= 75 ? "greed" : "extreme greed";
    }

    /**
     * The index at {@code endMicros}; without BTC trades in the last day or a dominance change, only the published
     * reading (null when there is none either).
     */
    public static Index of(MarketBars bars, MarketOverview overview, long endMicros) {
        List<Component> parts = new ArrayList<>();
        List<InstrumentBars> btc = Scope.ALL.select(bars, Coin.of("BTC"));
        InstrumentBars ref = Scope.reference(btc);
        Window day = Window.ending(endMicros, Micros.PER_DAY);
        if (ref != null) {
            BarSeries fives = ref.minutes().resample(5);
            double[] today = realized(fives, Math.floorDiv(day.fromMicros(), 5 * Micros.PER_MINUTE),
                    Math.floorDiv(endMicros, 5 * Micros.PER_MINUTE));
            if (!Double.isNaN(today[0])) {
                double[] base = baseline(fives, Math.floorDiv(day.fromMicros(), 5 * Micros.PER_MINUTE));
                double vol = logistic((today[0] / base[0] - 1) / 0.25);
                double dd = logistic((today[1] / base[1] - 1) / 0.25);
                parts.add(new Component("volatility", 25, (vol + dd) / 2, today[0],
                        String.format(Locale.ROOT, "24h realized volatility %.0f%% a year (baseline %.0f%%), "
                                + "drawdown %.1f%% (baseline %.1f%%)", today[0] * 100, base[0] * 100, today[1] * 100,
                                base[1] * 100)));
            }
            PriceStats p = PriceStats.window(btc, day.fromMicros(), endMicros);
            if (p != null) {
                PriceStats.VolumeChange v = PriceStats.volume24h(btc, endMicros);
                double ratio = Double.isNaN(v.changePct()) ? 1 : v.changePct() / 100 + 1;
                double weight = Math.min(2, Math.max(0.5, ratio));
                parts.add(new Component("momentum", 25, 100 - logistic(p.changePct() * weight / 5), p.changePct(),
                        String.format(Locale.ROOT, "BTC %+.2f%% in 24h, volume x%.2f", p.changePct(), ratio)));
            }
        }
        MarketOverview.Overview o = overview.overview(0);
        if (!Double.isNaN(o.btcDominanceChangePct24h())) {
            parts.add(new Component("dominance", 10, logistic(o.btcDominanceChangePct24h() / 0.5),
                    o.btcDominanceChangePct24h(), String.format(Locale.ROOT,
                    "BTC dominance %+.2f points in 24h", o.btcDominanceChangePct24h())));
        }
        if (parts.isEmpty()) {
            FearGreedReading published = overview.publishedFearGreed();
            return published == null ? null : new Index(-1, null, List.of(), published);
        }
        double sum = 0;
        double weights = 0;
        for (Component c : parts) {
            sum += c.weight() * c.score();
            weights += c.weight();
        }
        int value = (int) Math.round(sum / weights);
        return new Index(value, classify(value), parts, overview.publishedFearGreed());
    }

    /** 100 / (1 + e^x): 50 at 0, falling as x grows. */
    private static double logistic(double x) {
        return 100 / (1 + Math.exp(x));
    }

    /** {annualized volatility of 5-minute log returns, deepest drawdown} over slots [from, to]; NaN if few. */
    static double[] realized(BarSeries fives, long from, long to) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        double previous = Double.NaN;
        double peak = Double.NaN;
        double drawdown = 0;
        for (int i = fives.indexAtOrAfter(from); i < fives.size() && fives.slot(i) <= to; i++) {
            if (!fives.hasTrades(i)) {
                continue;
            }
            double c = fives.close(i);
            if (!Double.isNaN(previous)) {
                double r = Math.log(c / previous);
                sum += r;
                sumSq += r * r;
                n++;
            }
            previous = c;
            peak = Double.isNaN(peak) ? fives.high(i) : Math.max(peak, fives.high(i));
            drawdown = Math.max(drawdown, 1 - fives.low(i) / peak);
        }
        if (n < 12) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return new double[] {sd * Math.sqrt(288 * 365), drawdown};
    }

    /** Five-minute slots from {@code from} to {@code to} with a trade. */
    private static int traded(BarSeries fives, long from, long to) {
        int n = 0;
        for (int i = fives.indexAtOrAfter(from); i < fives.size() && fives.slot(i) <= to; i++) {
            n += fives.hasTrades(i) ? 1 : 0;
        }
        return n;
    }

    /**
     * The mean volatility and drawdown of the earlier whole days held, when there are 7; else the defaults. A day
     * counts only when three quarters of its five-minutes traded: a sparse day (a few trades an hour, as a
     * recording's backfilled history has) shows no volatility it did not measure, and would make any ordinary day
     * read as extreme fear.
     */
    private static double[] baseline(BarSeries fives, long dayStartSlot) {
        double vol = 0;
        double dd = 0;
        int days = 0;
        for (int d = 1; d <= 30; d++) {
            long from = dayStartSlot - d * 288L;
            long to = dayStartSlot - (d - 1) * 288L - 1;
            if (traded(fives, from, to) < MIN_BASELINE_SLOTS) {
                continue;
            }
            double[] r = realized(fives, from, to);
            if (!Double.isNaN(r[0])) {
                vol += r[0];
                dd += r[1];
                days++;
            }
        }
        return days >= 7 ? new double[] {vol / days, Math.max(1e-4, dd / days)}
                : new double[] {DEFAULT_VOLATILITY, DEFAULT_DRAWDOWN};
    }
}
