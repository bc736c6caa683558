package dev.cascade.venues.binance;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.JsonTape;

/**
 * Binance USDⓈ-M and COIN-M aggregate trades ({@code <symbol>@aggTrade}).
 *
 * <pre>
 * {"e":"aggTrade","E":123456789,
 *  "a":5933014,      aggregate trade id   &lt;- the trade id (consecutive per symbol; 2019 frames lack it: "f")
 *  "s":"BTCUSDT",
 *  "p":"0.001",      price
 *  "q":"100",        quantity: coins on USDⓈ-M, contracts on COIN-M  ("nq" = without RPI orders, ignored)
 *  "f":100,"l":105,  first and last trade id
 *  "T":123456785,    trade time (ms)
 *  "m":true}         is the buyer the maker? true: the taker SOLD
 * </pre>
 */
public final class BinanceAggTradeDecoder {
    private final InstrumentRegistry instruments;
    private final Venue venue;
    private final Trade event = new Trade();
    private final FieldReader fields = new FieldReader();

    public BinanceAggTradeDecoder(InstrumentRegistry instruments, Venue venue) {
        this.instruments = instruments;
        this.venue = venue;
    }

    public FrameKind decode(JsonTape t, int payload, long receiveMicros, MarketListener out) {
        return decode(t, payload, null, receiveMicros, out);
    }

    /**
     * Decodes one aggTrade object; {@code instrument}, when given, is the trade's (REST pages carry no
     * symbol), else the symbol field is looked up.
     */
    FrameKind decode(JsonTape t, int payload, Instrument instrument, long receiveMicros, MarketListener out) {
        int symbol = -1;
        int id = -1;
        int firstId = -1;
        int price = -1;
        int quantity = -1;
        int time = -1;
        int maker = -1;
        byte[] b = t.buffer();
        for (int k = t.firstKey(payload); k >= 0; k = t.nextKey(payload, k)) {
            if (t.length(k) != 1) {
                continue;
            }
            switch (b[t.start(k)]) {
                case 's' -> symbol = k + 1;
                case 'a' -> id = k + 1;
                case 'f' -> firstId = k + 1;
                case 'p' -> price = k + 1;
                case 'q' -> quantity = k + 1;
                case 'T' -> time = k + 1;
                case 'm' -> maker = k + 1;
                default -> { }
            }
        }
        FieldReader f = fields.reset();
        double p = f.number(t, price);
        double q = f.number(t, quantity);
        long tradeId = f.integer(t, id >= 0 ? id : firstId);
        long exchangeMicros = f.millis(t, time);
        TakerSide side = null;
        if (maker >= 0 && t.kind(maker) == JsonTape.TRUE) {
            side = TakerSide.SELL;
        } else if (maker >= 0 && t.kind(maker) == JsonTape.FALSE) {
            side = TakerSide.BUY;
        } else {
            f.fail(maker < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        if (instrument == null && !t.isString(symbol)) {
            f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        if (instrument == null) {
            instrument = instruments.resolve(venue, b, t.start(symbol), t.length(symbol), BinanceSymbols.INSTANCE);
        }
        return Emit.trade(event, instrument, side, q, p, tradeId, exchangeMicros, receiveMicros, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
