package dev.cascade.venues.bitmex;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a BitMEX realtime frame by {@code table}. Replies to subscribe ({@code {"success":true,...}}), the
 * welcome ({@code {"info":...}}), errors ({@code {"error":...}}) and the bare text {@code pong} are control frames.
 */
public final class BitmexFrameDecoder implements FrameDecoder {
    private static final byte[] PONG = Ascii.bytes("pong");
    private static final byte[] TABLE = Ascii.bytes("table");
    private static final byte[] SUCCESS = Ascii.bytes("success");
    private static final byte[] INFO = Ascii.bytes("info");
    private static final byte[] ERROR = Ascii.bytes("error");
    private static final byte[] LIQUIDATION = Ascii.bytes("liquidation");
    private static final byte[] TRADE = Ascii.bytes("trade");
    private static final byte[] INSTRUMENT = Ascii.bytes("instrument");

    private final BitmexLiquidationDecoder liquidations;
    private final BitmexTradeDecoder trades;
    private final BitmexInstrumentDecoder instrument;

    public BitmexFrameDecoder(InstrumentRegistry instruments) {
        this.liquidations = new BitmexLiquidationDecoder(instruments);
        this.trades = new BitmexTradeDecoder(instruments);
        this.instrument = new BitmexInstrumentDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (t.isString(frame) && t.equalsBytes(frame, PONG)) {
            return FrameKind.CONTROL;
        }
        if (!t.isObject(frame)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        int table = t.member(frame, TABLE);
        if (table < 0) {
            if (t.member(frame, SUCCESS) >= 0 || t.member(frame, INFO) >= 0 || t.member(frame, ERROR) >= 0) {
                return FrameKind.CONTROL;
            }
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.equalsBytes(table, LIQUIDATION)) {
            return liquidations.decode(t, frame, receiveMicros, out);
        }
        if (t.equalsBytes(table, TRADE)) {
            return trades.decode(t, frame, receiveMicros, out);
        }
        if (t.equalsBytes(table, INSTRUMENT)) {
            return instrument.decode(t, frame, receiveMicros, out);
        }
        return FrameKind.IGNORED; // order books, quotes, ...
    }
}
