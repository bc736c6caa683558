package dev.cascade.venues.bitfinex;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Bitfinex {@code liq:global} rows of the {@code status} channel (research/venues-next.md §8): every position the
 * system liquidates, derivatives and margin alike.
 *
 * <pre>
 * [386841,[["pos",                0  a position row
 *           143683674,            1  POS_ID
 *           1593522802742,        2  MTS, ms (the docs' own sample has a fractional part: 1574697680828.2002)
 *           null,
 *           "tBTCF0:USTF0",       4  SYMBOL: F0 perpetuals are derivatives; tBSVUSD-style pairs are MARGIN positions
 *           0.00268657,           5  AMOUNT, coins, signed: > 0 a LONG position, < 0 a short
 *           9135.972557016,       6  BASE_PRICE, the position's entry price (not used)
 *           null,
 *           0,                    8  IS_MATCH: 0 the trigger (counted), 1 a market execution of it (not counted again)
 *           1,                    9  IS_MARKET_SOLD
 *           null,
 *           9080]],              11  PRICE_ACQUIRED, the liquidation price
 *  7,1593566593351]                  seq and ts when the connection asked for them
 * </pre>
 * Margin positions are kept apart from the derivatives: they are rejected as {@code unsupported-instrument}.
 */
public final class BitfinexLiquidationDecoder {
    private static final byte[] POS = Ascii.bytes("pos");

    private final InstrumentRegistry instruments;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public BitfinexLiquidationDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /** The side rule, in one place: AMOUNT is the liquidated position, signed; null for 0 or not a number. */
    static Side positionSide(double amount) {
        return amount > 0 ? Side.LONG : amount < 0 ? Side.SHORT : null;
    }

    /** Whether {@code rows} (the second element of a channel message) holds position rows. */
    static boolean isPositionRows(JsonTape t, int rows) {
        int first = t.firstElement(rows);
        return t.isArray(first) ? t.equalsBytes(t.firstElement(first), POS) : t.equalsBytes(first, POS);
    }

    public FrameKind decode(JsonTape t, int rows, long receiveMicros, MarketListener out) {
        if (!t.isArray(t.firstElement(rows))) {
            return row(t, rows, receiveMicros, out); // a single update, not wrapped in a list
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int r = t.firstElement(rows); r >= 0; r = t.nextElement(rows, r)) {
            FrameKind k = t.isArray(r) ? row(t, r, receiveMicros, out) : reject(out, Reject.WRONG_TYPE);
            kind = k == FrameKind.DATA || kind == FrameKind.DATA ? FrameKind.DATA : k == FrameKind.REJECTED ? k : kind;
        }
        return kind;
    }

    private FrameKind row(JsonTape t, int row, long receiveMicros, MarketListener out) {
        int[] at = fieldsOf(t, row);
        if (!t.equalsBytes(at[0], POS)) {
            return reject(out, Reject.UNKNOWN_MESSAGE);
        }
        FieldReader f = fields.reset();
        long isMatch = f.integer(t, at[8]);
        double ms = f.number(t, at[2]);
        double amount = f.number(t, at[5]);
        double price = f.number(t, at[11]);
        int symbol = at[4];
        if (!t.isString(symbol)) {
            f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        long exchangeMicros = (long) (ms * 1000);
        if (ms == ms && !Micros.isPlausible(exchangeMicros)) {
            f.fail(Reject.BAD_TIMESTAMP);
        }
        Side side = positionSide(amount);
        if (side == null && amount == amount) {
            f.fail(Reject.NON_POSITIVE_SIZE);
        }
        if (f.problem() != null) {
            return reject(out, f.problem());
        }
        if (isMatch != 0) {
            return FrameKind.IGNORED; // an execution of a liquidation already counted at its trigger
        }
        if (!BitfinexSymbols.isDerivative(t.buffer(), t.start(symbol), t.length(symbol))) {
            return reject(out, Reject.UNSUPPORTED_INSTRUMENT); // a margin position: not a derivative, kept apart
        }
        Instrument instrument = instruments.resolve(Venue.BITFINEX, t.buffer(), t.start(symbol), t.length(symbol),
                BitfinexSymbols.INSTANCE);
        return Emit.liquidation(event, instrument, side, Math.abs(amount), price, exchangeMicros, receiveMicros, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }

    /** The tokens of a row's first 12 fields (-1 where the row is shorter); reused, allocation-free. */
    private final int[] at = new int[12];

    private int[] fieldsOf(JsonTape t, int row) {
        java.util.Arrays.fill(at, -1);
        int i = 0;
        for (int e = t.firstElement(row); e >= 0 && i < at.length; e = t.nextElement(row, e)) {
            at[i++] = e;
        }
        return at;
    }

    private static FrameKind reject(MarketListener out, Reject reason) {
        out.onReject(reason);
        return FrameKind.REJECTED;
    }
}
