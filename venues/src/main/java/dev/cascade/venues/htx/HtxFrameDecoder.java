package dev.cascade.venues.htx;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes an HTX notification frame (already inflated from gzip by the feed: decoders see JSON only) by
 * {@code op} and {@code topic}. {@code notify} carries data; {@code ping}, {@code sub} replies, {@code close} and
 * {@code error} are control frames (errors are told apart by the feed plan's error check), as is the market hosts'
 * {@code {"ping":n}}.
 */
public final class HtxFrameDecoder implements FrameDecoder {
    private static final byte[] OP = Ascii.bytes("op");
    private static final byte[] NOTIFY = Ascii.bytes("notify");
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] PING = Ascii.bytes("ping");
    private static final byte[] LIQUIDATION_ORDERS = Ascii.bytes(".liquidation_orders");

    private final HtxLiquidationDecoder liquidations;

    public HtxFrameDecoder(InstrumentRegistry instruments) {
        this.liquidations = new HtxLiquidationDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (!t.isObject(frame)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        int op = t.member(frame, OP);
        if (!t.isString(op)) {
            if (op < 0 && t.member(frame, PING) >= 0) {
                return FrameKind.CONTROL;
            }
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (!t.equalsBytes(op, NOTIFY)) {
            return FrameKind.CONTROL;
        }
        int topic = t.member(frame, TOPIC);
        if (!t.isString(topic)) {
            out.onReject(topic < 0 ? Reject.MISSING_FIELD : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        int end = t.start(topic) + t.length(topic);
        boolean isLiquidations = t.length(topic) > LIQUIDATION_ORDERS.length
                && Ascii.equals(t.buffer(), end - LIQUIDATION_ORDERS.length, end, LIQUIDATION_ORDERS);
        return isLiquidations ? liquidations.decode(t, frame, receiveMicros, out) : FrameKind.IGNORED;
    }
}
