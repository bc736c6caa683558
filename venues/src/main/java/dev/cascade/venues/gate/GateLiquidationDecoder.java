package dev.cascade.venues.gate;

import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.venues.Emit;
import dev.cascade.venues.FieldReader;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Gate futures {@code futures.public_liquidates} (research/venues-next.md §4). Since 2026-08-20 every liquidation
 * of a contract in a 1 s window comes batched (before, at most one a contract a second was pushed).
 *
 * <pre>
 * {"channel":"futures.public_liquidates","event":"update","time":1541505434,"time_ms":1541505434123,
 *  "result":[{"price":"215.1",            the liquidation order's price
 *             "size":"-124.5",            contracts, SIGNED: the official docs call it the liquidation ORDER's
 *                                         quantity, so negative (a sell) liquidates a long. Disputed: aggr reads
 *                                         it as the position (positive = long). See liquidatedSide.
 *             "time":1541486601123,       ms (older docs: time_ms; numbers or strings, both accepted)
 *             "contract":"BTC_USDT"}]}    contracts of quanto_multiplier coins (BTC_USDT: 0.0001)
 * </pre>
 */
public final class GateLiquidationDecoder {
    private static final byte[] RESULT = Ascii.bytes("result");
    private static final byte[] CONTRACT = Ascii.bytes("contract");
    private static final byte[] SIZE = Ascii.bytes("size");
    private static final byte[] PRICE = Ascii.bytes("price");
    private static final byte[] TIME_MS = Ascii.bytes("time_ms");
    private static final byte[] TIME = Ascii.bytes("time");

    private final InstrumentRegistry instruments;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public GateLiquidationDecoder(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    /**
     * The side rule, in one place, and the one to flip if Gate's live data proves the other reading: the official
     * docs define {@code size} as the liquidation order's quantity (强平订单数量; the REST {@code liq_orders} example
     * agrees: position {@code size 600}, {@code order_size -600}), so a negative size is a sell order, which
     * liquidates a long. Null for a zero or missing size.
     */
    static Side liquidatedSide(double size) {
        return size < 0 ? Side.LONG : size > 0 ? Side.SHORT : null;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int result = t.member(frame, RESULT);
        if (!t.isArray(result)) {
            out.onReject(result < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        for (int r = t.firstElement(result); r >= 0; r = t.nextElement(result, r)) {
            FieldReader f = fields.reset();
            int contract = t.member(r, CONTRACT);
            double size = f.number(t, t.member(r, SIZE));
            double price = f.number(t, t.member(r, PRICE));
            int timeMs = t.member(r, TIME_MS);
            long exchangeMicros = f.millis(t, timeMs >= 0 ? timeMs : t.member(r, TIME));
            Side side = liquidatedSide(size);
            if (side == null && size == size) {
                f.fail(Reject.NON_POSITIVE_SIZE);
            }
            if (!t.isString(contract)) {
                f.fail(contract < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            }
            if (f.problem() != null) {
                out.onReject(f.problem());
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            Instrument instrument = instruments.resolve(Venue.GATE_LINEAR, t.buffer(), t.start(contract), t.length(contract),
                    InstrumentRegistry.METADATA_ONLY);
            boolean ok = Emit.liquidation(event, instrument, side, Math.abs(size), price, exchangeMicros, receiveMicros, out);
            kind = ok || kind == FrameKind.DATA ? FrameKind.DATA : FrameKind.REJECTED;
        }
        return kind;
    }
}
