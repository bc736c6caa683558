package dev.cascade.venues.bybit;

import dev.cascade.model.Checks;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;
import java.util.Arrays;

/**
 * Bybit v5 tickers ({@code tickers.{symbol}}): a snapshot, then deltas that carry only the fields that
 * changed ("If a response param is not found in the message, then its value has not changed"), so this
 * decoder keeps each instrument's last values and emits mark price, funding and open interest whenever a
 * message touches them.
 *
 * <pre>
 * {"topic":"tickers.BTCUSDT","type":"snapshot",          or "delta"
 *  "data":{"symbol":"BTCUSDT",
 *          "markPrice":"17217.33","indexPrice":"17227.36",
 *          "openInterest":"68744.761",            BOTH sides (Bybit docs): coins on linear, USD on inverse
 *          "openInterestValue":"1183601235.91",   both sides, USD
 *          "singleOpenInterest":"...", "singleOpenInterestValue":"...",   one side (since 2026-06)
 *          "fundingRate":"-0.000212","nextFundingTime":"1673280000000", ...},
 *  "cs":24987956059,"ts":1673272861686}          ts (ms) &lt;- the event time
 * </pre>
 * Open interest is normalized to one side like every other venue: the single-side fields when present,
 * otherwise half of the documented both-sides figures.
 */
public final class BybitTickerDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] TS = Ascii.bytes("ts");
    private static final byte[] TYPE = Ascii.bytes("type");
    private static final byte[] SNAPSHOT = Ascii.bytes("snapshot");
    private static final byte[] SYMBOL = Ascii.bytes("symbol");
    private static final byte[] MARK_PRICE = Ascii.bytes("markPrice");
    private static final byte[] INDEX_PRICE = Ascii.bytes("indexPrice");
    private static final byte[] FUNDING_RATE = Ascii.bytes("fundingRate");
    private static final byte[] NEXT_FUNDING = Ascii.bytes("nextFundingTime");
    private static final byte[] OPEN_INTEREST = Ascii.bytes("openInterest");
    private static final byte[] OPEN_INTEREST_VALUE = Ascii.bytes("openInterestValue");
    private static final byte[] SINGLE_OI = Ascii.bytes("singleOpenInterest");
    private static final byte[] SINGLE_OI_VALUE = Ascii.bytes("singleOpenInterestValue");

    private static final int MARK = 0;
    private static final int INDEX = 1;
    private static final int RATE = 2;
    private static final int NEXT = 3;
    private static final int OI = 4;
    private static final int OI_VALUE = 5;
    private static final int SINGLE = 6;
    private static final int SINGLE_VALUE = 7;
    private static final int FIELDS = 8;

    private final InstrumentRegistry instruments;
    private final Venue venue;
    private final MarkPrice mark = new MarkPrice();
    private final FundingRate funding = new FundingRate();
    private final OpenInterest openInterest = new OpenInterest();
    private final FieldReader fields = new FieldReader();
    private final double[] seen = new double[FIELDS];
    /** Last values per instrument id, FIELDS doubles each; NaN is "never sent". */
    private double[] state = new double[FIELDS * 64];

    public BybitTickerDecoder(InstrumentRegistry instruments, Venue venue) {
        this.instruments = instruments;
        this.venue = venue;
        Arrays.fill(state, Double.NaN);
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int data = t.member(frame, DATA);
        if (!t.isObject(data)) {
            out.onReject(data < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FieldReader f = fields.reset();
        long exchangeMicros = f.millis(t, t.member(frame, TS));
        int symbol = t.member(data, SYMBOL);
        if (!t.isString(symbol)) {
            f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        Arrays.fill(seen, Double.NaN);
        byte[] b = t.buffer();
        for (int k = t.firstKey(data); k >= 0; k = t.nextKey(data, k)) {
            int field = field(t, k);
            if (field >= 0 && t.length(k + 1) > 0) {
                seen[field] = f.number(t, k + 1);
                if (f.problem() == null) {
                    f.fail(plausible(field, seen[field])); // before the state keeps it for later deltas
                }
            }
        }
        Instrument instrument = f.problem() == null
                ? instruments.resolve(venue, b, t.start(symbol), t.length(symbol), BybitSymbols.INSTANCE) : null;
        if (f.problem() == null && instrument == null) {
            f.fail(Reject.UNKNOWN_INSTRUMENT);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        int base = slot(instrument.id());
        if (t.equalsBytes(t.member(frame, TYPE), SNAPSHOT)) {
            Arrays.fill(state, base, base + FIELDS, Double.NaN);
        }
        for (int i = 0; i < FIELDS; i++) {
            if (!Double.isNaN(seen[i])) {
                state[base + i] = seen[i];
            }
        }
        if (touched(MARK, INDEX) && state[base + MARK] > 0) {
            Emit.markPrice(mark, instrument, state[base + MARK], state[base + INDEX], exchangeMicros, receiveMicros, out);
        }
        if (touched(RATE, NEXT) && !Double.isNaN(state[base + RATE])) {
            double next = state[base + NEXT];
            long nextMicros = Double.isNaN(next) ? 0 : Micros.ofMillis((long) next);
            Emit.fundingRate(funding, instrument, state[base + RATE], nextMicros, exchangeMicros, receiveMicros, out);
        }
        if (touched(OI, OI_VALUE) || touched(SINGLE, SINGLE_VALUE)) {
            double quantity = !Double.isNaN(state[base + SINGLE]) ? state[base + SINGLE] : state[base + OI] / 2;
            double usd = !Double.isNaN(state[base + SINGLE_VALUE]) ? state[base + SINGLE_VALUE]
                    : !Double.isNaN(state[base + OI_VALUE]) ? state[base + OI_VALUE] / 2
                    : instrument.notionalUsd(quantity, instrument.unitPrice(state[base + MARK]));
            if (!Double.isNaN(quantity)) {
                Emit.openInterest(openInterest, instrument, quantity, usd, exchangeMicros, receiveMicros, out);
            }
        }
        return FrameKind.DATA;
    }

    private boolean touched(int a, int b) {
        return !Double.isNaN(seen[a]) || !Double.isNaN(seen[b]);
    }

    /** Null when a field's value is plausible for its kind (see {@link Checks}). */
    private static Reject plausible(int field, double v) {
        switch (field) {
            case MARK:
            case INDEX:
                return Checks.price(v);
            case RATE:
                return Checks.fundingRate(v);
            case OI:
            case SINGLE:
                return Checks.openInterest(v, Double.NaN);
            case OI_VALUE:
            case SINGLE_VALUE:
                return Checks.openInterest(0, v);
            default:
                return null;
        }
    }

    private int slot(int instrumentId) {
        int base = instrumentId * FIELDS;
        if (base + FIELDS > state.length) {
            int old = state.length;
            state = Arrays.copyOf(state, Math.max(old * 2, base + FIELDS));
            Arrays.fill(state, old, state.length, Double.NaN);
        }
        return base;
    }

    private static int field(JsonTape t, int k) {
        switch (t.length(k)) {
            case 9:
                return t.equalsBytes(k, MARK_PRICE) ? MARK : -1;
            case 10:
                return t.equalsBytes(k, INDEX_PRICE) ? INDEX : -1;
            case 11:
                return t.equalsBytes(k, FUNDING_RATE) ? RATE : -1;
            case 15:
                return t.equalsBytes(k, NEXT_FUNDING) ? NEXT : -1;
            case 12:
                return t.equalsBytes(k, OPEN_INTEREST) ? OI : -1;
            case 17:
                return t.equalsBytes(k, OPEN_INTEREST_VALUE) ? OI_VALUE : -1;
            case 18:
                return t.equalsBytes(k, SINGLE_OI) ? SINGLE : -1;
            case 23:
                return t.equalsBytes(k, SINGLE_OI_VALUE) ? SINGLE_VALUE : -1;
            default:
                return -1;
        }
    }
}
