package dev.cascade.venues.kraken;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Kraken Futures v1 frame by {@code feed}; {@code {"event":...}} replies (info, subscribed, error)
 * and heartbeats are control frames.
 */
public final class KrakenFrameDecoder implements FrameDecoder {
    private static final byte[] FEED = Ascii.bytes("feed");
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] TRADE = Ascii.bytes("trade");
    private static final byte[] TRADE_SNAPSHOT = Ascii.bytes("trade_snapshot");
    private static final byte[] HEARTBEAT = Ascii.bytes("heartbeat");

    private final KrakenTradeDecoder trades;

    public KrakenFrameDecoder(InstrumentRegistry instruments) {
        this.trades = new KrakenTradeDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (!t.isObject(frame)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.member(frame, EVENT) >= 0) {
            return FrameKind.CONTROL;
        }
        int feed = t.member(frame, FEED);
        if (!t.isString(feed)) {
            out.onReject(feed < 0 ? Reject.UNKNOWN_MESSAGE : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        if (t.equalsBytes(feed, TRADE)) {
            return trades.decode(t, frame, false, receiveMicros, out);
        }
        if (t.equalsBytes(feed, TRADE_SNAPSHOT)) {
            return trades.decode(t, frame, true, receiveMicros, out);
        }
        if (t.equalsBytes(feed, HEARTBEAT)) {
            return FrameKind.CONTROL;
        }
        return FrameKind.IGNORED; // book, ticker, ...
    }
}
