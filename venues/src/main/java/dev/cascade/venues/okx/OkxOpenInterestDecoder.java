package dev.cascade.venues.okx;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
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
 * OKX v5 open interest ({@code open-interest}, every 3 s when it changes).
 *
 * <pre>
 * {"arg":{"channel":"open-interest","instId":"BTC-USDT-SWAP"},
 *  "data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP",
 *           "oi":"2216113.01",       contracts
 *           "oiCcy":"22161.13",      coins
 *           "oiUsd":"1939251795.5",  USD (absent before 2023)
 *           "ts":"1743041250440"}]}
 * </pre>
 * Without {@code oiUsd} the USD value is known for inverse swaps (contracts x ctVal) and NaN for linear ones.
 */
public final class OkxOpenInterestDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] INST_ID = Ascii.bytes("instId");
    private static final byte[] OI = Ascii.bytes("oi");
    private static final byte[] OI_USD = Ascii.bytes("oiUsd");
    private static final byte[] TS = Ascii.bytes("ts");

    private final InstrumentRegistry instruments;
    private final OpenInterest event = new OpenInterest();
    private final FieldReader fields = new FieldReader();

    public OkxOpenInterestDecoder(InstrumentRegistry instruments) {
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
            double contracts = f.number(t, t.member(d, OI));
            long exchangeMicros = f.millis(t, t.member(d, TS));
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
            int oiUsd = t.member(d, OI_USD);
            double usd = oiUsd >= 0 && t.length(oiUsd) > 0 ? f.number(t, oiUsd) : Double.NaN;
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            if (Double.isNaN(usd)) {
                usd = instrument.notionalUsd(contracts, Double.NaN);
            }
            if (Emit.openInterest(event, instrument, contracts, usd, exchangeMicros, receiveMicros, out)) {
                kind = FrameKind.DATA;
            } else if (kind != FrameKind.DATA) {
                kind = FrameKind.REJECTED;
            }
        }
        return kind;
    }
}
