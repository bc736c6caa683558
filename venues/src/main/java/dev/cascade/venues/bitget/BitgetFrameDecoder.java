package dev.cascade.venues.bitget;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Bitget v3 public frame by {@code arg.topic}; {@code {"event":...}} replies and the bare text
 * {@code pong} are control frames.
 */
public final class BitgetFrameDecoder implements FrameDecoder {
    private static final byte[] PONG = Ascii.bytes("pong");
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] ARG = Ascii.bytes("arg");
    private static final byte[] TOPIC = Ascii.bytes("topic");
    private static final byte[] LIQUIDATION = Ascii.bytes("liquidation");

    private final BitgetLiquidationDecoder liquidations;

    public BitgetFrameDecoder(InstrumentRegistry instruments) {
        this.liquidations = new BitgetLiquidationDecoder(instruments);
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
        if (t.member(frame, EVENT) >= 0) {
            return FrameKind.CONTROL;
        }
        int topic = t.member(t.member(frame, ARG), TOPIC);
        if (!t.isString(topic)) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        return t.equalsBytes(topic, LIQUIDATION) ? liquidations.decode(t, frame, receiveMicros, out) : FrameKind.IGNORED;
    }
}
