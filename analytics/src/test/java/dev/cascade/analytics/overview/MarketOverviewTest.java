package dev.cascade.analytics.overview;

import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketOverviewTest {
    private static final long DAY2 = Micros.of(Instant.parse("2025-06-05T00:00:00Z"));

    private static CoinMarkets.Coin coin(String symbol, int rank, double change, double capChange) {
        return new CoinMarkets.Coin(symbol.toLowerCase(), symbol, symbol, rank, 1, 1e9, 1e8, change, capChange);
    }

    private MarketOverview overview() {
        MarketOverview o = new MarketOverview();
        o.onGlobalMarket(new GlobalMarket(DAY2 - Micros.PER_DAY + 10 * Micros.PER_MINUTE, 3.27e12, 1.0e11, 1.0,
                Map.of("btc", 63.0, "eth", 9.5)));
        o.onGlobalMarket(new GlobalMarket(DAY2, 3.2e12, 1.4e11, -2.04, Map.of("btc", 63.5, "eth", 9.2)));
        o.onCoinMarkets(new CoinMarkets(DAY2, List.of(coin("BTC", 1, -2.9, -2.8), coin("ETH", 2, -7.1, -7.0),
                coin("SEI", 71, 10.4, 10.2), coin("SMT", 140, 35, 34), coin("SOL", 6, -4.4, -4.3),
                coin("HYPE", 14, 1.2, 1.0), coin("ADA", 9, -3.5, -3.4))));
        o.onFearGreed(new FearGreedReading(DAY2, 52, "Neutral"));
        o.onFearGreed(new FearGreedReading(DAY2 - Micros.PER_DAY, 60, "Greed"));
        return o;
    }

    @Test
    void shouldGiveCapVolumeChangeDominanceAndTheTopHundredsMovers() {
        MarketOverview.Overview v = overview().overview(2);
        assertThat(v.totalMarketCapUsd()).isEqualTo(3.2e12);
        assertThat(v.marketCapChangePct24h()).isEqualTo(-2.04);
        assertThat(v.volumeChangePct24h()).isCloseTo(40, within(1e-9)); // against the snapshot 23h50m earlier
        assertThat(v.btcDominancePct()).isEqualTo(63.5);
        assertThat(v.btcDominanceChangePct24h()).isCloseTo(0.5, within(1e-12));
        // SMT rose most but is ranked 140th: not of the top 100
        assertThat(v.topGainers()).extracting(MarketOverview.Mover::symbol).containsExactly("SEI", "HYPE");
        assertThat(v.topLosers()).extracting(MarketOverview.Mover::symbol).containsExactly("ETH", "SOL");
        assertThat(overview().publishedFearGreed().value()).isEqualTo(52);
    }

    @Test
    void shouldDeriveTheDominanceChangeFromCapChangesWithoutAnOlderSnapshot() {
        MarketOverview o = new MarketOverview();
        o.onGlobalMarket(new GlobalMarket(DAY2, 3.2e12, 1.4e11, -2.0, Map.of("btc", 60.0)));
        o.onCoinMarkets(new CoinMarkets(DAY2, List.of(coin("BTC", 1, -1.0, -1.0))));
        MarketOverview.Overview v = o.overview(5);
        assertThat(v.volumeChangePct24h()).isNaN();
        // a day ago BTC was 60 x 0.98 / 0.99 of the market
        assertThat(v.btcDominanceChangePct24h()).isCloseTo(60 - 60 * 0.98 / 0.99, within(1e-12));
    }

    @Test
    void shouldMergeSnapshotsWhateverTheirOrder() {
        MarketOverview a = new MarketOverview();
        MarketOverview b = new MarketOverview();
        MarketOverview all = overview();
        for (GlobalMarket g : all.globals()) {
            a.onGlobalMarket(g);
        }
        b.onCoinMarkets(all.latestCoins());
        b.onFearGreed(all.publishedFearGreed());
        b.merge(a);
        assertThat(b.overview(3)).isEqualTo(all.overview(3));
    }

    @Test
    void shouldBandValuesAsAlternativeMePublishesThem() {
        assertThat(Sentiment.classify(25)).isEqualTo("extreme fear");
        assertThat(Sentiment.classify(26)).isEqualTo("fear");
        assertThat(Sentiment.classify(46)).isEqualTo("fear");
        assertThat(Sentiment.classify(47)).isEqualTo("neutral");
        assertThat(Sentiment.classify(54)).isEqualTo("neutral");
        assertThat(Sentiment.classify(55)).isEqualTo("greed");
        assertThat(Sentiment.classify(75)).isEqualTo("greed");
        assertThat(Sentiment.classify(76)).isEqualTo("extreme greed");
    }

    @Test
    void shouldScoreAQuietFlatDayFromVolatilityAndMomentum() {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        MarketBars bars = new MarketBars();
        long id = 0;
        for (int m = 0; m < 48 * 60; m += 5) { // two days, flat at 100,000, the same volume each day
            bars.onTrade(trade(btc, TakerSide.BUY, 1, 100_000, ++id, DAY2 - Micros.PER_DAY + m * Micros.PER_MINUTE));
        }
        long end = DAY2 + Micros.PER_DAY - 1;
        Sentiment.Index index = Sentiment.of(bars, new MarketOverview(), end);
        // volatility and drawdown are 0: each scores 100 / (1 + e^-4); momentum 0 % scores 50; no dominance data
        double calm = 100 / (1 + Math.exp(-4));
        assertThat(index.components()).extracting(Sentiment.Component::name).containsExactly("volatility", "momentum");
        assertThat(index.components().get(0).score()).isCloseTo(calm, within(1e-9));
        assertThat(index.components().get(1).score()).isCloseTo(50, within(1e-9));
        // written as the reports write percentages: no space before the sign
        assertThat(index.components().get(0).inputDescription())
                .isEqualTo("24h realized volatility 0% a year (baseline 50%), drawdown 0.0% (baseline 3.0%)");
        assertThat(index.components().get(1).inputDescription()).isEqualTo("BTC +0.00% in 24h, volume x1.00");
        assertThat(index.value()).isEqualTo((int) Math.round((25 * calm + 25 * 50) / 50.0));
        assertThat(index.classification()).isEqualTo("greed");
        assertThat(index.published()).isNull();
    }

    @Test
    void shouldFearACrashOnRisingVolumeWithAFlightIntoBitcoin() {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        MarketBars bars = new MarketBars();
        long id = 0;
        java.util.Random r = new java.util.Random(7);
        double price = 100_000;
        for (int m = 0; m < 48 * 60; m += 5) {
            boolean isToday = m >= 24 * 60;
            price *= 1 + (isToday ? -0.0003 : 0) + r.nextGaussian() * (isToday ? 0.006 : 0.001);
            bars.onTrade(trade(btc, TakerSide.SELL, isToday ? 2 : 1, price, ++id, DAY2 - Micros.PER_DAY + m * Micros.PER_MINUTE));
        }
        Sentiment.Index index = Sentiment.of(bars, overview(), DAY2 + Micros.PER_DAY - 1);
        assertThat(index.components()).extracting(Sentiment.Component::name)
                .containsExactly("volatility", "momentum", "dominance");
        assertThat(index.components().get(2).score()).isCloseTo(100 / (1 + Math.E), within(1e-9)); // +0.5 points
        assertThat(index.value()).isLessThanOrEqualTo(25);
        assertThat(index.classification()).isEqualTo("extreme fear");
        assertThat(index.published().value()).isEqualTo(52);
    }
}
