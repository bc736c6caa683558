package dev.cascade.venues.gate;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Gate futures v4 frame by {@code channel} and {@code event}: {@code update}s of
 * {@code futures.public_liquidates} are liquidations; subscribe replies, {@code futures.pong} and errors are
 * control frames (errors are told apart by the feed plan's error check); other channels are ignored.
 */
public final class GateFrameDecoder implements FrameDecoder {
    private static final byte[] CHANNEL = Ascii.bytes("channel");
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] UPDATE = Ascii.bytes("update");
    private static final byte[] LIQUIDATES = Ascii.bytes("futures.public_liquidates");

    private final GateLiquidationDecoder liquidations;

    public GateFrameDecoder(InstrumentRegistry instruments) {
        this.liquidations = new GateLiquidationDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        int channel = t.member(frame, CHANNEL);
        if (!t.isString(channel)) {
            out.onReject(t.isObject(frame) && channel < 0 ? Reject.UNKNOWN_MESSAGE : Reject.WRONG_TYPE);
            return FrameKind.REJECTED;
        }
        if (!t.equalsBytes(t.member(frame, EVENT), UPDATE)) {
            return FrameKind.CONTROL;
        }
        return t.equalsBytes(channel, LIQUIDATES) ? liquidations.decode(t, frame, receiveMicros, out) : FrameKind.IGNORED;
    }
}
