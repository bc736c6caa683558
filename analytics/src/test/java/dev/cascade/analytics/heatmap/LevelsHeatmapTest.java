package dev.cascade.analytics.heatmap;

import static dev.cascade.testkit.Events.liquidation;
import static dev.cascade.testkit.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.LiquidationLog;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.Coin;
import dev.cascade.model.Instrument;
import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LevelsHeatmapTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T10:00:00Z"));
    private static final MarginBrackets FLAT_04 = MarginBrackets.of(new double[][] {{0, Double.MAX_VALUE, 0.004, 125}});
    /** One tier, 10x, 0.4 % maintenance: levels at 100,000 x 0.9 / 0.996 and 100,000 x 1.1 / 1.004. */
    private static final HeatmapSettings TEN_X = new HeatmapSettings(new double[] {10}, new double[] {1}, 10_000, 0.1, 3,
            0.05, Micros.PER_DAY, v -> FLAT_04);
    private static final double LONG_LP = 100_000 * 0.9 / 0.996;   // 90,361.45
    private static final double SHORT_LP = 100_000 * 1.1 / 1.004;  // 109,561.75

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final MarketBars bars = new MarketBars();
    private final LiquidationLog log = new LiquidationLog(Micros.PER_DAY);
    private long id;

    private static long at(long minutes, long seconds) {
        return T0 + minutes * Micros.PER_MINUTE + seconds * Micros.PER_SECOND;
    }

    private void trade(TakerSide side, double qty, double price, long time) {
        bars.onTrade(Events.trade(btc, side, qty, price, ++id, time));
    }

    private void oi(double coins, long time) {
        bars.onOpenInterest(new OpenInterest().set(btc, coins, Double.NaN, time, time));
    }

    /**
     * Minute 1 adds 10 BTC of open interest at 100,000 with 75 % taker buying: $750,000 of longs and $250,000 of
     * shorts at their 10x prices. Minute 70 wicks to 90,200 and closes 0.5 BTC of positions at its VWAP 95,100.
     */
    private Heatmap scenario() {
        for (int m = 0; m < 70; m++) {
            double buy = m < 2 ? 0.75 : 0.5;
            trade(TakerSide.BUY, buy, 100_000, at(m, 10));
            trade(TakerSide.SELL, 1 - buy, 100_000, at(m, 20));
        }
        oi(1000, at(0, 30));
        oi(1010, at(1, 30));
        trade(TakerSide.SELL, 1, 90_200, at(70, 5));
        trade(TakerSide.BUY, 1, 100_000, at(70, 50));
        oi(1009.5, at(70, 55));
        log.onLiquidation(liquidation(btc, Side.LONG, 100_000 / 90_400.0, 90_400, at(70, 6)));  // $100,000 in the cluster
        log.onLiquidation(liquidation(btc, Side.LONG, 50_000 / 95_000.0, 95_000, at(70, 7)));   // $50,000 outside it
        return LevelsHeatmap.build(bars, log, Coin.of("BTC"), at(70, 59), TEN_X, 0);
    }

    @Test
    void shouldPlaceNewPositionsAtTheirLiquidationPricesSplitByTakerShare() {
        for (int m = 0; m < 2; m++) {
            trade(TakerSide.BUY, 0.75, 100_000, at(m, 10));
            trade(TakerSide.SELL, 0.25, 100_000, at(m, 20));
        }
        oi(1000, at(0, 30));
        oi(1010, at(1, 30));
        Heatmap h = LevelsHeatmap.build(bars, log, Coin.of("BTC"), at(1, 59), TEN_X, 0);
        assertThat(h.levels()).hasSize(2);
        Heatmap.Level longLevel = h.levels().get(0);
        assertThat(longLevel.longUsd()).isCloseTo(750_000, within(1e-6));
        assertThat(longLevel.price()).isLessThanOrEqualTo(LONG_LP).isGreaterThan(LONG_LP / 1.001);
        Heatmap.Level shortLevel = h.levels().get(1);
        assertThat(shortLevel.shortUsd()).isCloseTo(250_000, within(1e-6));
        assertThat(shortLevel.price()).isLessThanOrEqualTo(SHORT_LP).isGreaterThan(SHORT_LP / 1.001);
        assertThat(h.clusters()).extracting(Heatmap.Cluster::side).containsExactly(Side.LONG, Side.SHORT);
        assertThat(h.clusters().get(0).share()).isEqualTo(1.0);
        assertThat(h.clusters().get(0).contains(LONG_LP)).isTrue();
    }

    @Test
    void shouldShrinkLevelsWhenPositionsCloseAndSweepTheClusterPriceRunsThrough() {
        Heatmap h = scenario();
        // 0.5 BTC closed at the minute's VWAP, out of all open interest before it: 1,010 BTC at 100,000
        double factor = 1 - 0.5 * 95_100 / (1_010 * 100_000.0);
        assertThat(h.swept()).hasSize(1);
        Heatmap.Swept s = h.swept().get(0);
        assertThat(s.timeMicros()).isEqualTo(at(70, 0));
        assertThat(s.cluster().side()).isEqualTo(Side.LONG);
        assertThat(s.cluster().price()).isCloseTo(LONG_LP, within(LONG_LP * 0.001));
        assertThat(s.consumedUsd()).isCloseTo(750_000 * factor, within(1e-6));
        assertThat(h.levels()).hasSize(1); // the longs are gone; the shorts above 100,000 were never reached
        assertThat(h.levels().get(0).shortUsd()).isCloseTo(250_000 * factor, within(1e-6));
        assertThat(h.price()).isEqualTo(100_000);
    }

    @Test
    void shouldMeasureItsHitRateAgainstTheClustersPredictedBeforeTheLiquidations() {
        Heatmap.HitRate hit = scenario().hitRate();
        assertThat(hit.checks()).isEqualTo(1);
        assertThat(hit.realizedUsd()).isCloseTo(150_000, within(1e-6));
        assertThat(hit.insideUsd()).isCloseTo(100_000, within(1e-6));
        assertThat(hit.share()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(hit.shortRealizedUsd()).isZero();
        // two bands of 7 buckets of 0.1 % (the short one clipped at +10 %) within +-10 % of 100,000
        assertThat(hit.meanCoveragePct()).isGreaterThan(3.5).isLessThan(7.0);
    }

    @Test
    void shouldNotCountLiquidationsOfTheWarmUpHour() {
        trade(TakerSide.BUY, 1, 100_000, at(0, 10));
        oi(1000, at(0, 30));
        trade(TakerSide.SELL, 1, 99_000, at(30, 10));
        log.onLiquidation(liquidation(btc, Side.LONG, 1, 99_000, at(30, 11)));
        Heatmap h = LevelsHeatmap.build(bars, log, Coin.of("BTC"), at(30, 59), TEN_X, 0);
        assertThat(h.hitRate().checks()).isZero();
        assertThat(h.hitRate().share()).isNaN();
    }
}
