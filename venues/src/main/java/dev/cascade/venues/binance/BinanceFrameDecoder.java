package dev.cascade.venues.binance;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Binance USDⓈ-M or COIN-M frame to its data-type decoder. Frames come in three wrappings:
 * combined streams {@code {"stream":"btcusdt@aggTrade","data":{...}}}, raw {@code /ws} frames (the event
 * object itself) and {@code !markPrice@arr}, whose payload is an array of events. Subscription replies
 * ({@code {"result":null,"id":1}}) and errors ({@code {"error":{...},"id":1}}) are control frames; ping and
 * pong are WebSocket control frames that never reach a decoder.
 */
public final class BinanceFrameDecoder implements FrameDecoder {
    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e'};
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] RESULT = {'r', 'e', 's', 'u', 'l', 't'};
    private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};
    private static final byte[] FORCE_ORDER = Ascii.bytes("forceOrder");
    private static final byte[] AGG_TRADE = Ascii.bytes("aggTrade");
    private static final byte[] MARK_PRICE = Ascii.bytes("markPriceUpdate");

    private final BinanceForceOrderDecoder forceOrders;
    private final BinanceAggTradeDecoder aggTrades;
    private final BinanceMarkPriceDecoder markPrices;

    public BinanceFrameDecoder(InstrumentRegistry instruments, Venue venue) {
        this.forceOrders = new BinanceForceOrderDecoder(instruments, venue);
        this.aggTrades = new BinanceAggTradeDecoder(instruments, venue);
        this.markPrices = new BinanceMarkPriceDecoder(instruments, venue);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int payload = frame;
        if (t.isObject(frame)) {
            int data = -1;
            boolean hasStream = false;
            boolean hasId = false;
            boolean isReply = false;
            for (int k = t.firstKey(frame); k >= 0; k = t.nextKey(frame, k)) { // one pass over the root's keys
                if (t.equalsBytes(k, DATA)) {
                    data = k + 1;
                } else if (t.equalsBytes(k, STREAM)) {
                    hasStream = true;
                } else if (t.equalsBytes(k, ID)) {
                    hasId = true;
                } else if (t.equalsBytes(k, RESULT) || t.equalsBytes(k, ERROR)) {
                    isReply = true;
                }
            }
            if (data >= 0 && hasStream) {
                payload = data;
            } else if (hasId && isReply) {
                return FrameKind.CONTROL;
            }
        }
        if (t.isArray(payload)) {
            FrameKind kind = FrameKind.IGNORED;
            for (int e = t.firstElement(payload); e >= 0; e = t.nextElement(payload, e)) {
                kind = merge(kind, event(t, e, receiveMicros, out));
            }
            return kind;
        }
        return event(t, payload, receiveMicros, out);
    }

    private FrameKind event(JsonTape t, int payload, long receiveMicros, MarketListener out) {
        int type = t.member(payload, EVENT);
        if (!t.isString(type)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.equalsBytes(type, AGG_TRADE)) {
            return aggTrades.decode(t, payload, receiveMicros, out);
        }
        if (t.equalsBytes(type, FORCE_ORDER)) {
            return forceOrders.decode(t, payload, receiveMicros, out);
        }
        if (t.equalsBytes(type, MARK_PRICE)) {
            return markPrices.decode(t, payload, receiveMicros, out);
        }
        return FrameKind.IGNORED; // depthUpdate, kline, bookTicker...: Binance events Cascade does not use
    }

    /** A batch is data if any item was; rejected only if every item was. */
    static FrameKind merge(FrameKind sofar, FrameKind item) {
        if (sofar == FrameKind.DATA || item == FrameKind.DATA) {
            return FrameKind.DATA;
        }
        if (sofar == FrameKind.REJECTED || item == FrameKind.REJECTED) {
            return FrameKind.REJECTED;
        }
        return item;
    }
}
