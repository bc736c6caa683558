package dev.cascade.venues.bybit;

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
 * Bybit v5 liquidations: {@code allLiquidation.{symbol}} (every liquidation, in 500 ms batches) and the
 * retired {@code liquidation.{symbol}} topic (at most one per second; removed from the docs 2025-11-19, still
 * in old recordings).
 *
 * <pre>
 * {"topic":"allLiquidation.ROSEUSDT","type":"snapshot","ts":1739502303204,
 *  "data":[{"T":1739502302929,   time (ms)
 *           "s":"ROSEUSDT",
 *           "S":"Sell",          POSITION side: "Buy" means a LONG was liquidated (Bybit docs)
 *           "v":"20000",         executed size: coins on linear, USD on inverse
 *           "p":"0.04499"}]}     bankruptcy price
 *
 * {"topic":"liquidation.BTCUSDT","type":"snapshot","ts":1703485237953,
 *  "data":{"updatedTime":1703485237953,"symbol":"BTCUSDT","side":"Sell","size":"0.003","price":"43511.70"}}
 * </pre>
 *
 * The side convention is the opposite of Binance's and OKX's (which give the forced order's side). The
 * 2023 docs called the retired topic's field "order side" and 2024 docs "position side, Buy = long"; Bybit's
 * own statement and tardis-node agree on Buy = long for both topics, and so does Cascade.
 */
public final class BybitLiquidationDecoder {
    private static final byte[] DATA = Ascii.bytes("data");
    private static final byte[] BUY = Ascii.bytes("Buy");
    private static final byte[] SELL = Ascii.bytes("Sell");
    private static final byte[] UPDATED_TIME = Ascii.bytes("updatedTime");
    private static final byte[] SYMBOL = Ascii.bytes("symbol");
    private static final byte[] SIDE = Ascii.bytes("side");
    private static final byte[] SIZE = Ascii.bytes("size");
    private static final byte[] PRICE = Ascii.bytes("price");

    private final InstrumentRegistry instruments;
    private final Venue venue;
    private final Liquidation event = new Liquidation();
    private final FieldReader fields = new FieldReader();

    public BybitLiquidationDecoder(InstrumentRegistry instruments, Venue venue) {
        this.instruments = instruments;
        this.venue = venue;
    }

    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int data = t.member(frame, DATA);
        if (t.isObject(data)) { // retired topic: one object with long field names
            return item(t, t.member(data, SYMBOL), t.member(data, SIDE), t.member(data, SIZE), t.member(data, PRICE),
                    t.member(data, UPDATED_TIME), receiveMicros, out);
        }
        if (!t.isArray(data)) {
            out.onReject(data < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        FrameKind kind = FrameKind.IGNORED;
        byte[] b = t.buffer();
        for (int e = t.firstElement(data); e >= 0; e = t.nextElement(data, e)) {
            int symbol = -1;
            int side = -1;
            int size = -1;
            int price = -1;
            int time = -1;
            if (t.isObject(e)) {
                for (int k = t.firstKey(e); k >= 0; k = t.nextKey(e, k)) {
                    if (t.length(k) != 1) {
                        continue;
                    }
                    switch (b[t.start(k)]) {
                        case 's' -> symbol = k + 1;
                        case 'S' -> side = k + 1;
                        case 'v' -> size = k + 1;
                        case 'p' -> price = k + 1;
                        case 'T' -> time = k + 1;
                        default -> { }
                    }
                }
            }
            FrameKind item = item(t, symbol, side, size, price, time, receiveMicros, out);
            kind = kind == FrameKind.DATA || item == FrameKind.DATA ? FrameKind.DATA : item;
        }
        return kind;
    }

    private FrameKind item(JsonTape t, int symbol, int side, int size, int price, int time, long receiveMicros,
                           MarketListener out) {
        FieldReader f = fields.reset();
        double v = f.number(t, size);
        double p = f.number(t, price);
        long exchangeMicros = f.millis(t, time);
        Side liquidated = null;
        if (t.equalsBytes(side, BUY)) {
            liquidated = Side.LONG;
        } else if (t.equalsBytes(side, SELL)) {
            liquidated = Side.SHORT;
        } else {
            f.fail(side < 0 ? Reject.MISSING_FIELD : Reject.BAD_SIDE);
        }
        if (!t.isString(symbol)) {
            f.fail(symbol < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
        }
        if (f.problem() != null) {
            out.onReject(f.problem());
            return FrameKind.REJECTED;
        }
        var instrument = instruments.resolve(venue, t.buffer(), t.start(symbol), t.length(symbol), BybitSymbols.INSTANCE);
        return Emit.liquidation(event, instrument, liquidated, v, p, exchangeMicros, receiveMicros, out)
                ? FrameKind.DATA : FrameKind.REJECTED;
    }
}
