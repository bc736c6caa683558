package dev.cascade.analytics.figures;

import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.Window;
import dev.cascade.analytics.estimate.EstimateSummary;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.heatmap.LevelsHeatmap;
import dev.cascade.analytics.overview.MarketOverview;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.estimate.TradeCounts;
import dev.cascade.analytics.overview.Sentiment;
import dev.cascade.model.Instrument;
import dev.cascade.model.Coin;
import dev.cascade.model.Micros;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every figure of a market recap, read out of a {@link MarketState} at its latest event: liquidations reported and
 * estimated (whole input and rolling windows), taker flow, prices, open interest and funding, heatmaps, events,
 * the market overview and sentiment. A read-out: it allocates freely and never changes the state.
 *
 * <p>Every list a read-out builds has a cap (see {@link EventFigures}, {@link dev.cascade.analytics.price.RoundLevels},
 * the heatmap's level book); {@code degraded} counts, by reason, what the caps left out of these figures
 * ({@code crossings-capped}, {@code heatmap-levels-capped}, {@code events-capped}), and is empty when nothing was.
 */
public record Figures(long fromMicros, long toMicros, Liquidations liquidations, Map<String, Liquidations> windows,
                      TakerFigures taker, PriceFigures price, OpenInterestFigures openInterest,
                      Map<String, Heatmap> heatmaps, EventFigures events, MarketOverview.Overview overview,
                      Sentiment.Index sentiment, Map<String, Long> degraded) {

    /** Reported totals and their estimate over one period. */
    public record Liquidations(LiquidationSummary reported, EstimateSummary estimated) {
    }

    /**
     * Taker flow alone, as {@link #of} reads it out: what a longer history gives a period (its extremes' rank in
     * the month), without reading every other figure of that history.
     */
    public static TakerFigures takerOf(MarketState state, FigureSettings s) {
        long end = state.counts().events() > 0 ? state.counts().lastMicros() : 0;
        List<Coin> coins = state.bars().coinsByVolume();
        return TakerFigures.of(state, s, coins, coins.subList(0, Math.min(s.detailCoins(), coins.size())), end);
    }

    /** An instrument's trades from {@code from} to {@code to} in the bars (the whole input from MIN to MAX). */
    private static double trades(MarketState state, Instrument instrument, long from, long to) {
        for (InstrumentBars b : state.bars().instrumentsOf(instrument.coin())) {
            if (b.instrument().key() != instrument.key()) {
                continue;
            }
            BarSeries sum = from == Long.MIN_VALUE && to == Long.MAX_VALUE ? b.total() : new BarSeries();
            if (sum != b.total()) {
                sum.mergeAll(b.window(from, to));
            }
            return sum.isEmpty() ? 0 : sum.trades(0);
        }
        return 0;
    }

    public static Figures of(MarketState state, FigureSettings s) {
        long from = state.counts().events() > 0 ? state.counts().firstMicros() : 0;
        long end = state.counts().events() > 0 ? state.counts().lastMicros() : 0;
        // trade counts from the bars (which a store keeps): how the complete venue's liquidations scale to the others
        TradeCounts trades = (instrument, f, t) -> trades(state, instrument, f, t);
        Liquidations whole = new Liquidations(state.liquidations().total(), state.presence().estimate(trades));
        Map<String, Liquidations> windows = new LinkedHashMap<>();
        s.liquidationWindows().forEach((name, length) -> {
            Window w = Window.ending(end, length);
            windows.put(name, new Liquidations(state.liquidations().window(end, length),
                    state.presence().estimate(w.fromMicros(), w.toMicros(), trades)));
        });
        List<Coin> coins = state.bars().coinsByVolume();
        List<Coin> detail = coins.subList(0, Math.min(s.detailCoins(), coins.size()));
        TakerFigures taker = TakerFigures.of(state, s, coins, detail, end);
        Map<String, Long> degraded = new TreeMap<>();
        Map<String, Heatmap> heatmaps = new LinkedHashMap<>();
        long[] refused = new long[1];
        for (Coin c : detail) {
            Heatmap h = LevelsHeatmap.build(state.bars(), state.log(), c, end, s.heatmap(),
                    s.withBars() ? s.snapshotMinutes() : 0, refused);
            if (h != null && (!h.levels().isEmpty() || !h.swept().isEmpty())) {
                heatmaps.put(c.name(), h);
            }
        }
        degrade(degraded, "heatmap-levels-capped", refused[0]);
        MarketOverview.Overview overview = !state.overview().hasMarketData() ? null : state.overview().overview(s.movers());
        EventFigures events = EventFigures.of(state, s, detail, heatmaps, taker.extremes(), degraded);
        return new Figures(from, end, whole, windows, taker, PriceFigures.of(state, s, coins, end),
                OpenInterestFigures.of(state, s, coins, end), heatmaps, events, overview,
                Sentiment.of(state.bars(), state.overview(), end), Collections.unmodifiableMap(degraded));
    }

    /** Counts {@code n} more items a cap left out under {@code reason}. */
    static void degrade(Map<String, Long> degraded, String reason, long n) {
        if (n > 0) {
            degraded.merge(reason, n, Long::sum);
        }
    }

}
