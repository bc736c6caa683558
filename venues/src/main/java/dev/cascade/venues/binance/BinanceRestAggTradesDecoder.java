package dev.cascade.venues.binance;

import dev.cascade.model.Instrument;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.JsonTape;

/**
 * Binance REST {@code /fapi/v1/aggTrades} and {@code /dapi/v1/aggTrades} pages, fetched to fill a gap in
 * the aggTrade stream. The objects are the stream's without event type or symbol (the symbol is the query's):
 *
 * <pre>
 * [{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,"T":1498793709153,"m":true}, ...]
 * </pre>
 */
public final class BinanceRestAggTradesDecoder {
    private final Trade event = new Trade();
    private final FieldReader fields = new FieldReader();

    /** Decodes a page for {@code instrument}; a null instrument rejects every trade as unknown. */
    public FrameKind decode(JsonTape t, int array, Instrument instrument, long receiveMicros, MarketListener out) {
        if (!t.isArray(array)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        byte[] b = t.buffer();
        for (int e = t.firstElement(array); e >= 0; e = t.nextElement(array, e)) {
            int id = -1;
            int price = -1;
            int quantity = -1;
            int time = -1;
            int maker = -1;
            if (t.isObject(e)) {
                for (int k = t.firstKey(e); k >= 0; k = t.nextKey(e, k)) {
                    if (t.length(k) == 1) {
                        switch (b[t.start(k)]) {
                            case 'a' -> id = k + 1;
                            case 'p' -> price = k + 1;
                            case 'q' -> quantity = k + 1;
                            case 'T' -> time = k + 1;
                            case 'm' -> maker = k + 1;
                            default -> { }
                        }
                    }
                }
            }
            FieldReader f = fields.reset();
            double p = f.number(t, price);
            double q = f.number(t, quantity);
            long tradeId = f.integer(t, id);
            long exchangeMicros = f.millis(t, time);
            if (maker < 0 || (t.kind(maker) != JsonTape.TRUE && t.kind(maker) != JsonTape.FALSE)) {
                f.fail(maker < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            TakerSide side = t.kind(maker) == JsonTape.TRUE ? TakerSide.SELL : TakerSide.BUY;
            boolean ok = Emit.trade(event, instrument, side, q, p, tradeId, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
