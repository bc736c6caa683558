package dev.cascade.venues.okx;

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
 * OKX v5 liquidations ({@code liquidation-orders}, instType SWAP: one subscription covers every swap; at most
 * one order per contract per second).
 *
 * <pre>
 * {"arg":{"channel":"liquidation-orders","instType":"SWAP"},
 *  "data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","instFamily":"BTC-USDT","uly":"BTC-USDT",
 *           "details":[{"side":"sell",        the FORCED ORDER's side: sell closes a long
 *                       "posSide":"long",     the liquidated position in hedge mode; "net" otherwise
 *                       "sz":"8.55",          CONTRACTS (fractional ones exist): x ctVal
 *                       "bkPx":"82655.7",     bankruptcy price
 *                       "bkLoss":"0","ccy":"",
 *                       "ts":"1791565600771"}]}]}    time (ms, a string)
 * </pre>
 * USD: linear (ctValCcy = coin) sz x ctVal x bkPx; inverse (ctValCcy = USD) sz x ctVal.
 * Only SWAP instruments belong to the okx-swap venue; FUTURES, MARGIN and OPTION orders are rejected as
 * unsupported.
 */
public final class OkxLiquidationDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] DETAILS = Ascii.bytes("details");
    private static final byte[] INST_ID = Ascii.bytes("instId");
    private static final byte[] INST_TYPE = Ascii.bytes("instType");
    private static final byte[] SWAP = Ascii.bytes("SWAP");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] POS_SIDE = Ascii.bytes("posSide");
    private static final byte[] SIZE = Ascii.bytes("sz");
    private static final byte[] BANKRUPTCY_PRICE = Ascii.bytes("bkPx");
    private static final byte[] TS = Ascii.bytes("ts");
    private static final byte[] LONG = Ascii.bytes("long");
    private static final byte[] SHORT = Ascii.bytes("short");
    private static final byte[] BUY = Ascii.bytes("buy");
    private static final byte[] SELL = Ascii.bytes("sell");

    private final InstrumentRegistry instruments;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public OkxLiquidationDecoder(InstrumentRegistry instruments) {
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
            int instId = t.member(d, INST_ID);
            int details = t.member(d, DETAILS);
            if (!t.isString(instId) || !t.isArray(details)) {
                out.onReject(instId < 0 || details < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
                kind = kind == FrameKind.DATA ? kind : FrameKind.REJECTED;
                continue;
            }
            int instType = t.member(d, INST_TYPE);
            boolean isSwap = instType < 0 ? OkxInstIds.isSwap(t, instId) : t.equalsBytes(instType, SWAP);
            var instrument = isSwap ? instruments.resolve(Venue.OKX_SWAP, t.buffer(), t.start(instId),
                    t.length(instId), InstrumentRegistry.METADATA_ONLY) : null;
            for (int e = t.firstElement(details); e >= 0; e = t.nextElement(details, e)) {
                FrameKind item = isSwap ? detail(t, e, instrument, receiveMicros, out) : unsupported(out);
                kind = kind == FrameKind.DATA || item == FrameKind.DATA ? FrameKind.DATA : item;
            }
        }
        return kind;
    }

    private static FrameKind unsupported(MarketListener out) {
        out.onReject(Reject.UNSUPPORTED_INSTRUMENT);
        return FrameKind.REJECTED;
    }

    private FrameKind detail(JsonTape t, int e, dev.cascade.model.Instrument instrument, long receiveMicros,
                             MarketListener out) {
        FieldReader f = fields.reset();
        double size = f.number(t, t.member(e, SIZE));
        double price = f.number(t, t.member(e, BANKRUPTCY_PRICE));
        long exchangeMicros = f.millis(t, t.member(e, TS));
        int posSide = t.member(e, POS_SIDE);
        int side = t.member(e, SIDE);
        Side liquidated = null;
        if (t.equalsBytes(posSide, LONG)) {
            liquidated = Side.LONG;
        } else if (t.equalsBytes(posSide, SHORT)) {
            liquidated = Side.SHORT;
        } else if (t.equalsBytes(side, SELL)) {
            liquidated = Side.LONG;
        } else if (t.equalsBytes(side, BUY)) {
            liquidated = Side.SHORT;
        } else {
            f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        return Emit.liquidation(event, instrument, liquidated, size, price, exchangeMicros, receiveMicros, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
