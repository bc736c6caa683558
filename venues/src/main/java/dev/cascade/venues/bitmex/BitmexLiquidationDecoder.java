package dev.cascade.venues.bitmex;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * BitMEX {@code liquidation} table (research/venues-next.md §1): the liquidation ORDERS the engine rests.
 *
 * <pre>
 * {"table":"liquidation","action":"insert",     partial | insert | update | delete: only insert is counted
 *  "data":[{"orderID":"dd9cea25-207c-...",
 *           "symbol":"XBTUSD",
 *           "side":"Buy",                         the liquidation ORDER's side: Buy = a SHORT was liquidated
 *           "price":10106,                        the order's price (a number)
 *           "leavesQty":9214}]}                   contracts not yet filled when inserted
 * </pre>
 * The table has no time: the event takes the receive time. An order is counted once, when it is inserted,
 * with its quantity then; {@code update} only lowers {@code leavesQty} as it fills and {@code delete} removes
 * it. A {@code partial} lists the orders resting when the subscription starts, which a connection before a
 * reconnect may already have counted, so it is not counted.
 */
public final class BitmexLiquidationDecoder {
    private static final byte[] ACTION = Ascii.bytes("action");
    private static final byte[] INSERT = Ascii.bytes("insert");
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] SYMBOL = Ascii.bytes("symbol");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] LEAVES_QTY = Ascii.bytes("leavesQty");
    private static final byte[] BUY = Ascii.bytes("Buy");
    private static final byte[] SELL = Ascii.bytes("Sell");

    private final InstrumentRegistry instruments;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public BitmexLiquidationDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * The side rule, in one place: BitMEX publishes the liquidation order's side, which closes the position,
     * so a Sell order liquidates a long and a Buy order a short; null for anything else.
     */
    static Side positionSide(JsonTape t, int side) {
        return t.equalsBytes(side, SELL) ? Side.LONG : t.equalsBytes(side, BUY) ? Side.SHORT : null;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (!t.equalsBytes(t.member(frame, ACTION), INSERT)) {
            return FrameKind.IGNORED;
        }
        int data = t.member(frame, DATA);
        if (!t.isArray(data)) {
            out.onReject(data < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        if (receiveMicros == FrameDecoder.NO_RECEIVE_TIME) {
            out.onReject(Reject.BAD_TIMESTAMP); // the table has no time of its own
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int d = t.firstElement(data); d >= 0; d = t.nextElement(data, d)) {
            FieldReader f = fields.reset();
            int symbol = t.member(d, SYMBOL);
            double price = f.number(t, t.member(d, PRICE));
            double quantity = f.number(t, t.member(d, LEAVES_QTY));
            int sideToken = t.member(d, SIDE);
            Side side = positionSide(t, sideToken);
            if (side == null) {
                f.fail(sideToken < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(symbol)) {
                f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            var instrument = instruments.resolve(Venue.BITMEX, t.buffer(), t.start(symbol), t.length(symbol),
                    InstrumentRegistry.METADATA_ONLY);
            boolean ok = Emit.liquidation(event, instrument, side, quantity, price, receiveMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
