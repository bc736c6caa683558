package dev.cascade.venues.bybit;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Bybit v5 public frame ({@code /v5/public/linear} or {@code /inverse}) by its topic. Replies to
 * {@code {"op":"subscribe"}} and {@code {"op":"ping"}} (e.g. {@code {"success":true,"ret_msg":"pong",
 * "op":"ping",...}}) are control frames.
 */
public final class BybitFrameDecoder implements FrameDecoder {
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] OP = Ascii.bytes("op");
    private static final byte[] ALL_LIQUIDATION = Ascii.bytes("allLiquidation.");
    private static final byte[] LIQUIDATION = Ascii.bytes("liquidation.");
    private static final byte[] PUBLIC_TRADE = Ascii.bytes("publicTrade.");
    private static final byte[] TICKERS = Ascii.bytes("tickers.");

    private final BybitLiquidationDecoder liquidations;
    private final BybitTradeDecoder trades;
    private final BybitTickerDecoder tickers;

    public BybitFrameDecoder(InstrumentRegistry instruments, Venue venue) {
        this.liquidations = new BybitLiquidationDecoder(instruments, venue);
        this.trades = new BybitTradeDecoder(instruments, venue);
        this.tickers = new BybitTickerDecoder(instruments, venue);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int topic = t.member(frame, TOPIC);
        if (!t.isString(topic)) {
            if (t.member(frame, OP) >= 0) {
                return FrameKind.CONTROL;
            }
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (startsWith(t, topic, ALL_LIQUIDATION) || startsWith(t, topic, LIQUIDATION)) {
            return liquidations.decode(t, frame, receiveMicros, out);
        }
        if (startsWith(t, topic, PUBLIC_TRADE)) {
            return trades.decode(t, frame, receiveMicros, out);
        }
        if (startsWith(t, topic, TICKERS)) {
            return tickers.decode(t, frame, receiveMicros, out);
        }
        return FrameKind.IGNORED; // orderbook, kline, ...
    }

    private static boolean startsWith(JsonTape t, int tok, byte[] prefix) {
        return t.length(tok) > prefix.length && Ascii.equals(t.buffer(), t.start(tok), t.start(tok) + prefix.length, prefix);
    }
}
