package dev.cascade.venues.bitmex;

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
import dev.cascade.venues.codec.IsoTime;
import dev.cascade.venues.codec.JsonTape;

/**
 * BitMEX {@code trade} table: one row per fill.
 *
 * <pre>
 * {"table":"trade","action":"insert",
 *  "data":[{"timestamp":"2025-06-05T14:00:00.120Z",   ISO time of the fill
 *           "symbol":"XBTUSD",
 *           "side":"Sell",                            TAKER side
 *           "size":1200,                              contracts
 *           "price":103010.5,
 *           "tickDirection":"MinusTick",
 *           "trdMatchID":"00000000-006d-1000-...",    a GUID: hashed to 64 bits, not sequential
 *           "grossValue":1164941,"homeNotional":0.0116,"foreignNotional":1200,
 *           "trdType":"Regular"}]}
 * </pre>
 * A {@code partial} replays the last trades at subscription; they are decoded too and the trade
 * deduplicator drops those already seen.
 */
public final class BitmexTradeDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] TIMESTAMP = Ascii.bytes("timestamp");
    private static final byte[] SYMBOL = Ascii.bytes("symbol");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] SIZE = Ascii.bytes("size");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] MATCH_ID = Ascii.bytes("trdMatchID");
    private static final byte[] BUY = Ascii.bytes("Buy");
    private static final byte[] SELL = Ascii.bytes("Sell");

    private final InstrumentRegistry instruments;
    private final Trade event = new Trade();
    private final FieldReader fields = new FieldReader();

    public BitmexTradeDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
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
            int id = t.member(d, MATCH_ID);
            int time = t.member(d, TIMESTAMP);
            double price = f.number(t, t.member(d, PRICE));
            double size = f.number(t, t.member(d, SIZE));
            int side = t.member(d, SIDE);
            TakerSide taker = t.equalsBytes(side, BUY) ? TakerSide.BUY : t.equalsBytes(side, SELL) ? TakerSide.SELL : null;
            if (taker == null) {
                f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(symbol) || !t.isString(id) || !t.isString(time)) {
                f.fail(symbol < 0 || id < 0 || time < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            long exchangeMicros = f.problem() == null ? IsoTime.micros(t.buffer(), t.start(time), t.end(time))
                    : IsoTime.INVALID;
            if (f.problem() == null && exchangeMicros == IsoTime.INVALID) {
                f.fail(Reject.BAD_TIMESTAMP);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            var instrument = instruments.resolve(Venue.BITMEX, t.buffer(), t.start(symbol), t.length(symbol),
                    InstrumentRegistry.METADATA_ONLY);
            long tradeId = Ascii.hash64(t.buffer(), t.start(id), t.end(id));
            boolean ok = Emit.trade(event, instrument, taker, size, price, tradeId, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
