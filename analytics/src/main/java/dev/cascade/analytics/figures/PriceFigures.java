package dev.cascade.analytics.figures;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.bars.Window;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.model.Coin;
import dev.cascade.model.Venue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The price section: per coin (all venues, prices from the most traded instrument) and per venue and coin, the
 * whole input's statistics, the change over each window ending at the end, and the last 24 hours' volume
 * against the 24 hours before.
 */
public record PriceFigures(Map<String, CoinPrice> byCoin, Map<String, Map<String, CoinPrice>> byVenue) {

    /** {@code changesPct} holds NaN for a window without a trade. */
    public record CoinPrice(PriceStats whole, Map<String, Double> changesPct, PriceStats.VolumeChange volume24h) {
        CoinPrice withVolume(PriceStats.VolumeChange v) {
            return new CoinPrice(whole, changesPct, v);
        }
    }

    static PriceFigures of(MarketState state, FigureSettings s, List<Coin> coins, long end) {
        Map<String, CoinPrice> byCoin = new LinkedHashMap<>();
        Map<String, Map<String, CoinPrice>> byVenue = new LinkedHashMap<>();
        for (Coin coin : coins) {
            CoinPrice p = price(Scope.ALL.select(state.bars(), coin), s, end);
            if (p == null) {
                continue;
            }
            byCoin.put(coin.name(), p);
            for (Venue v : Venue.values()) {
                List<InstrumentBars> g = Scope.of(v).select(state.bars(), coin);
                CoinPrice vp = g.isEmpty() ? null : price(g, s, end);
                if (vp != null) {
                    byVenue.computeIfAbsent(v.id(), k -> new LinkedHashMap<>()).put(coin.name(), vp);
                }
            }
        }
        return new PriceFigures(byCoin, byVenue);
    }

    /**
     * These figures with each 24-hour volume change read from {@code history}, the same market held from further
     * back: a period of one day alone lacks the day before that the change compares with.
     */
    public PriceFigures withVolumesFrom(MarketBars history, long end) {
        Map<String, CoinPrice> coins = new LinkedHashMap<>();
        byCoin.forEach((coin, p) -> coins.put(coin, p.withVolume(PriceStats.volume24h(
                Scope.ALL.select(history, Coin.of(coin)), end))));
        Map<String, Map<String, CoinPrice>> venues = new LinkedHashMap<>();
        byVenue.forEach((venue, prices) -> prices.forEach((coin, p) -> venues.computeIfAbsent(venue,
                k -> new LinkedHashMap<>()).put(coin, p.withVolume(PriceStats.volume24h(
                Scope.of(Venue.byId(venue)).select(history, Coin.of(coin)), end)))));
        return new PriceFigures(coins, venues);
    }

    private static CoinPrice price(List<InstrumentBars> group, FigureSettings s, long end) {
        PriceStats whole = PriceStats.whole(group);
        if (whole == null) {
            return null;
        }
        Map<String, Double> changes = new LinkedHashMap<>();
        s.windows().forEach((name, length) -> {
            Window w = Window.ending(end, length);
            PriceStats p = PriceStats.window(group, w.fromMicros(), w.toMicros());
            changes.put(name, p == null ? Double.NaN : p.changePct());
        });
        return new CoinPrice(whole, changes, PriceStats.volume24h(group, end));
    }
}
