package dev.cascade.analytics.overview;

import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Market overview snapshots by time: CoinGecko {@code /global} snapshots (kept, so that the 24h volume change,
 * which {@code /global} does not give, can be measured between two of them), the latest {@code /coins/markets}
 * page, and published Fear &amp; Greed readings. A snapshot with the time of one already held replaces nothing:
 * the first kept is the one with the larger market cap, so any order of arrival keeps the same one. Mergeable.
 */
public final class MarketOverview implements MarketListener {
    private final TreeMap<Long, GlobalMarket> globals = new TreeMap<>();
    private final TreeMap<Long, CoinMarkets> pages = new TreeMap<>();
    private final TreeMap<Long, FearGreedReading> fearGreed = new TreeMap<>();

    @Override
    public void onGlobalMarket(GlobalMarket g) {
        globals.merge(g.timeMicros(), g, (a, b) -> a.totalMarketCapUsd() >= b.totalMarketCapUsd() ? a : b);
    }

    @Override
    public void onCoinMarkets(CoinMarkets m) {
        pages.merge(m.timeMicros(), m, (a, b) -> a.coins().size() >= b.coins().size() ? a : b);
        while (pages.size() > 48) { // two days of half-hourly pages is plenty; only the latest is read
            pages.pollFirstEntry();
        }
    }

    @Override
    public void onFearGreed(FearGreedReading r) {
        fearGreed.merge(r.timeMicros(), r, (a, b) -> a.value() >= b.value() ? a : b);
    }

    public void merge(MarketOverview other) {
        other.globals.values().forEach(this::onGlobalMarket);
        other.pages.values().forEach(this::onCoinMarkets);
        other.fearGreed.values().forEach(this::onFearGreed);
    }

    public boolean isEmpty() {
        return globals.isEmpty() && pages.isEmpty() && fearGreed.isEmpty();
    }

    /** Whether there is any CoinGecko data (the published Fear &amp; Greed readings alone make no overview). */
    public boolean hasMarketData() {
        return !globals.isEmpty() || !pages.isEmpty();
    }

    /** A coin of the top 100 and its 24h change. */
    public record Mover(String symbol, String name, int rank, double priceUsd, double changePct24h) {
    }

    /**
     * The latest picture: total market cap and its 24h change, 24h volume and its change against the snapshot
     * nearest to a day earlier (within two hours; NaN without one), BTC and ETH dominance, and the top gainers and
     * losers of the top 100 by market cap. Fields without data are NaN; lists are empty.
     */
    public record Overview(long timeMicros, double totalMarketCapUsd, double marketCapChangePct24h,
                           double totalVolumeUsd, double volumeChangePct24h, double btcDominancePct,
                           double ethDominancePct, double btcDominanceChangePct24h, long coinsTimeMicros,
                           List<Mover> topGainers, List<Mover> topLosers) {
    }

    public Overview overview(int movers) {
        Map.Entry<Long, GlobalMarket> latest = globals.lastEntry();
        double volumeChange = Double.NaN;
        double dominanceChange = Double.NaN;
        GlobalMarket g = latest == null ? null : latest.getValue();
        if (g != null) {
            GlobalMarket dayBefore = nearest(g.timeMicros() - Micros.PER_DAY, 2 * Micros.PER_HOUR);
            if (dayBefore != null && dayBefore.totalVolumeUsd() > 0) {
                volumeChange = (g.totalVolumeUsd() / dayBefore.totalVolumeUsd() - 1) * 100;
            }
            if (dayBefore != null && g.dominancePct().containsKey("btc") && dayBefore.dominancePct().containsKey("btc")) {
                dominanceChange = g.dominancePct().get("btc") - dayBefore.dominancePct().get("btc");
            }
        }
        List<Mover> gainers = new ArrayList<>();
        List<Mover> losers = new ArrayList<>();
        CoinMarkets page = pages.isEmpty() ? null : pages.lastEntry().getValue();
        if (Double.isNaN(dominanceChange) && g != null && page != null) {
            // without a snapshot a day old: BTC's share a day ago from its and the market's 24h cap changes
            double now = dominance(g, "btc");
            for (CoinMarkets.Coin c : page.coins()) {
                if (c.symbol().equals("BTC") && !Double.isNaN(c.marketCapChangePct24h())) {
                    double before = now * (1 + g.marketCapChangePct24h() / 100) / (1 + c.marketCapChangePct24h() / 100);
                    dominanceChange = now - before;
                }
            }
        }
        if (page != null) {
            List<Mover> top = new ArrayList<>();
            for (CoinMarkets.Coin c : page.coins()) {
                if (c.rank() >= 1 && c.rank() <= 100 && !Double.isNaN(c.changePct24h())) {
                    top.add(new Mover(c.symbol(), c.name(), c.rank(), c.priceUsd(), c.changePct24h()));
                }
            }
            top.sort(Comparator.comparingDouble(Mover::changePct24h).reversed().thenComparingInt(Mover::rank));
            top.stream().filter(m -> m.changePct24h() > 0).limit(movers).forEach(gainers::add);
            List<Mover> rising = new ArrayList<>(top);
            rising.sort(Comparator.comparingDouble(Mover::changePct24h).thenComparingInt(Mover::rank));
            rising.stream().filter(m -> m.changePct24h() < 0).limit(movers).forEach(losers::add);
        }
        return new Overview(g == null ? 0 : g.timeMicros(), g == null ? Double.NaN : g.totalMarketCapUsd(),
                g == null ? Double.NaN : g.marketCapChangePct24h(), g == null ? Double.NaN : g.totalVolumeUsd(),
                volumeChange, dominance(g, "btc"), dominance(g, "eth"), dominanceChange,
                page == null ? 0 : page.timeMicros(), gainers, losers);
    }

    /** The latest published Fear &amp; Greed reading, or null. */
    public FearGreedReading publishedFearGreed() {
        return fearGreed.isEmpty() ? null : fearGreed.lastEntry().getValue();
    }

    /** The latest coins page, or null. */
    public CoinMarkets latestCoins() {
        return pages.isEmpty() ? null : pages.lastEntry().getValue();
    }

    /** The /global snapshots, oldest first. */
    public List<GlobalMarket> globals() {
        return List.copyOf(globals.values());
    }

    private GlobalMarket nearest(long time, long tolerance) {
        Map.Entry<Long, GlobalMarket> lo = globals.floorEntry(time);
        Map.Entry<Long, GlobalMarket> hi = globals.ceilingEntry(time);
        Map.Entry<Long, GlobalMarket> best = lo == null ? hi : hi == null ? lo
                : time - lo.getKey() <= hi.getKey() - time ? lo : hi;
        return best != null && Math.abs(best.getKey() - time) <= tolerance ? best.getValue() : null;
    }

    private static double dominance(GlobalMarket g, String coin) {
        return g == null ? Double.NaN : g.dominancePct().getOrDefault(coin, Double.NaN);
    }
}
