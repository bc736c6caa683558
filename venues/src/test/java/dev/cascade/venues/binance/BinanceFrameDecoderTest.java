package dev.cascade.venues.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.venues.Decode;
import dev.cascade.venues.FrameKind;
import dev.cascade.venues.VenueDecoders;
import org.junit.jupiter.api.Test;

class BinanceFrameDecoderTest {
    private final VenueDecoders decoders = Decode.withMetadata();

    @Test
    void shouldSkipSubscriptionRepliesAndErrorsAsControlFrames() {
        assertThat(Decode.frame(decoders, Venue.BINANCE_USDM, "{\"result\":null,\"id\":1}").kind())
                .isEqualTo(FrameKind.CONTROL);
        Decode.Result error = Decode.frame(decoders, Venue.BINANCE_USDM,
                "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":7}");
        assertThat(error.kind()).isEqualTo(FrameKind.CONTROL);
        assertThat(error.events().rejectCount()).isZero();
    }

    @Test
    void shouldIgnoreStreamsCascadeDoesNotUse() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, """
                {"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1,"s":"BTCUSDT","b":[],"a":[]}}""");
        assertThat(r.kind()).isEqualTo(FrameKind.IGNORED);
        assertThat(r.events().eventCount() + r.events().rejectCount()).isZero();
    }

    @Test
    void shouldRejectJsonThatIsNoBinanceMessage() {
        Decode.Result r = Decode.frame(decoders, Venue.BINANCE_USDM, "{\"hello\":\"world\"}");
        assertThat(r.kind()).isEqualTo(FrameKind.REJECTED);
        assertThat(r.events().rejects).containsEntry(Reject.UNKNOWN_MESSAGE, 1);
    }
}
