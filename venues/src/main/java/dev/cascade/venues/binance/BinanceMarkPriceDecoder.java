package dev.cascade.venues.binance;

import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Binance mark price and funding ({@code <symbol>@markPrice[@1s]}; {@code !markPrice@arr} sends a JSON array
 * of these, which the frame decoder unrolls).
 *
 * <pre>
 * {"e":"markPriceUpdate",
 *  "E":1562305380000,      event time (ms)       &lt;- the event time
 *  "s":"BTCUSDT",
 *  "p":"11794.15000000",   mark price
 *  "i":"11784.62659091",   index price (absent in 2019 frames)
 *  "P":"11784.25641265",   estimated settle price (ignored)
 *  "r":"0.00038167",       funding rate, a fraction per interval; "" for COIN-M delivery contracts
 *  "T":1562306400000}      next funding time (ms); 0 for delivery contracts
 * </pre>
 * Live frames add "ap" and "st", which are tolerated.
 */
public final class BinanceMarkPriceDecoder {
    private final InstrumentRegistry instruments;
    private final Venue venue;
    private final MarkPrice mark = new MarkPrice();
    private final FundingRate funding = new FundingRate();
    private final FieldReader fields = new FieldReader();

    public BinanceMarkPriceDecoder(InstrumentRegistry instruments, Venue venue) {
        this.instruments = instruments;
        this.venue = venue;
    }

    public FrameKind decode(JsonTape t, int payload, long receiveMicros, MarketListener out) {
        int symbol = -1;
        int markPrice = -1;
        int indexPrice = -1;
        int rate = -1;
        int nextFunding = -1;
        int time = -1;
        byte[] b = t.buffer();
        for (int k = t.firstKey(payload); k >= 0; k = t.nextKey(payload, k)) {
            if (t.length(k) != 1) {
                continue;
            }
            switch (b[t.start(k)]) {
                case 's' -> symbol = k + 1;
                case 'p' -> markPrice = k + 1;
                case 'i' -> indexPrice = k + 1;
                case 'r' -> rate = k + 1;
                case 'T' -> nextFunding = k + 1;
                case 'E' -> time = k + 1;
                default -> { }
            }
        }
        FieldReader f = fields.reset();
        double p = f.number(t, markPrice);
        long exchangeMicros = f.millis(t, time);
        if (!t.isString(symbol)) {
            f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        Instrument instrument = f.problem() == null
                ? instruments.resolve(venue, b, t.start(symbol), t.length(symbol), BinanceSymbols.INSTANCE) : null;
        if (f.problem() == null && instrument == null) {
            f.fail(Reject.UNKNOWN_INSTRUMENT);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        double index = indexPrice >= 0 ? t.number(indexPrice) : Double.NaN;
        if (!Emit.markPrice(mark, instrument, p, index, exchangeMicros, receiveMicros, out)) {
            return FrameKind.REJECTED;
        }
        if (rate >= 0 && t.length(rate) > 0) {
            long next = t.integer(nextFunding);
            long nextMicros = next == Ascii.NOT_A_LONG || next <= 0 ? 0 : Micros.ofMillis(next);
            Emit.fundingRate(funding, instrument, t.number(rate), nextMicros, exchangeMicros, receiveMicros, out);
        }
        return FrameKind.DATA;
    }
}
