package dev.cascade.venues.dydx;

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
import dev.cascade.venues.codec.IsoTime;
import dev.cascade.venues.codec.JsonTape;

/**
 * dYdX v4 indexer {@code v4_trades} (research/venues-next.md §6). The market is the message's {@code id}; the
 * trades are under {@code contents.trades}, or in each element of {@code contents} when batched.
 *
 * <pre>
 * {"type":"channel_data","connection_id":"3a2e...","message_id":424,"id":"BTC-USD","channel":"v4_trades",
 *  "version":"2.1.0",
 *  "contents":{"trades":[{"id":"014f495a0000000200000005",   hex, not sequential: hashed to 64 bits
 *                         "side":"SELL",                     TAKER side
 *                         "size":"3.9",                      coins
 *                         "price":"22.87",                   USD
 *                         "type":"LIQUIDATED",               LIMIT | LIQUIDATED | DELEVERAGED
 *                         "createdAt":"2024-08-04T07:34:50.628Z"}]}}
 * {"type":"channel_batch_data", ..., "contents":[{"trades":[...]}, {"trades":[...]}]}
 * {"type":"subscribed", ..., "contents":{"trades":[...]}}     the snapshot: recent trades, deduplicated downstream
 * </pre>
 * Every trade is a trade; a {@code LIQUIDATED} one is also a liquidation ({@link #liquidatedSide}).
 * {@code DELEVERAGED} trades are auto-deleveraging offsets of a liquidation, not liquidations themselves, so they
 * stay trades only.
 */
public final class DydxTradeDecoder {
    private static final byte[] ID = Ascii.bytes("id");
    private static final byte[] CONTENTS = Ascii.bytes("contents");
    private static final byte[] TRADES = Ascii.bytes("trades");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] SIZE = Ascii.bytes("size");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] TYPE = Ascii.bytes("type");
    private static final byte[] CREATED_AT = Ascii.bytes("createdAt");
    private static final byte[] BUY = Ascii.bytes("BUY");
    private static final byte[] SELL = Ascii.bytes("SELL");
    private static final byte[] LIQUIDATED = Ascii.bytes("LIQUIDATED");

    private final InstrumentRegistry instruments;
    private final Trade trade = new Trade();
    private final Liquidation liquidation = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public DydxTradeDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * The side rule, in one place: the indexer stores a liquidation as the TAKER order of its fill (proto
     * {@code LiquidationOrderV1}: {@code is_buy} when liquidating a short), so a taker SELL liquidates a long.
     */
    static Side liquidatedSide(TakerSide taker) {
        return taker == TakerSide.SELL ? Side.LONG : Side.SHORT;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int market = t.member(frame, ID);
        int contents = t.member(frame, CONTENTS);
        if (!t.isString(market) || !(t.isObject(contents) || t.isArray(contents))) {
            out.onReject(market < 0 || contents < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        Instrument instrument = instruments.resolve(Venue.DYDX, t.buffer(), t.start(market), t.length(market),
                InstrumentRegistry.METADATA_ONLY);
        if (t.isObject(contents)) {
            return trades(t, t.member(contents, TRADES), instrument, receiveMicros, out);
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int c = t.firstElement(contents); c >= 0; c = t.nextElement(contents, c)) {
            FrameKind k = trades(t, t.member(c, TRADES), instrument, receiveMicros, out);
            kind = k == FrameKind.DATA || kind == FrameKind.DATA ? FrameKind.DATA : k;
        }
        return kind;
    }

    private FrameKind trades(JsonTape t, int trades, Instrument instrument, long receiveMicros, MarketListener out) {
        if (!t.isArray(trades)) {
            out.onReject(trades < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int d = t.firstElement(trades); d >= 0; d = t.nextElement(trades, d)) {
            FieldReader f = fields.reset();
            int id = t.member(d, ID);
            int time = t.member(d, CREATED_AT);
            double price = f.number(t, t.member(d, PRICE));
            double size = f.number(t, t.member(d, SIZE));
            int side = t.member(d, SIDE);
            TakerSide taker = t.equalsBytes(side, BUY) ? TakerSide.BUY : t.equalsBytes(side, SELL) ? TakerSide.SELL : null;
            if (taker == null) {
                f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(id) || !t.isString(time)) {
                f.fail(id < 0 || time < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            long exchangeMicros = f.problem() == null ? IsoTime.micros(t.buffer(), t.start(time), t.end(time)) : IsoTime.INVALID;
            if (f.problem() == null && exchangeMicros == IsoTime.INVALID) {
                f.fail(Reject.BAD_TIMESTAMP);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            long tradeId = Ascii.hash64(t.buffer(), t.start(id), t.end(id));
            boolean ok = Emit.trade(trade, instrument, taker, size, price, tradeId, exchangeMicros, receiveMicros, out);
            if (ok && t.equalsBytes(t.member(d, TYPE), LIQUIDATED)) {
                Emit.liquidation(liquidation, instrument, liquidatedSide(taker), size, price, exchangeMicros, receiveMicros, out);
            }
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
