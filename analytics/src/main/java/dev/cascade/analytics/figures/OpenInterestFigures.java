package dev.cascade.analytics.figures;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.oi.OpenInterestStats;
import dev.cascade.model.Coin;
import dev.cascade.model.Venue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open interest section: per coin over every venue and per venue, at the end, with changes over the windows. */
public record OpenInterestFigures(double usd, Map<String, OpenInterestStats> byCoin,
                                  Map<String, Map<String, OpenInterestStats>> byVenue) {

    static OpenInterestFigures of(MarketState state, FigureSettings s, List<Coin> coins, long end) {
        Map<String, OpenInterestStats> byCoin = new LinkedHashMap<>();
        Map<String, Map<String, OpenInterestStats>> byVenue = new LinkedHashMap<>();
        double total = 0;
        for (Coin coin : coins) {
            OpenInterestStats all = OpenInterestStats.of(Scope.ALL.select(state.bars(), coin), end, s.windows());
            if (all == null) {
                continue;
            }
            byCoin.put(coin.name(), all);
            total += Double.isNaN(all.usd()) ? 0 : all.usd();
            for (Venue v : Venue.values()) {
                List<InstrumentBars> g = Scope.of(v).select(state.bars(), coin);
                OpenInterestStats vs = g.isEmpty() ? null : OpenInterestStats.of(g, end, s.windows());
                if (vs != null) {
                    byVenue.computeIfAbsent(v.id(), k -> new LinkedHashMap<>()).put(coin.name(), vs);
                }
            }
        }
        return new OpenInterestFigures(total, byCoin, byVenue);
    }
}
