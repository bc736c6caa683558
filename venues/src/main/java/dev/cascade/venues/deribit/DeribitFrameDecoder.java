package dev.cascade.venues.deribit;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Deribit JSON-RPC frame: {@code subscription} notifications by {@code params.channel} prefix; replies
 * ({@code result} or {@code error} with an {@code id}) and heartbeats are control frames.
 */
public final class DeribitFrameDecoder implements FrameDecoder {
    private static final byte[] METHOD = Ascii.bytes("method");
    private static final byte[] SUBSCRIPTION = Ascii.bytes("subscription");
    private static final byte[] PARAMS = Ascii.bytes("params");
    private static final byte[] CHANNEL = Ascii.bytes("channel");
    private static final byte[] ID = Ascii.bytes("id");
    private static final byte[] HEARTBEAT = Ascii.bytes("heartbeat");
    private static final byte[] TRADES = Ascii.bytes("trades.");
    private static final byte[] TICKER = Ascii.bytes("ticker.");

    private final DeribitTradeDecoder trades;
    private final DeribitTickerDecoder ticker;

    public DeribitFrameDecoder(InstrumentRegistry instruments) {
        this.trades = new DeribitTradeDecoder(instruments);
        this.ticker = new DeribitTickerDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (!t.isObject(frame)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        int method = t.member(frame, METHOD);
        if (method < 0) {
            if (t.member(frame, ID) >= 0) {
                return FrameKind.CONTROL; // a reply to subscribe or public/test, or an error
            }
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.equalsBytes(method, HEARTBEAT)) {
            return FrameKind.CONTROL;
        }
        if (!t.equalsBytes(method, SUBSCRIPTION)) {
            return FrameKind.IGNORED;
        }
        int channel = t.member(t.member(frame, PARAMS), CHANNEL);
        if (!t.isString(channel)) {
            out.onReject(channel < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        if (startsWith(t, channel, TRADES)) {
            return trades.decode(t, frame, receiveMicros, out);
        }
        if (startsWith(t, channel, TICKER)) {
            return ticker.decode(t, frame, receiveMicros, out);
        }
        return FrameKind.IGNORED; // books, quotes, ...
    }

    private static boolean startsWith(JsonTape t, int token, byte[] prefix) {
        return t.length(token) >= prefix.length
                && Ascii.equals(t.buffer(), t.start(token), t.start(token) + prefix.length, prefix);
    }
}
