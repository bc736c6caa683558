package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Venue;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.Endpoints;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generic feed against a venue that compresses every frame and pings in frames (HTX, in the simulator). */
class WebSocketFeedTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldInflateGzipFramesAndAnswerTheVenuesPings() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        try (Simulator sim = Simulator.start(SimConfig.defaults().withRates(50, 20))) {
            ConnectionSpec spec = VenueRegistry.of(Venue.HTX_LINEAR).feedPlan(Venue.HTX_LINEAR)
                    .connections(Endpoints.simulator(sim.uri()).of(Venue.HTX_LINEAR).webSocket(), List.of(), Channels.ALL).get(0);
            List<String> frames = new CopyOnWriteArrayList<>();
            FeedStats stats = new FeedStats();
            try (WebSocketFeed feed = new WebSocketFeed(spec, HttpClient.newHttpClient(), (s, t, text) -> frames.add(text),
                    scheduler, WebSocketFeed.Policy.standard(), stats, new ConnectGate(java.time.Duration.ZERO))) {
                feed.start();
                while (sim.stats().keepaliveReplies.get() == 0
                        || frames.stream().noneMatch(f -> f.startsWith("{\"op\":\"notify\",\"topic\":\"public.BTC-USDT.liquidation_orders\""))) {
                    Thread.sleep(20); // waits on the condition above; the test's timeout bounds it (the venue pings every 5 s)
                }
            }
            assertThat(frames).anyMatch(f -> f.startsWith("{\"op\":\"sub\",\"cid\":\"cascade\"") && f.contains("\"err-code\":0"));
            assertThat(frames).anyMatch(f -> f.startsWith("{\"op\":\"ping\",\"ts\":\""));
            assertThat(stats.of(Venue.HTX_LINEAR).binaryFrames.get()).as("every binary frame was gzip").isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void shouldInflateOnlyGzipAndRefuseWhatIsBrokenOrNotGzip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write("{\"op\":\"ping\",\"ts\":\"1\"}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] gz = bytes.toByteArray();
        assertThat(WebSocketFeed.inflate(gz, gz.length)).isEqualTo("{\"op\":\"ping\",\"ts\":\"1\"}");
        assertThat(WebSocketFeed.inflate(gz, gz.length - 6)).as("truncated").isNull();
        byte[] plain = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebSocketFeed.inflate(plain, plain.length)).isNull();
    }
}
