package dev.cascade.venues.htx;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * HTX {@code public.$contract_code.liquidation_orders} on the swap notification hosts (research/venues-next.md §3),
 * once the feed has inflated the gzip frame. Every liquidation is pushed (not documented as sampled).
 *
 * <pre>
 * {"op":"notify","topic":"public.BTC-USDT.liquidation_orders","ts":1608226502344,
 *  "data":[{"symbol":"BTC","contract_code":"BTC-USDT",   -USDT: htx-linear; -USD: htx-inverse
 *           "direction":"sell",                          the liquidation ORDER's side: sell = a long liquidated
 *           "offset":"close",
 *           "volume":227.0,                              contracts: linear x contract_size coins, inverse x contract_size USD
 *           "price":23350.5,                             bankruptcy price
 *           "created_at":1608226502284,                  ms
 *           "amount":0.227,"trade_turnover":5300.5635}]} coins and USDT (USDT-M only, newer frames): equal to
 *                                                        volume x contract_size and x price, so not read
 * </pre>
 */
public final class HtxLiquidationDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] CONTRACT_CODE = Ascii.bytes("contract_code");
    private static final byte[] DIRECTION = Ascii.bytes("direction");
    private static final byte[] VOLUME = Ascii.bytes("volume");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] CREATED_AT = Ascii.bytes("created_at");
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");

    private final InstrumentRegistry instruments;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public HtxLiquidationDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * The side rule, in one place: {@code direction} is the liquidation order's side (the REST list of "liquidated
     * long positions" shows {@code direction: sell}; the WS field table's "Long or short" label is misleading).
     */
    static Side liquidatedSide(JsonTape t, int direction) {
        return t.equalsBytes(direction, SELL) ? Side.LONG : t.equalsBytes(direction, BUY) ? Side.SHORT : null;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int data = t.member(frame, DATA);
        if (!t.isArray(data)) {
            out.onReject(data < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int d = t.firstElement(data); d >= 0; d = t.nextElement(data, d)) {
            FieldReader f = fields.reset();
            int code = t.member(d, CONTRACT_CODE);
            double volume = f.number(t, t.member(d, VOLUME));
            double price = f.number(t, t.member(d, PRICE));
            long exchangeMicros = f.millis(t, t.member(d, CREATED_AT));
            int directionToken = t.member(d, DIRECTION);
            Side side = liquidatedSide(t, directionToken);
            if (side == null) {
                f.fail(directionToken < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(code)) {
                f.fail(code < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            Instrument instrument = instruments.resolve(HtxSymbols.venueOf(t.buffer(), t.start(code), t.length(code)),
                    t.buffer(), t.start(code), t.length(code), HtxSymbols.INSTANCE);
            boolean ok = Emit.liquidation(event, instrument, side, volume, price, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
