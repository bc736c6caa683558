package dev.cascade.analytics.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.analytics.risk.LiquidationPrice.Position;
import dev.cascade.model.MarginBrackets;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test vectors of research/methods.md 1.3, to the cent. */
class LiquidationPriceTest {
    private static final MarginBrackets FLAT_04 = MarginBrackets.of(new double[][] {{0, Double.MAX_VALUE, 0.004, 125}});
    private static final MarginBrackets FLAT_05 = MarginBrackets.FLAT_HALF_PERCENT;

    private static double cents(LiquidationPrice.Result r) {
        return Math.round(r.price() * 100) / 100.0;
    }

    private static LiquidationPrice.Result linear(Venue venue, Side side, double entry, double qty, double wallet,
                                                  MarginBrackets brackets) {
        return LiquidationPrice.of(new Position(venue, false, side, entry, qty, 0, wallet), brackets);
    }

    @Test
    void shouldGiveBinanceLinearOneBitcoinAtTenTimes() {
        assertThat(cents(linear(Venue.BINANCE_USDM, Side.LONG, 84_000, 1, 8_400, FLAT_04))).isEqualTo(75_903.61);
        assertThat(cents(linear(Venue.BINANCE_USDM, Side.SHORT, 84_000, 1, 8_400, FLAT_04))).isEqualTo(92_031.87);
    }

    @Test
    void shouldChooseTheBracketThatContainsTheNotionalAtTheLiquidationPrice() {
        MarginBrackets btc = MarginBrackets.BINANCE_BTCUSDT;
        LiquidationPrice.Result long10 = linear(Venue.BINANCE_USDM, Side.LONG, 100_000, 10, 100_000, btc);
        assertThat(cents(long10)).isEqualTo(90_777.78);
        assertThat(long10.bracket().number()).isEqualTo(3);
        assertThat(long10.bracket().mmr()).isEqualTo(0.01);
        assertThat(long10.bracket().cum()).isCloseTo(1_300, within(1e-6));
        assertThat(cents(linear(Venue.BINANCE_USDM, Side.SHORT, 100_000, 10, 100_000, btc))).isEqualTo(109_039.60);
        LiquidationPrice.Result long100 = linear(Venue.BINANCE_USDM, Side.LONG, 100_000, 100, 1_000_000, btc);
        assertThat(cents(long100)).isEqualTo(91_832.82);
        assertThat(long100.bracket().number()).isEqualTo(4);
    }

    @Test
    void shouldGiveBybitsWorkedExampleWithEitherFormula() {
        // Binance's formula (MM at the liquidation price) and Bybit's own (MM at entry) on Bybit's example
        assertThat(cents(linear(Venue.BINANCE_USDM, Side.LONG, 20_000, 1, 400, FLAT_05))).isEqualTo(19_698.49);
        assertThat(cents(linear(Venue.BYBIT_LINEAR, Side.LONG, 20_000, 1, 400, FLAT_05))).isEqualTo(19_700.00);
    }

    @Test
    void shouldGiveInversePositionsInBothForms() {
        Position binanceLong = new Position(Venue.BINANCE_COINM, true, Side.LONG, 50_000, 600, 100, 0.12);
        Position binanceShort = new Position(Venue.BINANCE_COINM, true, Side.SHORT, 50_000, 600, 100, 0.12);
        assertThat(cents(LiquidationPrice.of(binanceLong, FLAT_05))).isEqualTo(45_681.82);
        assertThat(cents(LiquidationPrice.of(binanceShort, FLAT_05))).isEqualTo(55_277.78);
        Position bybitLong = new Position(Venue.BYBIT_INVERSE, true, Side.LONG, 50_000, 600, 100, 0.12);
        Position bybitShort = new Position(Venue.BYBIT_INVERSE, true, Side.SHORT, 50_000, 600, 100, 0.12);
        assertThat(cents(LiquidationPrice.of(bybitLong, FLAT_05))).isEqualTo(45_662.10);
        assertThat(cents(LiquidationPrice.of(bybitShort, FLAT_05))).isEqualTo(55_248.62);
    }

    @Test
    void shouldNeverLiquidateAnInverseShortAtOneTime() {
        double wallet = Position.initialMargin(true, 50_000, 600, 100, 1);
        Position p = new Position(Venue.BINANCE_COINM, true, Side.SHORT, 50_000, 600, 100, wallet);
        assertThat(LiquidationPrice.of(p, FLAT_05).price()).isZero();
    }

    /** methods.md's distance table: isolated, wallet = initial margin, MMR 0.4 %, cum 0. */
    @ParameterizedTest
    @CsvSource({"5, -19.679, 19.522", "10, -9.639, 9.562", "25, -3.614, 3.586", "50, -1.606, 1.594",
        "100, -0.602, 0.598", "125, -0.402, 0.398"})
    void shouldPlaceLevelsCloserThanTheNaiveOneOverLeverage(double leverage, double longPct, double shortPct) {
        double wallet = Position.initialMargin(false, 100_000, 1, 0, leverage);
        double l = linear(Venue.BINANCE_USDM, Side.LONG, 100_000, 1, wallet, FLAT_04).price();
        double s = linear(Venue.BINANCE_USDM, Side.SHORT, 100_000, 1, wallet, FLAT_04).price();
        assertThat((l / 100_000 - 1) * 100).isCloseTo(longPct, within(0.0005));
        assertThat((s / 100_000 - 1) * 100).isCloseTo(shortPct, within(0.0005));
    }

    @Test
    void shouldComputeTheMaintenanceAmountsOfTheDefaultTable() {
        double[] cum = {0, 50, 1_300, 46_300, 546_300, 2_546_300, 5_046_300, 8_046_300, 28_046_300, 103_046_300};
        for (int i = 0; i < cum.length; i++) {
            assertThat(MarginBrackets.BINANCE_BTCUSDT.brackets().get(i).cum()).isCloseTo(cum[i], within(1e-6));
        }
    }
}
