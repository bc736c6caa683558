package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.feed.ConnectionSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LivePipelineTest {
    private static ConnectionSpec spec(Venue venue) {
        return new ConnectionSpec(venue.id(), venue, URI.create("ws://127.0.0.1:1/"), List.of(), Duration.ZERO, null,
                Duration.ofSeconds(30), Duration.ofHours(1), text -> false);
    }

    @Test
    void shouldCountRejectedFramesUnderTheVenueThatSentThem() throws Exception {
        CapturingListener out = new CapturingListener();
        FeedStats stats = new FeedStats();
        LivePipeline pipeline = new LivePipeline(new VenueDecoders(new InstrumentRegistry()), out, null, stats, 16,
                () -> { }, 100);
        pipeline.start();
        pipeline.onFrame(spec(Venue.BINANCE_USDM), 1, "{\"e\":");
        pipeline.onFrame(spec(Venue.BINANCE_USDM), 2, "not json");
        pipeline.onFrame(spec(Venue.BYBIT_LINEAR), 3, "{{");
        pipeline.close(); // drains the queue
        assertThat(stats.of(Venue.BINANCE_USDM).rejects.get()).isEqualTo(2);
        assertThat(stats.of(Venue.BYBIT_LINEAR).rejects.get()).isEqualTo(1);
        assertThat(stats.of(Venue.OKX_SWAP).rejects.get()).isZero();
        assertThat(out.rejectCount()).isEqualTo(3); // still handed on
        assertThat(out.rejects).containsKey(Reject.MALFORMED_JSON);
        assertThat(pipeline.processed()).isEqualTo(3);
    }

    /**
     * The demo at too small a heap: an OutOfMemoryError while publishing killed the thread, the queue filled and
     * the socket threads, then the command, waited for ever. Now the failure is kept for the command to end on,
     * and frames after it are dropped rather than waited on.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against the hang itself, not a measure of speed
    void shouldNeitherBlockNorHideAFailedThread() throws Exception {
        CapturingListener out = new CapturingListener();
        LivePipeline pipeline = new LivePipeline(new VenueDecoders(new InstrumentRegistry()), out, null, new FeedStats(),
                4, () -> {
                    throw new OutOfMemoryError("Java heap space");
                }, 1);
        assertThat(pipeline.failure()).isNull();
        pipeline.start();
        for (int i = 0; i < 100; i++) { // 25 times the queue's room: returns only if frames are dropped
            pipeline.onFrame(spec(Venue.BINANCE_USDM), i, "not json");
        }
        while (pipeline.failure() == null) {
            Thread.sleep(10);
        }
        assertThat(pipeline.failure()).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
        pipeline.onDocument("coingecko", "/global", 1, new byte[0]);
        pipeline.close();
        assertThat(pipeline.processed()).isLessThan(100);
    }
}
