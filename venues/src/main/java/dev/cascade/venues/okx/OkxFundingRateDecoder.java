package dev.cascade.venues.okx;

import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * OKX v5 funding ({@code funding-rate}, pushed every 30 to 90 s).
 *
 * <pre>
 * {"arg":{"channel":"funding-rate","instId":"BTC-USD-SWAP"},
 *  "data":[{"instId":"BTC-USD-SWAP","instType":"SWAP",
 *           "fundingRate":"0.0001875391284828",   current period's rate, a fraction
 *           "fundingTime":"1700726400000",        the upcoming settlement (ms)  &lt;- next funding time
 *           "nextFundingTime":"1700755200000",    the settlement after it
 *           "ts":"1700724675402", ...}]}          time (ms); absent in frames before 2023
 * </pre>
 * Without {@code ts} the receive time is the event time; with neither, the item is rejected.
 */
public final class OkxFundingRateDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] INST_ID = Ascii.bytes("instId");
    private static final byte[] FUNDING_RATE = Ascii.bytes("fundingRate");
    private static final byte[] FUNDING_TIME = Ascii.bytes("fundingTime");
    private static final byte[] TS = Ascii.bytes("ts");

    private final InstrumentRegistry instruments;
    private final FundingRate event = new FundingRate();
    private final FieldReader fields = new FieldReader();

    public OkxFundingRateDecoder(InstrumentRegistry instruments) {
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
            double rate = f.number(t, t.member(d, FUNDING_RATE));
            int ts = t.member(d, TS);
            long exchangeMicros = ts >= 0 || receiveMicros == FrameDecoder.NO_RECEIVE_TIME
                    ? f.millis(t, ts) : receiveMicros;
            long next = t.integer(t.member(d, FUNDING_TIME));
            Instrument instrument = null;
            if (!t.isString(instId)) {
                f.fail(instId < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            } else {
                instrument = instruments.resolve(Venue.OKX_SWAP, t.buffer(), t.start(instId), t.length(instId),
                        InstrumentRegistry.METADATA_ONLY);
                if (instrument == null) {
                    f.fail(OkxInstIds.isSwap(t, instId) ? Reject.UNKNOWN_INSTRUMENT : Reject.UNSUPPORTED_INSTRUMENT);
                }
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            long nextMicros = next > 0 ? Micros.ofMillis(next) : 0;
            if (Emit.fundingRate(event, instrument, rate, nextMicros, exchangeMicros, receiveMicros, out)) {
                kind = FrameKind.DATA;
            } else if (kind != FrameKind.DATA) {
                kind = FrameKind.REJECTED;
            }
        }
        return kind;
    }
}
