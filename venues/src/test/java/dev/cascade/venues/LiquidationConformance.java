package dev.cascade.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cascade.model.Liquidation;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * One suite, run against every liquidation decoder: the normalized meaning of side, USD value and time, and
 * the same rejection for the same bad input, whatever the venue's wire format.
 */
public abstract class LiquidationConformance {
    /** 2025-06-05T14:00:00.120Z in milliseconds: the exchange time every input carries. */
    protected static final long TIME_MILLIS = 1_749_132_000_120L;

    private final String knownSymbol;
    private final String unknownSymbol;
    private final DoubleBinaryOperator expectedUsd;
    private final long expectedReceiveMicros;

    /**
     * @param knownSymbol           a symbol the decoder knows (by metadata fixture or convention)
     * @param unknownSymbol         one that no metadata fixture has and no convention can place
     * @param expectedUsd           the USD value the venue's contract semantics give for the known symbol
     * @param expectedReceiveMicros the receive time the decoder reports for input decoded by {@link #decode}
     */
    protected LiquidationConformance(String knownSymbol, String unknownSymbol, DoubleBinaryOperator expectedUsd,
                                     long expectedReceiveMicros) {
        this.knownSymbol = knownSymbol;
        this.unknownSymbol = unknownSymbol;
        this.expectedUsd = expectedUsd;
        this.expectedReceiveMicros = expectedReceiveMicros;
    }

    /** The venue's encoding of one liquidation; quantity and price are raw text so tests can break them. */
    protected abstract String liquidation(String symbol, Side side, String quantity, String price, long timeMillis);

    /** Decodes one input (a frame or a CSV row). */
    protected abstract Decode.Result decode(String input);

    /** The venue's encoding with the quantity as a JSON object, or null when the format cannot say that. */
    protected String withQuantityOfWrongType(String symbol) {
        return null;
    }

    /** Whether the format carries an exchange time; without one (BitMEX) the event takes the receive time. */
    protected boolean hasExchangeTime() {
        return true;
    }

    /**
     * Whether the quantity's sign is the side (Bitfinex's signed position amount, Gate's signed size): a negative
     * quantity then cannot be written, it is the other side.
     */
    protected boolean isSideTheQuantitysSign() {
        return false;
    }

    /** Why a zero quantity is rejected: Binance calls it an unfilled order. */
    protected Reject zeroQuantityReason() {
        return Reject.NON_POSITIVE_SIZE;
    }

    private Liquidation decodeOne(Side side, String quantity, String price) {
        Decode.Result r = decode(liquidation(knownSymbol, side, quantity, price, TIME_MILLIS));
        assertThat(r.kind()).as("kind, rejects " + r.events().rejects).isEqualTo(FrameKind.DATA);
        return r.events().onlyLiquidation();
    }

    private Decode.Result decodeRejected(String input, Reject reason) {
        Decode.Result r = decode(input);
        assertThat(r.events().liquidations).isEmpty();
        assertThat(r.events().rejects).containsEntry(reason, 1);
        assertThat(r.kind()).isEqualTo(FrameKind.REJECTED);
        return r;
    }

    @Test
    void shouldReportALiquidatedLongAsLong() {
        assertThat(decodeOne(Side.LONG, "2", "100.5").side()).isEqualTo(Side.LONG);
    }

    @Test
    void shouldReportALiquidatedShortAsShort() {
        assertThat(decodeOne(Side.SHORT, "2", "100.5").side()).isEqualTo(Side.SHORT);
    }

    @Test
    void shouldValueTheQuantityInUsdByTheInstrumentsContract() {
        Liquidation l = decodeOne(Side.LONG, "3", "2000.25");
        assertThat(l.quantity()).isEqualTo(3.0);
        assertThat(l.price()).isEqualTo(2000.25);
        assertThat(l.usd()).isCloseTo(expectedUsd.applyAsDouble(3, 2000.25), within(1e-9));
        assertThat(l.symbol()).isEqualTo(knownSymbol);
    }

    @Test
    void shouldKeepExchangeAndReceiveTimesInMicroseconds() {
        Liquidation l = decodeOne(Side.SHORT, "1", "10");
        assertThat(l.exchangeMicros()).isEqualTo(hasExchangeTime() ? Micros.ofMillis(TIME_MILLIS) : expectedReceiveMicros);
        assertThat(l.receiveMicros()).isEqualTo(expectedReceiveMicros);
    }

    @Test
    void shouldRejectTruncatedInput() {
        String full = liquidation(knownSymbol, Side.LONG, "1", "10", TIME_MILLIS);
        Decode.Result r = decode(full.substring(0, full.length() * 2 / 3));
        assertThat(r.events().liquidations).isEmpty();
        assertThat(r.events().rejectCount()).isEqualTo(1);
        assertThat(r.kind()).isEqualTo(FrameKind.REJECTED);
    }

    @Test
    void shouldRejectAQuantityOfTheWrongType() {
        String input = withQuantityOfWrongType(knownSymbol);
        assumeTrue(input != null, "the format has no types");
        decodeRejected(input, Reject.WRONG_TYPE);
    }

    @Test
    void shouldRejectNaN() {
        decodeRejected(liquidation(knownSymbol, Side.LONG, "NaN", "10", TIME_MILLIS), Reject.NOT_A_NUMBER);
    }

    @Test
    void shouldRejectANegativeQuantity() {
        assumeTrue(!isSideTheQuantitysSign(), "the sign of the quantity is the side");
        decodeRejected(liquidation(knownSymbol, Side.LONG, "-1", "10", TIME_MILLIS), Reject.NON_POSITIVE_SIZE);
    }

    @Test
    void shouldRejectAZeroQuantity() {
        decodeRejected(liquidation(knownSymbol, Side.LONG, "0", "10", TIME_MILLIS), zeroQuantityReason());
    }

    @Test
    void shouldRejectAZeroPrice() {
        decodeRejected(liquidation(knownSymbol, Side.LONG, "1", "0", TIME_MILLIS), Reject.NON_POSITIVE_PRICE);
    }

    @Test
    void shouldRejectATimeInTheWrongUnit() {
        assumeTrue(hasExchangeTime(), "the format has no time");
        decodeRejected(liquidation(knownSymbol, Side.LONG, "1", "10", TIME_MILLIS / 1000), Reject.BAD_TIMESTAMP);
    }

    @Test
    void shouldRejectAnUnknownSymbolWithoutMetadata() {
        decodeRejected(liquidation(unknownSymbol, Side.LONG, "1", "10", TIME_MILLIS), Reject.UNKNOWN_INSTRUMENT);
    }

    @Test
    void shouldRejectBinaryGarbage() {
        Decode.Result r = decode("\u0000\u0001\u0002garbage\u0003");
        assertThat(r.events().eventCount()).isZero();
        assertThat(r.events().rejectCount()).isEqualTo(1);
    }
}
