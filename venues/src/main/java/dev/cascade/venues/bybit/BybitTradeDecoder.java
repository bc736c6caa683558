package dev.cascade.venues.bybit;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Bybit v5 public trades ({@code publicTrade.{symbol}}; up to 1024 trades per message).
 *
 * <pre>
 * {"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1672304486868,
 *  "data":[{"T":1672304486865,    fill time (ms)
 *           "s":"BTCUSDT",
 *           "S":"Buy",            TAKER side
 *           "v":"0.001",          size: coins on linear, USD on inverse
 *           "p":"16578.50",
 *           "L":"PlusTick",
 *           "i":"20f43950-d8dd-5b31-9112-a178eb6023af",   trade id (a UUID: hashed to 64 bits)
 *           "BT":false,"seq":1783284617}]}
 * </pre>
 */
public final class BybitTradeDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] BUY = Ascii.bytes("Buy");
    private static final byte[] SELL = Ascii.bytes("Sell");

    private final InstrumentRegistry instruments;
    private final Venue venue;
    private final Trade event = new Trade();
    private final FieldReader fields = new FieldReader();

    public BybitTradeDecoder(InstrumentRegistry instruments, Venue venue) {
        this.instruments = instruments;
        this.venue = venue;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int data = t.member(frame, DATA);
        if (!t.isArray(data)) {
            out.onReject(data < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        byte[] b = t.buffer();
        for (int e = t.firstElement(data); e >= 0; e = t.nextElement(data, e)) {
            int symbol = -1;
            int side = -1;
            int size = -1;
            int price = -1;
            int time = -1;
            int id = -1;
            if (t.isObject(e)) {
                for (int k = t.firstKey(e); k >= 0; k = t.nextKey(e, k)) {
                    if (t.length(k) != 1) {
                        continue;
                    }
                    switch (b[t.start(k)]) {
                        case 's' -> symbol = k + 1;
                        case 'S' -> side = k + 1;
                        case 'v' -> size = k + 1;
                        case 'p' -> price = k + 1;
                        case 'T' -> time = k + 1;
                        case 'i' -> id = k + 1;
                        default -> { }
                    }
                }
            }
            FieldReader f = fields.reset();
            double v = f.number(t, size);
            double p = f.number(t, price);
            long exchangeMicros = f.millis(t, time);
            TakerSide taker = null;
            if (t.equalsBytes(side, BUY)) {
                taker = TakerSide.BUY;
            } else if (t.equalsBytes(side, SELL)) {
                taker = TakerSide.SELL;
            } else {
                f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(symbol) || !t.isString(id)) {
                f.fail(symbol < 0 || id < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            long tradeId = Ascii.hash64(b, t.start(id), t.end(id));
            var instrument = instruments.resolve(venue, b, t.start(symbol), t.length(symbol), BybitSymbols.INSTANCE);
            boolean ok = Emit.trade(event, instrument, taker, v, p, tradeId, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
