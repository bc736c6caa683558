package dev.cascade.venues.bitget;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Bitget UTA public {@code liquidation} topic (research/venues-next.md §7): once a second, per pair, the largest
 * long and the largest short liquidation of the previous second, so totals are floors (throttled).
 *
 * <pre>
 * {"data":[{"symbol":"BTCUSDT",
 *           "side":"buy",                  the liquidated POSITION's side: buy = a long
 *           "price":"89000",               computed, not on the tick grid
 *           "amount":"37.722858",          USDT value: coins = amount / price
 *           "ts":"1736371332162"}],        ms
 *  "arg":{"instType":"usdt-futures","topic":"liquidation"},"action":"update","ts":1736371332162}
 * </pre>
 */
public final class BitgetLiquidationDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] SYMBOL = Ascii.bytes("symbol");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] AMOUNT = Ascii.bytes("amount");
    private static final byte[] TS = Ascii.bytes("ts");
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");

    private final InstrumentRegistry instruments;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public BitgetLiquidationDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /** The side rule, in one place: Bitget publishes the liquidated position's side, so buy is a long. */
    static Side positionSide(JsonTape t, int side) {
        return t.equalsBytes(side, BUY) ? Side.LONG : t.equalsBytes(side, SELL) ? Side.SHORT : null;
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
            int symbol = t.member(d, SYMBOL);
            double price = f.number(t, t.member(d, PRICE));
            double amount = f.number(t, t.member(d, AMOUNT));
            long exchangeMicros = f.millis(t, t.member(d, TS));
            int sideToken = t.member(d, SIDE);
            Side side = positionSide(t, sideToken);
            if (side == null) {
                f.fail(sideToken < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(symbol)) {
                f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (price <= 0) {
                f.fail(Reject.NON_POSITIVE_PRICE); // before the amount is divided by it
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            Instrument instrument = instruments.resolve(Venue.BITGET_USDTM, t.buffer(), t.start(symbol), t.length(symbol),
                    BitgetSymbols.INSTANCE);
            boolean ok = Emit.liquidation(event, instrument, side, amount / price, price, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
