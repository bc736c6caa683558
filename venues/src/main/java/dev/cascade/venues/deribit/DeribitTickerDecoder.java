package dev.cascade.venues.deribit;

import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Deribit {@code ticker.INSTRUMENT.100ms}: mark and index price, funding and open interest of a perpetual.
 *
 * <pre>
 * {"jsonrpc":"2.0","method":"subscription",
 *  "params":{"channel":"ticker.BTC-PERPETUAL.100ms",
 *            "data":{"timestamp":1749132000120,"instrument_name":"BTC-PERPETUAL",
 *                    "mark_price":103012.37,"index_price":103001.5,
 *                    "funding_8h":0.0001,                 the rate over 8 h; funding is paid continuously
 *                    "current_funding":0.00001,
 *                    "open_interest":512345678, ...}}}     in amount units: USD for inverse, coins for linear
 * </pre>
 */
public final class DeribitTickerDecoder {
    private static final byte[] PARAMS = Ascii.bytes("params");
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] INSTRUMENT = Ascii.bytes("instrument_name");
    private static final byte[] TIMESTAMP = Ascii.bytes("timestamp");
    private static final byte[] MARK_PRICE = Ascii.bytes("mark_price");
    private static final byte[] INDEX_PRICE = Ascii.bytes("index_price");
    private static final byte[] FUNDING_8H = Ascii.bytes("funding_8h");
    private static final byte[] OPEN_INTEREST = Ascii.bytes("open_interest");

    private final InstrumentRegistry instruments;
    private final MarkPrice mark = new MarkPrice();
    private final FundingRate funding = new FundingRate();
    private final OpenInterest openInterest = new OpenInterest();
    private final FieldReader fields = new FieldReader();

    public DeribitTickerDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int d = t.member(t.member(frame, PARAMS), DATA);
        FieldReader f = fields.reset();
        int name = t.member(d, INSTRUMENT);
        long micros = f.millis(t, t.member(d, TIMESTAMP));
        if (!t.isObject(d) || !t.isString(name)) {
            f.fail(d < 0 || name < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        Instrument instrument = instruments.resolve(Venue.DERIBIT, t.buffer(), t.start(name), t.length(name),
                DeribitSymbols.INSTANCE);
        if (instrument == null) {
            out.onReject(Reject.UNKNOWN_INSTRUMENT);
            return FrameKind.REJECTED;
        }
        boolean ok = Emit.markPrice(mark, instrument, t.number(t.member(d, MARK_PRICE)), t.number(t.member(d, INDEX_PRICE)),
                micros, receiveMicros, out);
        int rate = t.member(d, FUNDING_8H);
        if (rate >= 0) {
            ok |= Emit.fundingRate(funding, instrument, t.number(rate), 0, micros, receiveMicros, out);
        }
        int oi = t.member(d, OPEN_INTEREST);
        if (oi >= 0) {
            ok |= Emit.openInterest(openInterest, instrument, t.number(oi), Double.NaN, micros, receiveMicros, out);
        }
        return ok ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
