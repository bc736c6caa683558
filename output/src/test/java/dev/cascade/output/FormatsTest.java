package dev.cascade.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Micros;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void shouldWriteMoneyWithThreeSignificantDigitsAndAUnit() {
        assertThat(Formats.money(0)).isEqualTo("$0");
        assertThat(Formats.money(950.4)).isEqualTo("$950");
        assertThat(Formats.money(999.6)).isEqualTo("$1K");
        assertThat(Formats.money(5_000)).isEqualTo("$5K");
        assertThat(Formats.money(12_345)).isEqualTo("$12.3K");
        assertThat(Formats.money(8_012_000)).isEqualTo("$8.01M");
        assertThat(Formats.money(999_999)).isEqualTo("$1M");
        assertThat(Formats.money(495_300_000)).isEqualTo("$495M");
        assertThat(Formats.money(48.8e9)).isEqualTo("$48.8B");
        assertThat(Formats.money(3.2e12)).isEqualTo("$3.2T");
        assertThat(Formats.money(4.5e15)).as("no unit past T").isEqualTo("$4500T");
        assertThat(Formats.money(-314.6e6)).isEqualTo("-$315M");
        assertThat(Formats.money(Double.NaN)).isEqualTo("–");
    }

    @Test
    void shouldWriteDollarsToTheDollar() {
        assertThat(Formats.dollars(8_012_000.4)).isEqualTo("$8,012,000");
        assertThat(Formats.dollars(5_000)).isEqualTo("$5,000");
        assertThat(Formats.dollars(-1_234.5)).isEqualTo("-$1,235");
    }

    @Test
    void shouldKeepAPricesSignificantDigitsAtAnyMagnitude() {
        assertThat(Formats.price(106_332.4)).isEqualTo("$106,332");
        assertThat(Formats.price(2_446.4)).isEqualTo("$2,446.40");
        assertThat(Formats.price(150.25)).isEqualTo("$150.25");
        assertThat(Formats.price(2_600)).as("a round level").isEqualTo("$2,600");
        assertThat(Formats.price(153.001)).isEqualTo("$153");
        assertThat(Formats.price(3.45678)).isEqualTo("$3.457");
        assertThat(Formats.price(0.18659708041432668)).isEqualTo("$0.1866");
        assertThat(Formats.price(0.00001234)).isEqualTo("$0.00001234");
        assertThat(Formats.price(0.000012345678)).isEqualTo("$0.00001235");
        assertThat(Formats.price(0)).isEqualTo("$0");
        assertThat(Formats.price(Double.POSITIVE_INFINITY)).isEqualTo("–");
    }

    @Test
    void shouldWritePercentagesWholeFromTenAndWithDecimalsBelow() {
        assertThat(Formats.percent(84.3)).isEqualTo("84%");
        assertThat(Formats.percent(4.52)).isEqualTo("4.5%");
        assertThat(Formats.percent(-2.02)).isEqualTo("-2%");
        assertThat(Formats.percent(0.253)).isEqualTo("0.25%");
        assertThat(Formats.percent(9.96)).isEqualTo("10%");
        assertThat(Formats.percent(0)).isEqualTo("0%");
        assertThat(Formats.signedPercent(2.5)).isEqualTo("+2.5%");
        assertThat(Formats.signedPercent(-4.5)).isEqualTo("-4.5%");
        assertThat(Formats.signedPercent(0)).isEqualTo("0%");
        assertThat(Formats.share(0.843)).isEqualTo("84%");
        assertThat(Formats.share(Double.NaN)).isEqualTo("–");
        assertThat(Formats.fundingRate(0.0001)).isEqualTo("+0.0100%");
        assertThat(Formats.fundingRate(-0.000025)).isEqualTo("-0.0025%");
    }

    @Test
    void shouldWriteCountsDurationsAndTimes() {
        assertThat(Formats.count(127_000)).isEqualTo("127,000");
        assertThat(Formats.ordinal(3)).isEqualTo("3rd");
        assertThat(Formats.ordinal(11)).isEqualTo("11th");
        assertThat(Formats.ordinal(22)).isEqualTo("22nd");
        assertThat(Formats.duration(12 * Micros.PER_SECOND)).isEqualTo("12s");
        assertThat(Formats.duration(303 * Micros.PER_SECOND)).isEqualTo("5m 3s");
        assertThat(Formats.duration(125 * Micros.PER_MINUTE)).isEqualTo("2h 5m");
        assertThat(Formats.duration(76 * Micros.PER_HOUR)).isEqualTo("3d 4h");
        long t = Micros.of(Instant.parse("2025-06-05T11:12:59Z"));
        assertThat(Formats.time(t)).isEqualTo("11:12 UTC");
        assertThat(Formats.dateTime(t)).isEqualTo("Jun 5 11:12 UTC");
        assertThat(Formats.date(t)).isEqualTo("Jun 5");
        assertThat(Formats.timestamp(t)).isEqualTo("2025-06-05 11:12:59 UTC");
        assertThat(Formats.minute(t)).isEqualTo("06-05 11:12");
    }
}
