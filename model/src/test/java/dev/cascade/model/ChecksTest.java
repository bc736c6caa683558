package dev.cascade.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plausibility bounds per field kind, at and just past each edge. */
class ChecksTest {
    @Test
    void shouldBoundPricesWithoutJudgingMoves() {
        assertThat(Checks.price(105_603.62)).isNull();
        assertThat(Checks.price(0.000_001_2)).isNull(); // a 1000x-unit meme coin
        assertThat(Checks.price(Checks.MAX_PRICE)).isNull();
        assertThat(Checks.price(Checks.MAX_PRICE * 1.01)).isEqualTo(Reject.IMPLAUSIBLE_PRICE);
        assertThat(Checks.price(1e300)).isEqualTo(Reject.IMPLAUSIBLE_PRICE);
        assertThat(Checks.price(1e-300)).isEqualTo(Reject.IMPLAUSIBLE_PRICE);
        assertThat(Checks.price(0)).isEqualTo(Reject.NON_POSITIVE_PRICE);
        assertThat(Checks.price(-3)).isEqualTo(Reject.NON_POSITIVE_PRICE);
        assertThat(Checks.price(Double.POSITIVE_INFINITY)).isEqualTo(Reject.NOT_A_NUMBER);
        assertThat(Checks.price(Double.NaN)).isEqualTo(Reject.NOT_A_NUMBER);
    }

    @Test
    void shouldBoundQuantitiesAndOrderValues() {
        assertThat(Checks.quantity(0.001)).isNull();
        assertThat(Checks.quantity(Checks.MAX_QUANTITY)).isNull();
        assertThat(Checks.quantity(1e18)).isEqualTo(Reject.IMPLAUSIBLE_SIZE);
        assertThat(Checks.quantity(0)).isEqualTo(Reject.NON_POSITIVE_SIZE);
        assertThat(Checks.quantity(Double.NEGATIVE_INFINITY)).isEqualTo(Reject.NOT_A_NUMBER);
        assertThat(Checks.orderUsd(8_012_000)).isNull();
        assertThat(Checks.orderUsd(Checks.MAX_ORDER_USD)).isNull();
        assertThat(Checks.orderUsd(2e10)).isEqualTo(Reject.IMPLAUSIBLE_VALUE);
        assertThat(Checks.orderUsd(Double.NaN)).isNull(); // not USD-valued: non-usd-quote says so
    }

    @Test
    void shouldAllowZeroButNotNegativeOpenInterest() {
        assertThat(Checks.openInterest(0, 0)).isNull();
        assertThat(Checks.openInterest(58_401.752, Double.NaN)).isNull();
        assertThat(Checks.openInterest(-20, Double.NaN)).isEqualTo(Reject.NON_POSITIVE_SIZE);
        assertThat(Checks.openInterest(20, -1)).isEqualTo(Reject.IMPLAUSIBLE_VALUE);
        assertThat(Checks.openInterest(20, 1e14)).isEqualTo(Reject.IMPLAUSIBLE_VALUE);
        assertThat(Checks.openInterest(20, Double.POSITIVE_INFINITY)).isEqualTo(Reject.NOT_A_NUMBER);
    }

    @Test
    void shouldAllowNegativeFundingWithinAWholeInterval() {
        assertThat(Checks.fundingRate(-0.0075)).isNull();
        assertThat(Checks.fundingRate(1.0)).isNull();
        assertThat(Checks.fundingRate(-1.5)).isEqualTo(Reject.IMPLAUSIBLE_FUNDING);
        assertThat(Checks.fundingRate(Double.NaN)).isEqualTo(Reject.NOT_A_NUMBER);
    }

    @Test
    void shouldHoldEventTimesToTheInputsClock() {
        long received = 1_749_132_000_150_123L;
        assertThat(Checks.time(received - Micros.PER_DAY * 365, received)).isNull(); // history is fine
        assertThat(Checks.time(received + Checks.MAX_AHEAD_MICROS, received)).isNull();
        assertThat(Checks.time(received + Checks.MAX_AHEAD_MICROS + 1, received)).isEqualTo(Reject.IMPLAUSIBLE_TIME);
        long year2099 = 4_102_358_400_000_000L;
        assertThat(Checks.time(year2099, Checks.NO_CLOCK)).isNull(); // no clock: only the absolute bound
        assertThat(Checks.time(year2099, received)).isEqualTo(Reject.IMPLAUSIBLE_TIME);
        assertThat(Checks.time(Micros.LATEST, Checks.NO_CLOCK)).isEqualTo(Reject.BAD_TIMESTAMP);
    }

    @Test
    void shouldLeaveHeadroomForSumsOfOrdersAtTheBound() {
        // the totals add order values in doubles and print them as cents in a long: how many orders at the bound
        // it takes to reach Long.MAX_VALUE cents, and that a realistic year (1e7 orders at $1e4) is far below
        long ordersToSaturate = Long.MAX_VALUE / (long) (Checks.MAX_ORDER_USD * 100);
        assertThat(ordersToSaturate).isEqualTo(9_223_372L);
        double yearOfLiquidations = 1e7 * 1e4;
        assertThat(yearOfLiquidations * 100 / Long.MAX_VALUE).isLessThan(1e-5);
    }
}
