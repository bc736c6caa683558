package dev.cascade.venues.okx;

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
 * OKX v5 trades ({@code trades}: one update per taker order and price, {@code count} fills aggregated;
 * {@code trades-all}: one per fill).
 *
 * <pre>
 * {"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},
 *  "data":[{"instId":"BTC-USDT-SWAP",
 *           "tradeId":"130639474",   last trade id of the aggregation
 *           "px":"42219.9",
 *           "sz":"5",                CONTRACTS for swaps: x ctVal
 *           "side":"buy",            TAKER side
 *           "ts":"1630048897897",    time (ms, a string)
 *           "count":"3"}]}              fills aggregated: the event covers ids tradeId-count+1..tradeId
 * </pre>
 * The REST {@code /api/v5/market/history-trades} page, {@code {"code":"0","msg":"","data":[...]}}, has the same
 * rows without {@code count} (one fill each, newest first): gap backfills are decoded here too.
 */
public final class OkxTradeDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] INST_ID = Ascii.bytes("instId");
    private static final byte[] TRADE_ID = Ascii.bytes("tradeId");
    private static final byte[] PRICE = Ascii.bytes("px");
    private static final byte[] SIZE = Ascii.bytes("sz");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] TS = Ascii.bytes("ts");
    private static final byte[] COUNT = Ascii.bytes("count");
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");

    private final InstrumentRegistry instruments;
    private final Trade event = new Trade();
    private final FieldReader fields = new FieldReader();

    public OkxTradeDecoder(InstrumentRegistry instruments) {
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
            int instId = t.member(d, INST_ID);
            double price = f.number(t, t.member(d, PRICE));
            double size = f.number(t, t.member(d, SIZE));
            long id = f.integer(t, t.member(d, TRADE_ID));
            long exchangeMicros = f.millis(t, t.member(d, TS));
            int side = t.member(d, SIDE);
            TakerSide taker = null;
            if (t.equalsBytes(side, BUY)) {
                taker = TakerSide.BUY;
            } else if (t.equalsBytes(side, SELL)) {
                taker = TakerSide.SELL;
            } else {
                f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
            }
            if (!t.isString(instId)) {
                f.fail(instId < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            var instrument = instruments.resolve(Venue.OKX_SWAP, t.buffer(), t.start(instId), t.length(instId),
                    InstrumentRegistry.METADATA_ONLY);
            if (instrument == null && !OkxInstIds.isSwap(t, instId)) { // spot, FUTURES, OPTION: not this venue
                out.onReject(Reject.UNSUPPORTED_INSTRUMENT);
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            long count = t.integer(t.member(d, COUNT)); // absent on trades-all: one fill per event
            long firstId = count > 1 ? id - count + 1 : id;
            boolean ok = Emit.trade(event, instrument, taker, size, price, id, firstId, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
