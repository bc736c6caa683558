package dev.cascade.analytics.estimate;

import static dev.cascade.testkit.Events.liquidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiquidationPresenceTest {
    private static final long T0 = Micros.of(Instant.parse("2025-06-05T14:00:00Z"));
    /** Multipliers and Wilson bounds computed independently (Python, math.log and the Wilson formula). */
    private static final double M30 = 1.3862943611198906;
    private static final double LOW30 = 1.2555189037759973;
    private static final double HIGH30 = 1.5652199070542825;
    private static final double M2 = 1.0170465502704402;

    private final Events events = new Events();
    private final Instrument binance = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument okx = events.linear(Venue.OKX_SWAP, "ETH-USDT-SWAP", "ETH");
    private final Instrument bybit = events.linear(Venue.BYBIT_LINEAR, "BTCUSDT", "BTC");

    private static long at(long minutes, double seconds) {
        return T0 + minutes * Micros.PER_MINUTE + (long) (seconds * Micros.PER_SECOND);
    }

    @Test
    void shouldMatchTheMultipliersOfMethodsSection6() {
        assertThat(LiquidationEstimator.multiplier(6)).isCloseTo(1.05, within(0.005));   // p = 0.10
        assertThat(LiquidationEstimator.multiplier(30)).isCloseTo(1.39, within(0.005));  // p = 0.50
        assertThat(LiquidationEstimator.multiplier(54)).isCloseTo(2.56, within(0.005));  // p = 0.90
        assertThat(LiquidationEstimator.multiplier(60)).isCloseTo(4.827722765830638, within(1e-12)); // 59.5 of 60
        assertThat(LiquidationEstimator.highMultiplier(60)).isEqualTo(LiquidationEstimator.CAP);
        assertThat(LiquidationEstimator.lowMultiplier(30)).isCloseTo(LOW30, within(1e-12));
        assertThat(LiquidationEstimator.highMultiplier(30)).isCloseTo(HIGH30, within(1e-12));
        for (int k = 1; k <= 60; k++) {
            assertThat(LiquidationEstimator.lowMultiplier(k)).isGreaterThanOrEqualTo(1)
                    .isLessThanOrEqualTo(LiquidationEstimator.multiplier(k));
            assertThat(LiquidationEstimator.highMultiplier(k)).isGreaterThanOrEqualTo(LiquidationEstimator.multiplier(k));
        }
    }

    @Test
    void shouldScaleAThrottledMinuteByItsShareOfSecondsWithAPush() {
        LiquidationPresence p = new LiquidationPresence(Micros.PER_DAY);
        for (int s = 0; s < 30; s++) { // 30 of 60 seconds, $20,000 each: $600,000 of longs
            p.add(liquidation(binance, Side.LONG, 0.2, 100_000, at(0, s * 2 + 0.5)));
        }
        p.add(liquidation(binance, Side.SHORT, 1, 100_000, at(0, 58.9))); // a short in a second that had a long
        EstimateSummary e = p.estimate();
        assertThat(e.total().reportedUsd()).isCloseTo(700_000, within(1e-6));
        assertThat(e.total().usd()).isCloseTo(700_000 * M30, within(1e-6));
        assertThat(e.total().lowUsd()).isCloseTo(700_000 * LOW30, within(1e-6));
        assertThat(e.total().highUsd()).isCloseTo(700_000 * HIGH30, within(1e-6));
        assertThat(e.longs().usd()).isCloseTo(600_000 * M30, within(1e-6));
        assertThat(e.shorts().usd()).isCloseTo(100_000 * M30, within(1e-6));
        assertThat(e.byExchange().get("binance").usd()).isCloseTo(700_000 * M30, within(1e-6));
        // positions: 31 orders received in 30 busy seconds, scaled by the same multiplier and range
        assertThat(e.total().reportedCount()).isEqualTo(31);
        assertThat(e.total().count()).isCloseTo(31 * M30, within(1e-9));
        assertThat(e.total().lowCount()).isCloseTo(31 * LOW30, within(1e-9));
        assertThat(e.total().highCount()).isCloseTo(31 * HIGH30, within(1e-9));
        assertThat(e.longs().count()).isCloseTo(30 * M30, within(1e-9));
        assertThat(e.byVenue().get("binance-usdm").count()).isCloseTo(31 * M30, within(1e-9));
    }

    @Test
    void shouldTakeACompleteVenueAsItIsAndCheckTheEstimatorAgainstIt() {
        LiquidationPresence p = new LiquidationPresence(Micros.PER_DAY);
        // second 5 has three liquidations: a one-per-second feed would push the latest ($300) only
        p.add(liquidation(bybit, Side.LONG, 0.001, 100_000, at(0, 5.1)));
        p.add(liquidation(bybit, Side.LONG, 0.003, 100_000, at(0, 5.9)));
        p.add(liquidation(bybit, Side.LONG, 0.002, 100_000, at(0, 5.5)));
        p.add(liquidation(bybit, Side.SHORT, 0.0005, 100_000, at(0, 10.2)));
        EstimateSummary e = p.estimate();
        assertThat(e.total().usd()).isCloseTo(650, within(1e-9));
        assertThat(e.total().lowUsd()).isCloseTo(650, within(1e-9));
        assertThat(e.total().highUsd()).isCloseTo(650, within(1e-9));
        EstimateSummary.Check check = e.check();
        assertThat(check.actualUsd()).isCloseTo(650, within(1e-9));
        assertThat(check.throttledUsd()).isCloseTo(350, within(1e-9));
        assertThat(check.estimatedUsd()).isCloseTo(350 * M2, within(1e-9));
        assertThat(check.throttledShare()).isCloseTo(350 / 650.0, within(1e-12));
        assertThat(check.isWithinRange()).isFalse(); // three in one second is more than Poisson at p = 2/60 expects
        assertThat(e.total().count()).isEqualTo(4);
        assertThat(e.total().highCount()).isEqualTo(4);
        assertThat(check.actualCount()).isEqualTo(4);
        assertThat(check.throttledCount()).isEqualTo(2); // seconds 5 and 10: one push each
        assertThat(check.estimatedCount()).isCloseTo(2 * M2, within(1e-9));
    }

    /**
     * Bybit's complete feed over six hours of Poisson liquidations at intensities from quiet (one every 20 s) to
     * busy (one and a half a second), thinned to the latest per second as Binance publishes: the count estimated
     * from the thinned feed recovers the true count within 3 %, and the truth lies within the range.
     */
    @Test
    void shouldRecoverBybitsTrueCountFromItsThrottledSelf() {
        LiquidationPresence p = new LiquidationPresence(Micros.PER_DAY);
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        long truth = 0;
        for (int minute = 0; minute < 360; minute++) {
            double rate = 0.05 * Math.pow(30, (minute % 60) / 59.0); // 0.05 .. 1.5 a second
            double t = 0;
            while ((t += -Math.log(1 - random.nextDouble()) / rate) < 60) {
                p.add(liquidation(bybit, Side.LONG, 0.01, 100_000, at(minute, t)));
                truth++;
            }
        }
        EstimateSummary.Check check = p.estimate().check();
        assertThat(check.actualCount()).isEqualTo(truth).isGreaterThan(9_000);
        assertThat(check.throttledCount()).isLessThan(truth * 3 / 4); // what a one-per-second feed shows
        assertThat(check.recoveredCount()).isCloseTo(1.0, within(0.03));
        assertThat(check.isCountWithinRange()).isTrue();
        assertThat(check.recovered()).isCloseTo(1.0, within(0.03)); // and USD, equal sizes, alike
    }

    /**
     * A cascade: for five minutes Binance's BTCUSDT has twenty liquidations a second (every second pushed, presence
     * saturated), Bybit four a second; around them an hour at a fiftieth of those rates. Bybit, which publishes
     * everything, calibrates Binance minute by minute, scaled by the two venues' trades: the estimate lands
     * within 10 % of the true count where presence alone stops near five times the pushes.
     */
    @Test
    void shouldLetTheCompleteVenueCalibrateSaturatedMinutes() {
        LiquidationPresence p = new LiquidationPresence(Micros.PER_DAY);
        LiquidationPresence alone = new LiquidationPresence(Micros.PER_DAY);
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        long truth = 0;
        for (int minute = 0; minute < 65; minute++) {
            double scale = minute >= 30 && minute < 35 ? 1 : 0.02;
            for (Instrument venue : new Instrument[] {binance, bybit}) {
                double rate = (venue == binance ? 20 : 4) * scale;
                double t = 0;
                int lastSecond = -1;
                double pending = -1;
                while ((t += -Math.log(1 - random.nextDouble()) / rate) < 60) {
                    if (venue == bybit) {
                        p.add(liquidation(bybit, Side.LONG, 0.02, 100_000, at(minute, t)));
                        continue;
                    }
                    truth++;
                    if ((int) t != lastSecond && pending >= 0) { // Binance pushes the latest of each second
                        p.add(liquidation(binance, Side.LONG, 0.02, 100_000, at(minute, pending)));
                        alone.add(liquidation(binance, Side.LONG, 0.02, 100_000, at(minute, pending)));
                    }
                    lastSecond = (int) t;
                    pending = t;
                }
                if (pending >= 0 && venue == binance) {
                    p.add(liquidation(binance, Side.LONG, 0.02, 100_000, at(minute, pending)));
                    alone.add(liquidation(binance, Side.LONG, 0.02, 100_000, at(minute, pending)));
                }
            }
        }
        // Binance has five times Bybit's BTC trades: its share of the liquidations, as of the trading
        TradeCounts trades = (i, from, to) -> i.key() == binance.key() ? 5_000 : i.key() == bybit.key() ? 1_000 : 0;
        EstimateSummary e = p.estimate(trades);
        Estimate calibrated = e.byVenue().get("binance-usdm");
        Estimate presence = alone.estimate().byVenue().get("binance-usdm");
        assertThat(e.saturatedMinutes()).isEqualTo(5);
        assertThat(e.calibratedMinutes()).isBetween(5L, 65L); // every minute Bybit saw BTC liquidated
        assertThat(p.estimate().calibratedMinutes()).as("without trade counts, presence alone").isZero();
        assertThat(calibrated.reportedCount()).isLessThan(truth / 2);
        assertThat(presence.count()).as("presence alone").isLessThan(truth * 0.4);
        assertThat(calibrated.count()).isCloseTo(truth, within(truth * 0.10));
        assertThat(calibrated.lowCount()).isLessThanOrEqualTo(calibrated.count());
        assertThat(calibrated.highCount()).isGreaterThanOrEqualTo(truth);
        assertThat(calibrated.usd()).isCloseTo(truth * 2_000.0, within(truth * 2_000.0 * 0.10));
    }

    @Test
    void shouldEstimateWindowsAndKeepEvictedMinutesInTheWholeInput() {
        LiquidationPresence p = new LiquidationPresence(Micros.PER_HOUR);
        p.add(liquidation(okx, Side.LONG, 10, 2_500, at(0, 1)));    // $25,000, 1 second
        p.add(liquidation(okx, Side.LONG, 10, 2_500, at(0, 2)));    // $25,000, 2 seconds
        p.add(liquidation(okx, Side.SHORT, 4, 2_500, at(180, 30))); // three hours later: minute 0 is evicted
        EstimateSummary window = p.estimate(at(120, 0), at(180, 59));
        assertThat(window.total().reportedUsd()).isCloseTo(10_000, within(1e-9));
        assertThat(window.total().usd()).isCloseTo(10_000 * LiquidationEstimator.multiplier(1), within(1e-9));
        EstimateSummary whole = p.estimate();
        assertThat(whole.total().reportedUsd()).isCloseTo(60_000, within(1e-9));
        assertThat(whole.total().usd()).isCloseTo(50_000 * M2 + 10_000 * LiquidationEstimator.multiplier(1),
                within(1e-9));
        assertThat(whole.byCoin().keySet()).containsExactly("ETH");
    }
}
