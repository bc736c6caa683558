package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.bars.InstrumentBars;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.analytics.bars.Resolution;
import dev.cascade.analytics.bars.Scope;
import dev.cascade.analytics.estimate.Estimate;
import dev.cascade.analytics.estimate.EstimateSummary;
import dev.cascade.analytics.estimate.LiquidationPresence;
import dev.cascade.analytics.heatmap.Heatmap;
import dev.cascade.analytics.heatmap.HeatmapSettings;
import dev.cascade.analytics.heatmap.LevelsHeatmap;
import dev.cascade.analytics.oi.OpenInterestStats;
import dev.cascade.analytics.overview.MarketOverview;
import dev.cascade.analytics.price.PriceStats;
import dev.cascade.analytics.taker.TakerFlow;
import dev.cascade.model.Coin;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.Exchange;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Tee;
import dev.cascade.model.Trade;
import dev.cascade.testkit.MarketStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * STYLE.md rule 5 as properties: for every aggregator, feeding a random stream split at random into parts and
 * merging the parts gives what one instance fed everything (in another order) gives, read-outs included.
 */
class MergeProperties {
    private static final long T0 = Micros.of(Instant.parse("2025-06-04T00:00:00Z"));
    private static final MarketStream STREAM = new MarketStream();

    /** One instance fed everything shuffled, and {@code parts} instances merged into the first. */
    private static <A extends MarketListener> List<A> singleAndMerged(long seed, int parts, int hours,
                                                                      Supplier<A> make, Merger<A> merger) {
        List<Object> events = new ArrayList<>(STREAM.generate(seed, T0, hours, 4));
        Random r = new Random(seed);
        List<A> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(make.get());
        }
        for (Object e : events) {
            MarketStream.deliver(e, split.get(r.nextInt(parts)));
        }
        // the single instance gets everything in time order but shuffled within blocks of a few minutes, as feeds
        // deliver it; retention makes anything older than it a drop, so a wholesale shuffle is a different input
        for (int from = 0; from < events.size(); from += 200) {
            Collections.shuffle(events.subList(from, Math.min(events.size(), from + 200)), r);
        }
        A single = make.get();
        events.forEach(e -> MarketStream.deliver(e, single));
        A merged = split.get(0);
        for (int i = 1; i < parts; i++) {
            merger.merge(merged, split.get(i));
        }
        return List.of(single, merged);
    }

    interface Merger<A> {
        void merge(A into, A from);
    }

    @Property(tries = 25)
    void marketBarsMergeLikeOneInstance(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parts) {
        List<MarketBars> r = singleAndMerged(seed, parts, 30,
                () -> new MarketBars(new MarketBars.Retention(2 * Micros.PER_HOUR, 20 * Micros.PER_HOUR)),
                MarketBars::merge);
        MarketBars single = r.get(0);
        MarketBars merged = r.get(1);
        assertThat(merged.instruments()).hasSameSizeAs(single.instruments());
        for (InstrumentBars s : single.instruments()) {
            InstrumentBars m = merged.of(s.instrument());
            assertThat(m.total().isSameAs(s.total())).isTrue();
            assertThat(m.minutes().isSameAs(s.minutes())).as("minutes of " + s.instrument()).isTrue();
            assertThat(m.hours().isSameAs(s.hours())).as("hours of " + s.instrument()).isTrue();
        }
        assertThat(merged.tooOld()).isEqualTo(single.tooOld());
        assertThat(merged.lastMicros()).isEqualTo(single.lastMicros());
        assertThat(merged.coinsByVolume()).isEqualTo(single.coinsByVolume());

        // the read-outs built on the bars agree too
        Coin btc = Coin.of("BTC");
        long end = single.lastMicros();
        for (Scope scope : List.of(Scope.ALL, Scope.of(Exchange.BINANCE), Scope.of(Exchange.BYBIT))) {
            List<InstrumentBars> a = scope.select(single, btc);
            List<InstrumentBars> b = scope.select(merged, btc);
            assertSamePrice(PriceStats.whole(b), PriceStats.whole(a));
            assertSamePrice(PriceStats.window(b, end - 4 * Micros.PER_HOUR, end),
                    PriceStats.window(a, end - 4 * Micros.PER_HOUR, end));
            List<TakerFlow.Bar> ta = TakerFlow.bars(Scope.sum(a, Resolution.FIVE_MINUTES), Resolution.FIVE_MINUTES,
                    TakerFlow.Settings.DEFAULT);
            List<TakerFlow.Bar> tb = TakerFlow.bars(Scope.sum(b, Resolution.FIVE_MINUTES), Resolution.FIVE_MINUTES,
                    TakerFlow.Settings.DEFAULT);
            assertThat(tb).hasSameSizeAs(ta);
            for (int i = 0; i < ta.size(); i++) {
                assertThat(tb.get(i).netUsd()).isCloseTo(ta.get(i).netUsd(), closeTo(ta.get(i).netUsd()));
                assertThat(tb.get(i).cvdUsd()).isCloseTo(ta.get(i).cvdUsd(), closeTo(Math.abs(ta.get(i).cvdUsd()) + 1e6));
            }
            OpenInterestStats oa = OpenInterestStats.of(a, end, Map.of("1h", Micros.PER_HOUR));
            OpenInterestStats ob = OpenInterestStats.of(b, end, Map.of("1h", Micros.PER_HOUR));
            assertThat(ob.usd()).isCloseTo(oa.usd(), closeTo(oa.usd()));
            assertThat(ob.changes().keySet()).isEqualTo(oa.changes().keySet());
        }
    }

    @Property(tries = 25)
    void liquidationTotalsMergeLikeOneInstance(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parts) {
        List<LiquidationTotals> r = singleAndMerged(seed, parts, 30, LiquidationTotals::new, LiquidationTotals::merge);
        LiquidationSummary a = r.get(0).total();
        LiquidationSummary b = r.get(1).total();
        assertThat(b.total().count()).isEqualTo(a.total().count());
        assertThat(b.total().longCount()).isEqualTo(a.total().longCount());
        assertThat(b.total().usd()).isCloseTo(a.total().usd(), closeTo(a.total().usd()));
        assertThat(b.largest()).isEqualTo(a.largest());
        long end = r.get(0).lastMicros();
        LiquidationSummary wa = r.get(0).window(end, 4 * Micros.PER_HOUR);
        LiquidationSummary wb = r.get(1).window(end, 4 * Micros.PER_HOUR);
        assertThat(wb.total().count()).isEqualTo(wa.total().count());
        assertThat(wb.byCoin().keySet()).isEqualTo(wa.byCoin().keySet());
    }

    @Property(tries = 25)
    void liquidationPresenceMergesLikeOneInstance(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parts) {
        List<LiquidationPresence> r = singleAndMerged(seed, parts, 30,
                () -> new LiquidationPresence(40 * Micros.PER_HOUR), LiquidationPresence::merge);
        long end = T0 + 30 * Micros.PER_HOUR;
        for (EstimateSummary[] e : List.of(new EstimateSummary[] {r.get(0).estimate(), r.get(1).estimate()},
                new EstimateSummary[] {r.get(0).estimate(end - 4 * Micros.PER_HOUR, end),
                    r.get(1).estimate(end - 4 * Micros.PER_HOUR, end)})) {
            assertSameEstimate(e[1].total(), e[0].total());
            assertSameEstimate(e[1].longs(), e[0].longs());
            assertThat(e[1].byVenue().keySet()).isEqualTo(e[0].byVenue().keySet());
            e[0].byVenue().forEach((venue, x) -> assertSameEstimate(e[1].byVenue().get(venue), x));
            assertThat(e[1].check().throttledUsd()).isCloseTo(e[0].check().throttledUsd(),
                    closeTo(e[0].check().throttledUsd()));
            assertThat(e[1].saturatedMinutes()).isEqualTo(e[0].saturatedMinutes());
        }
    }

    /** The heatmap's two inputs as one listener, so the stream is split between parts alike. */
    static final class HeatmapInputs implements MarketListener {
        final MarketBars bars = new MarketBars(new MarketBars.Retention(40 * Micros.PER_HOUR, 80 * Micros.PER_HOUR));
        final LiquidationLog log = new LiquidationLog(40 * Micros.PER_HOUR);
        final MarketListener both = new Tee(bars, log);

        @Override
        public void onTrade(Trade e) {
            both.onTrade(e);
        }

        @Override
        public void onLiquidation(Liquidation e) {
            both.onLiquidation(e);
        }

        @Override
        public void onOpenInterest(OpenInterest e) {
            both.onOpenInterest(e);
        }

        @Override
        public void onMarkPrice(MarkPrice e) {
            both.onMarkPrice(e);
        }

        @Override
        public void onFundingRate(FundingRate e) {
            both.onFundingRate(e);
        }

        void merge(HeatmapInputs o) {
            bars.merge(o.bars);
            log.merge(o.log);
        }
    }

    @Property(tries = 15)
    void liquidationLogAndHeatmapMergeLikeOneInstance(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3) int parts) {
        List<HeatmapInputs> r = singleAndMerged(seed, parts, 30, HeatmapInputs::new, HeatmapInputs::merge);
        assertThat(r.get(1).log.size()).isEqualTo(r.get(0).log.size());
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        r.get(0).log.forEach(null, Long.MIN_VALUE, Long.MAX_VALUE, (i, side, p, usd, t) -> a.add(i + side.id() + p + usd + t));
        r.get(1).log.forEach(null, Long.MIN_VALUE, Long.MAX_VALUE, (i, side, p, usd, t) -> b.add(i + side.id() + p + usd + t));
        assertThat(b).isEqualTo(a);
        long end = r.get(0).bars.lastMicros();
        Heatmap x = LevelsHeatmap.build(r.get(0).bars, r.get(0).log, Coin.of("BTC"), end, HeatmapSettings.DEFAULT, 60);
        Heatmap y = LevelsHeatmap.build(r.get(1).bars, r.get(1).log, Coin.of("BTC"), end, HeatmapSettings.DEFAULT, 60);
        assertThat(x.levels()).isNotEmpty(); // the stream builds levels, sweeps some and checks liquidations
        assertThat(x.hitRate().checks()).isPositive();
        assertThat(y.levels()).hasSameSizeAs(x.levels());
        for (int i = 0; i < x.levels().size(); i++) {
            assertThat(y.levels().get(i).price()).isEqualTo(x.levels().get(i).price());
            assertThat(y.levels().get(i).longUsd()).isCloseTo(x.levels().get(i).longUsd(), closeTo(x.levels().get(i).longUsd()));
        }
        assertThat(y.clusters()).hasSameSizeAs(x.clusters());
        assertThat(y.swept()).hasSameSizeAs(x.swept());
        assertThat(y.hitRate().checks()).isEqualTo(x.hitRate().checks());
        assertThat(y.hitRate().insideUsd()).isCloseTo(x.hitRate().insideUsd(), closeTo(x.hitRate().insideUsd()));
        assertThat(y.snapshots()).hasSameSizeAs(x.snapshots());
    }

    @Property(tries = 50)
    void marketOverviewMergesLikeOneInstance(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parts) {
        Random r = new Random(seed);
        List<Object> docs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long t = T0 + r.nextInt(72) * Micros.PER_HOUR / 2; // repeated times too
            switch (r.nextInt(3)) {
                case 0 -> docs.add(new GlobalMarket(t, 3e12 * (1 + r.nextGaussian() * 0.02), 1e11 * (1 + r.nextDouble()),
                        r.nextGaussian(), Map.of("btc", 60 + r.nextGaussian(), "eth", 9 + r.nextGaussian())));
                case 1 -> {
                    List<CoinMarkets.Coin> coins = new ArrayList<>();
                    for (int k = 1; k <= 1 + r.nextInt(120); k++) {
                        coins.add(new CoinMarkets.Coin("c" + k, "C" + k, "Coin " + k, k, 1, 1e9 / k, 1e8, r.nextGaussian() * 5,
                                r.nextGaussian() * 5));
                    }
                    docs.add(new CoinMarkets(t, coins));
                }
                default -> docs.add(new FearGreedReading(t, r.nextInt(101), "x"));
            }
        }
        MarketOverview single = new MarketOverview();
        List<MarketOverview> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(new MarketOverview());
        }
        Collections.shuffle(docs, r);
        for (Object d : docs) {
            deliver(d, single);
            deliver(d, split.get(r.nextInt(parts)));
        }
        for (int i = 1; i < parts; i++) {
            split.get(0).merge(split.get(i));
        }
        assertThat(split.get(0).overview(5)).isEqualTo(single.overview(5));
        assertThat(split.get(0).publishedFearGreed()).isEqualTo(single.publishedFearGreed());
        assertThat(split.get(0).globals()).isEqualTo(single.globals());
    }

    private static void deliver(Object d, MarketListener to) {
        if (d instanceof GlobalMarket g) {
            to.onGlobalMarket(g);
        } else if (d instanceof CoinMarkets m) {
            to.onCoinMarkets(m);
        } else {
            to.onFearGreed((FearGreedReading) d);
        }
    }

    static void assertSameEstimate(Estimate actual, Estimate expected) {
        assertThat(actual.reportedUsd()).isCloseTo(expected.reportedUsd(), closeTo(expected.reportedUsd()));
        assertThat(actual.usd()).isCloseTo(expected.usd(), closeTo(expected.usd()));
        assertThat(actual.lowUsd()).isCloseTo(expected.lowUsd(), closeTo(expected.lowUsd()));
        assertThat(actual.highUsd()).isCloseTo(expected.highUsd(), closeTo(expected.highUsd()));
    }

    static void assertSamePrice(PriceStats actual, PriceStats expected) {
        assertThat(actual.reference()).isEqualTo(expected.reference());
        assertThat(actual.first()).isEqualTo(expected.first());
        assertThat(actual.firstMicros()).isEqualTo(expected.firstMicros());
        assertThat(actual.high()).isEqualTo(expected.high());
        assertThat(actual.highMicros()).isEqualTo(expected.highMicros());
        assertThat(actual.low()).isEqualTo(expected.low());
        assertThat(actual.last()).isEqualTo(expected.last());
        assertThat(actual.trades()).isEqualTo(expected.trades());
        assertThat(actual.vwap()).isCloseTo(expected.vwap(), closeTo(expected.vwap()));
        assertThat(actual.volumeUsd()).isCloseTo(expected.volumeUsd(), closeTo(expected.volumeUsd()));
    }

    /** Sums in another order differ in their last bits. */
    static org.assertj.core.data.Offset<Double> closeTo(double magnitude) {
        return org.assertj.core.data.Offset.offset(Math.abs(magnitude) * 1e-9 + 1e-6);
    }
}
