package dev.cascade.venues.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AsciiTest {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Ascii.parseDouble(b, 0, b.length);
    }

    private static long parseLong(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Ascii.parseLong(b, 0, b.length);
    }

    @Test
    void shouldParseVenuePricesAndSizesExactly() {
        assertThat(parse("84551.10")).isEqualTo(84551.10);
        assertThat(parse("0.00038167")).isEqualTo(0.00038167);
        assertThat(parse("-0.00000999")).isEqualTo(-0.00000999);
        assertThat(parse("0.0711500")).isEqualTo(0.07115);
        assertThat(parse("100")).isEqualTo(100.0);
        assertThat(parse("1.5E-7")).isEqualTo(1.5e-7);
        assertThat(parse("1939251795.54769270396321")).isEqualTo(Double.parseDouble("1939251795.54769270396321"));
    }

    @Test
    void shouldGiveNaNForWhatIsNotADecimal() {
        for (String s : new String[] {"", "-", ".", "NaN", "Infinity", "1.2.3", "12abc", "1e", "0x10", " 1", "1d"}) {
            assertThat(parse(s)).as(s).isNaN();
        }
    }

    @Test
    void shouldParseLongsAndRefuseOverflow() {
        assertThat(parseLong("1791565603055")).isEqualTo(1791565603055L);
        assertThat(parseLong("-42")).isEqualTo(-42);
        assertThat(parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parseLong("9223372036854775808")).isEqualTo(Ascii.NOT_A_LONG);
        assertThat(parseLong("12.5")).isEqualTo(Ascii.NOT_A_LONG);
        assertThat(parseLong("")).isEqualTo(Ascii.NOT_A_LONG);
        assertThat(parseLong("-")).isEqualTo(Ascii.NOT_A_LONG);
    }

    @Property(tries = 5000)
    void shouldAgreeWithDoubleParseDoubleOnEveryDecimal(@ForAll("decimals") String s) {
        assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }

    @Property(tries = 3000)
    void shouldRoundTripEveryDouble(@ForAll double d) {
        String[] forms = {Double.toString(d), new BigDecimal(d).toPlainString(), String.format(Locale.ROOT, "%.8f", d)};
        for (String s : forms) {
            if (!Double.isFinite(d)) {
                assertThat(parse(s)).isNaN();
            } else {
                assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
            }
        }
    }

    @Property(tries = 2000)
    void shouldParseEveryLong(@ForAll long v) {
        assertThat(parseLong(Long.toString(v))).isEqualTo(v == Long.MIN_VALUE ? Ascii.NOT_A_LONG : v);
    }

    @Property(tries = 1000)
    void shouldHashEqualBytesEqually(@ForAll @IntRange(min = 0, max = 40) int length) {
        String s = "x".repeat(length);
        byte[] a = ("<" + s + ">").getBytes(StandardCharsets.US_ASCII);
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        assertThat(Ascii.hash64(a, 1, a.length - 1)).isEqualTo(Ascii.hash64(b, 0, b.length));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(22);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-40, 40).map(e -> "e" + e));
        return Combinators.combine(Arbitraries.of("", "-"), digits, fraction, exponent)
                .as((sign, i, f, e) -> sign + i + (f.isEmpty() ? "" : "." + f) + e);
    }
}
