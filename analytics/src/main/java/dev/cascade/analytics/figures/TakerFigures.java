package dev.cascade.analytics.figures;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Resolution;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Coin;
import dev.cascade.model.Exchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taker section: buy and sell USD over the whole input for every venue together, per coin and per exchange
 * and coin; for the detail coins the latest complete bar with its MA, z-score and rank, and the extreme episodes
 * (per exchange and coin, and for all venues).
 */
public record TakerFigures(Flow all, Map<String, Flow> byCoin, Map<String, Map<String, Flow>> byExchange,
                           List<TakerFlow.Episode> extremes, Map<String, List<TakerFlow.Bar>> bars) {

    /** Taker flow of one group over the whole input, and its latest complete bar (null without one). */
    public record Flow(double buyUsd, double sellUsd, long trades, TakerFlow.Bar lastBar) {
        public double netUsd() {
            return buyUsd - sellUsd;
        }

        public double buyShare() {
            return buyUsd + sellUsd > 0 ? buyUsd / (buyUsd + sellUsd) : Double.NaN;
        }
    }

    static TakerFigures of(MarketState state, FigureSettings s, List<Coin> coins, List<Coin> detail, long end) {
        Map<String, Flow> byCoin = new LinkedHashMap<>();
        Map<String, Map<String, Flow>> byExchange = new LinkedHashMap<>();
        List<TakerFlow.Episode> extremes = new ArrayList<>();
        Map<String, List<TakerFlow.Bar>> bars = new LinkedHashMap<>();
        double buy = 0;
        double sell = 0;
        long trades = 0;
        for (Coin coin : coins) {
            boolean isDetail = detail.contains(coin);
            List<InstrumentBars> group = Scope.ALL.select(state.bars(), coin);
            Flow f = flow(group, isDetail ? s : null, end, null, coin, extremes, isDetail && s.withBars() ? bars : null);
            if (f.trades() == 0) {
                continue;
            }
            byCoin.put(coin.name(), f);
            buy += f.buyUsd();
            sell += f.sellUsd();
            trades += f.trades();
            for (Exchange x : Exchange.values()) {
                List<InstrumentBars> g = Scope.of(x).select(state.bars(), coin);
                if (!g.isEmpty()) {
                    Flow xf = flow(g, isDetail ? s : null, end, x, coin, extremes, null);
                    if (xf.trades() > 0) {
                        byExchange.computeIfAbsent(x.id(), k -> new LinkedHashMap<>()).put(coin.name(), xf);
                    }
                }
            }
        }
        extremes.sort(Comparator.comparingLong(TakerFlow.Episode::startMicros)
                .thenComparing(TakerFlow.Episode::scope).thenComparing(TakerFlow.Episode::coin));
        return new TakerFigures(new Flow(buy, sell, trades, null), byCoin, byExchange, extremes, bars);
    }

    /** The group's totals; with settings, its bars, latest complete bar and episodes too. */
    private static Flow flow(List<InstrumentBars> group, FigureSettings s, long end, Exchange exchange, Coin coin,
                             List<TakerFlow.Episode> extremes, Map<String, List<TakerFlow.Bar>> barsOut) {
        BarSeries total = Scope.sumTotals(group);
        if (total.isEmpty()) {
            return new Flow(0, 0, 0, null);
        }
        TakerFlow.Bar last = null;
        if (s != null) {
            Resolution r = s.takerBar();
            List<TakerFlow.Bar> bars = TakerFlow.bars(Scope.sum(group, r), r, s.taker());
            // the bar holding the end is still open unless the end is its last microsecond
            long current = r.startOf(r.slotOf(end));
            long lastComplete = end == current + r.micros() - 1 ? current : current - r.micros();
            for (int i = bars.size() - 1; i >= 0 && last == null; i--) {
                if (bars.get(i).startMicros() <= lastComplete) {
                    last = bars.get(i);
                }
            }
            String scope = exchange == null ? "all" : exchange.id();
            extremes.addAll(TakerFlow.episodes(bars, r, s.taker(), scope, coin.name()));
            if (barsOut != null) {
                barsOut.put(coin.name(), bars);
            }
        }
        return new Flow(total.buyUsd(0), total.sellUsd(0), total.trades(0), last);
    }
}
