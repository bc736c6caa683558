package dev.cascade.venues.kraken;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Kraken Futures {@code trade} feed (research/venues-next.md §5): one message per fill, and a
 * {@code trade_snapshot} of recent fills on subscribing (the deduplicators drop those already seen).
 *
 * <pre>
 * {"feed":"trade","product_id":"PI_XRPUSD",
 *  "uid":"3ee209b8-bc9f-4ed5-965b-8c6208b26411",   trade id (a UUID: hashed to 64 bits)
 *  "side":"sell",                                  TAKER side
 *  "type":"liquidation",                           fill | liquidation | termination | block
 *  "seq":41799,"time":1593561965283,               ms
 *  "qty":12000,                                    PI_/FI_ inverse: USD; PF_ linear: coins
 *  "price":0.1736}
 * {"feed":"trade_snapshot","product_id":"PI_XBTUSD","trades":[{...same fields...}]}
 * </pre>
 * Every fill is a trade; a {@code liquidation} fill is also a liquidation ({@link #liquidatedSide}).
 */
public final class KrakenTradeDecoder {
    private static final byte[] TRADES = Ascii.bytes("trades");
    private static final byte[] PRODUCT_ID = Ascii.bytes("product_id");
    private static final byte[] UID = Ascii.bytes("uid");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] TYPE = Ascii.bytes("type");
    private static final byte[] TIME = Ascii.bytes("time");
    private static final byte[] QTY = Ascii.bytes("qty");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");
    private static final byte[] LIQUIDATION = Ascii.bytes("liquidation");

    private final InstrumentRegistry instruments;
    private final Trade trade = new Trade();
    private final Liquidation liquidation = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public KrakenTradeDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * The side rule, in one place: a liquidation fill's {@code side} is the taker's, and the liquidation order
     * is taken to be the taker (as Tardis maps it; Kraken states no rule), so a sell liquidates a long.
     */
    static Side liquidatedSide(TakerSide taker) {
        return taker == TakerSide.SELL ? Side.LONG : Side.SHORT;
    }

    /** One {@code trade} message, or each fill of a {@code trade_snapshot}. */
    public FrameKind decode(JsonTape t, int frame, boolean isSnapshot, long receiveMicros, MarketListener out) {
        if (!isSnapshot) {
            return fill(t, frame, t.member(frame, PRODUCT_ID), receiveMicros, out);
        }
        int trades = t.member(frame, TRADES);
        if (!t.isArray(trades)) {
            out.onReject(trades < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int d = t.firstElement(trades); d >= 0; d = t.nextElement(trades, d)) {
            int product = t.member(d, PRODUCT_ID);
            FrameKind k = fill(t, d, product >= 0 ? product : t.member(frame, PRODUCT_ID), receiveMicros, out);
            kind = k == FrameKind.DATA || kind == FrameKind.DATA ? FrameKind.DATA : k;
        }
        return kind;
    }

    private FrameKind fill(JsonTape t, int d, int product, long receiveMicros, MarketListener out) {
        FieldReader f = fields.reset();
        int uid = t.member(d, UID);
        long exchangeMicros = f.millis(t, t.member(d, TIME));
        double price = f.number(t, t.member(d, PRICE));
        double qty = f.number(t, t.member(d, QTY));
        int side = t.member(d, SIDE);
        TakerSide taker = t.equalsBytes(side, BUY) ? TakerSide.BUY : t.equalsBytes(side, SELL) ? TakerSide.SELL : null;
        if (taker == null) {
            f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
        }
        if (!t.isString(product) || !t.isString(uid)) {
            f.fail(product < 0 || uid < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        Instrument instrument = instruments.resolve(Venue.KRAKEN_FUTURES, t.buffer(), t.start(product), t.length(product),
                InstrumentRegistry.METADATA_ONLY);
        long id = Ascii.hash64(t.buffer(), t.start(uid), t.end(uid));
        if (!Emit.trade(trade, instrument, taker, qty, price, id, exchangeMicros, receiveMicros, out)) {
            return FrameKind.REJECTED;
        }
        if (t.equalsBytes(t.member(d, TYPE), LIQUIDATION)) {
            Emit.liquidation(liquidation, instrument, liquidatedSide(taker), qty, price, exchangeMicros, receiveMicros, out);
        }
        return FrameKind.DATA;
    }
}
