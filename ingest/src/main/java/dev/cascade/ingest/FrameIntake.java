package dev.cascade.ingest;

import dev.cascade.model.MarketListener;
import dev.cascade.model.Venue;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.codec.JsonTape;

/**
 * A text frame as a socket delivers it, into events: tokenized and handed to its venue's decoder. A frame
 * that is not JSON is a keepalive reply when its venue says so (OKX's bare {@code pong}), else rejected
 * for the tape's reason. The live pipeline and the replay of frames recorded as strings both come through
 * here, so both treat such frames alike.
 */
public final class FrameIntake {
    private final VenueDecoders decoders;
    private final JsonTape tape = new JsonTape();

    public FrameIntake(VenueDecoders decoders) {
        this.decoders = decoders;
    }

    /** Decodes {@code b[off, off+len)} received from {@code venue}. */
    public FrameKind decode(Venue venue, byte[] b, int off, int len, long receiveMicros, MarketListener out) {
        parse(b, off, len);
        return emit(venue, b, off, len, receiveMicros, out);
    }

    /**
     * The first half of {@link #decode}: tokenizes the frame and says whether it is JSON, before any event of it
     * is handed on (the live pipeline records the frame in between, so a recording holds every frame whose events
     * reached the store).
     */
    public boolean parse(byte[] b, int off, int len) {
        return tape.parse(b, off, len);
    }

    /** The second half of {@link #decode}, for the frame just {@link #parse parsed}. */
    public FrameKind emit(Venue venue, byte[] b, int off, int len, long receiveMicros, MarketListener out) {
        if (tape.error() == null) {
            return decoders.forVenue(venue).decode(tape, 0, receiveMicros, out);
        }
        if (VenueDecoders.isPlainTextControl(venue, b, off, len)) {
            return FrameKind.CONTROL;
        }
        out.onReject(tape.error());
        return FrameKind.REJECTED;
    }

    /** Whether the last frame parsed was JSON (a recorder writes JSON frames as they are, others as strings). */
    public boolean wasJson() {
        return tape.error() == null;
    }
}
