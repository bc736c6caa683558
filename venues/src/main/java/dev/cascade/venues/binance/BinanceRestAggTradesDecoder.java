package dev.cascade.venues.binance;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.JsonTape;

/**
 * Binance REST {@code /fapi/v1/aggTrades} and {@code /dapi/v1/aggTrades} pages, fetched to fill a gap in
 * the aggTrade stream. Each object is the stream's aggTrade without event type or symbol (the symbol is the
 * query's), so the stream decoder reads it, for the query's instrument:
 *
 * <pre>
 * [{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,"T":1498793709153,"m":true}, ...]
 * </pre>
 */
public final class BinanceRestAggTradesDecoder {
    private final BinanceAggTradeDecoder aggTrades;

    public BinanceRestAggTradesDecoder(InstrumentRegistry instruments) {
        this.aggTrades = new BinanceAggTradeDecoder(instruments, Venue.BINANCE_USDM);
    }

    /** Decodes a page for {@code instrument}; a null instrument rejects every trade as unknown. */
    public FrameKind decode(JsonTape t, int array, Instrument instrument, long receiveMicros, MarketListener out) {
        if (!t.isArray(array)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int e = t.firstElement(array); e >= 0; e = t.nextElement(array, e)) {
            FrameKind item;
            if (instrument == null || !t.isObject(e)) {
                out.onReject(instrument == null ? Reject.UNKNOWN_INSTRUMENT : Reject.WRONG_TYPE);
                item = FrameKind.REJECTED;
            } else {
                item = aggTrades.decode(t, e, instrument, receiveMicros, out);
            }
            kind = kind == FrameKind.DATA || item == FrameKind.DATA ? FrameKind.DATA : item;
        }
        return kind;
    }
}
