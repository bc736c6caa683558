package dev.cascade.venues.bitmex;

import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.IsoTime;
import dev.cascade.venues.codec.JsonTape;

/**
 * BitMEX {@code instrument} table: mark price, funding and open interest of each instrument. The partial has
 * every field; an update only those that changed, so each event is emitted when its field is present.
 *
 * <pre>
 * {"table":"instrument","action":"update",
 *  "data":[{"symbol":"XBTUSD",
 *           "markPrice":103012.37,                    USD
 *           "fundingRate":0.0001,                     per funding interval (8 h)
 *           "fundingTimestamp":"2025-06-05T20:00:00.000Z",
 *           "openInterest":512345678,                 contracts
 *           "timestamp":"2025-06-05T14:00:00.120Z"}]}
 * </pre>
 */
public final class BitmexInstrumentDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] SYMBOL = Ascii.bytes("symbol");
    private static final byte[] TIMESTAMP = Ascii.bytes("timestamp");
    private static final byte[] MARK_PRICE = Ascii.bytes("markPrice");
    private static final byte[] FUNDING_RATE = Ascii.bytes("fundingRate");
    private static final byte[] FUNDING_TIMESTAMP = Ascii.bytes("fundingTimestamp");
    private static final byte[] OPEN_INTEREST = Ascii.bytes("openInterest");

    private final InstrumentRegistry instruments;
    private final MarkPrice mark = new MarkPrice();
    private final FundingRate funding = new FundingRate();
    private final OpenInterest openInterest = new OpenInterest();

    public BitmexInstrumentDecoder(InstrumentRegistry instruments) {
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
            int symbol = t.member(d, SYMBOL);
            int time = t.member(d, TIMESTAMP);
            if (!t.isString(symbol) || !t.isString(time)) {
                out.onReject(symbol < 0 || time < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            long micros = IsoTime.micros(t.buffer(), t.start(time), t.end(time));
            Instrument instrument = instruments.resolve(Venue.BITMEX, t.buffer(), t.start(symbol), t.length(symbol),
                    InstrumentRegistry.METADATA_ONLY);
            if (micros == IsoTime.INVALID || instrument == null) {
                out.onReject(instrument == null ? Reject.UNKNOWN_INSTRUMENT : Reject.BAD_TIMESTAMP);
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            boolean ok = false;
            int m = t.member(d, MARK_PRICE);
            if (m >= 0) {
                ok |= Emit.markPrice(mark, instrument, t.number(m), Double.NaN, micros, receiveMicros, out);
            }
            int rate = t.member(d, FUNDING_RATE);
            if (rate >= 0) {
                int next = t.member(d, FUNDING_TIMESTAMP);
                long nextMicros = t.isString(next) ? IsoTime.micros(t.buffer(), t.start(next), t.end(next)) : 0;
                ok |= Emit.fundingRate(funding, instrument, t.number(rate), nextMicros, micros, receiveMicros, out);
            }
            int oi = t.member(d, OPEN_INTEREST);
            if (oi >= 0) {
                ok |= Emit.openInterest(openInterest, instrument, t.number(oi), Double.NaN, micros, receiveMicros, out);
            }
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : kind;
        }
        return kind;
    }
}
