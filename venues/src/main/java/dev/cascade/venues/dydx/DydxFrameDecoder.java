package dev.cascade.venues.dydx;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a dYdX v4 indexer frame by {@code type} and {@code channel}: trade data (the subscription's
 * snapshot included) to {@link DydxTradeDecoder}; {@code connected}, {@code unsubscribed} and {@code error}
 * are control frames.
 */
public final class DydxFrameDecoder implements FrameDecoder {
    private static final byte[] TYPE = Ascii.bytes("type");
    private static final byte[] CHANNEL = Ascii.bytes("channel");
    private static final byte[] V4_TRADES = Ascii.bytes("v4_trades");
    private static final byte[] CHANNEL_DATA = Ascii.bytes("channel_data");
    private static final byte[] CHANNEL_BATCH_DATA = Ascii.bytes("channel_batch_data");
    private static final byte[] SUBSCRIBED = Ascii.bytes("subscribed");

    private final DydxTradeDecoder trades;

    public DydxFrameDecoder(InstrumentRegistry instruments) {
        this.trades = new DydxTradeDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int type = t.member(frame, TYPE);
        if (!t.isString(type)) {
            out.onReject(type < 0 ? Reject.UNKNOWN_MESSAGE : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        boolean isData = t.equalsBytes(type, CHANNEL_DATA) || t.equalsBytes(type, CHANNEL_BATCH_DATA)
                || t.equalsBytes(type, SUBSCRIBED);
        if (!isData) {
            return FrameKind.CONTROL; // connected, unsubscribed, error, pong
        }
        if (!t.equalsBytes(t.member(frame, CHANNEL), V4_TRADES)) {
            return FrameKind.IGNORED; // markets, order books, candles
        }
        return trades.decode(t, frame, receiveMicros, out);
    }
}
