package dev.cascade.venues;

import dev.cascade.model.MarketListener;
import dev.cascade.venues.codec.JsonTape;

/**
 * Turns one venue frame, already tokenized on a {@link JsonTape}, into normalized events. Pure: no I/O,
 * clock, threads or logging; a decoder may keep per-instrument state when its venue sends deltas.
 */
public interface FrameDecoder {
    /** Passed as the receive time when the source has none; events then take the exchange time. */
    long NO_RECEIVE_TIME = Long.MIN_VALUE;

    /**
     * Decodes the value at token {@code frame} of {@code tape}.
     *
     * @param receiveMicros when Cascade received the frame, or {@link #NO_RECEIVE_TIME}
     */
    FrameKind decode(JsonTape tape, int frame, long receiveMicros, MarketListener out);

    /** The receive time to stamp on an event: the given one, or the exchange time when there is none. */
    static long receiveOr(long receiveMicros, long exchangeMicros) {
        return receiveMicros == NO_RECEIVE_TIME ? exchangeMicros : receiveMicros;
    }
}
