package dev.cascade.venues.bitfinex;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import dev.cascade.venues.FrameDecoder;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.JsonTape;

/**
 * Routes a Bitfinex v2 public frame. Events are objects ({@code info}, {@code subscribed}, {@code pong},
 * {@code error}: control); channel messages are arrays {@code [chanId, payload, ...]}: {@code "hb"} heartbeats
 * are control, payloads of {@code "pos"} rows are {@code liq:global} liquidations, anything else (the channel's
 * other keys) is ignored. Cascade subscribes to no other channel, so the rows' shape names them without keeping
 * the chanId of the subscription.
 */
public final class BitfinexFrameDecoder implements FrameDecoder {
    private static final byte[] EVENT = Ascii.bytes("event");
    private static final byte[] HB = Ascii.bytes("hb");

    private final BitfinexLiquidationDecoder liquidations;

    public BitfinexFrameDecoder(InstrumentRegistry instruments) {
        this.liquidations = new BitfinexLiquidationDecoder(instruments);
    }

    @Override
    public FrameKind decode(JsonTape t, int frame, long receiveMicros, MarketListener out) {
        if (t.isObject(frame) && t.member(frame, EVENT) >= 0) {
            return FrameKind.CONTROL;
        }
        int channel = t.isArray(frame) ? t.firstElement(frame) : -1;
        int payload = channel >= 0 ? t.nextElement(frame, channel) : -1;
        if (payload < 0 || t.kind(channel) != JsonTape.NUMBER) {
            out.onReject(Reject.UNKNOWN_MESSAGE);
            return FrameKind.REJECTED;
        }
        if (t.isString(payload) && t.equalsBytes(payload, HB)) {
            return FrameKind.CONTROL;
        }
        if (!t.isArray(payload)) {
            return FrameKind.IGNORED;
        }
        return BitfinexLiquidationDecoder.isPositionRows(t, payload) ? liquidations.decode(t, payload, receiveMicros, out)
                : FrameKind.IGNORED;
    }
}
