package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.server.Server;
import dev.cascade.output.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-pressure without failure: a live run whose pipeline is stopped on purpose (a listener that blocks) keeps
 * answering, its read-outs wait or skip a turn without an error, the waits show in the metrics, and once the
 * pipeline goes on nothing received is lost: the run's totals equal a replay of its recording.
 */
class BusyPipelineTest {
    private static final String TOKEN = "a-token-of-sixteen-or-more";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** Blocks the pipeline thread on every event while the gate is shut. */
    static final class Gate implements MarketListener {
        volatile CountDownLatch open = new CountDownLatch(0);

        @Override
        public void onLiquidation(Liquidation e) {
            try {
                open.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldWaitOrSkipATurnWhenThePipelineIsBehindAndLoseNothing() throws Exception {
        Gate gate = new Gate();
        Path recordings = dir.resolve("recordings");
        try (LiveHarness h = new LiveHarness(200, recordings, false, false,
                Server.Settings.local(0).withRate(0).withToken(TOKEN), gate)) {
            h.start();
            String base = "http://127.0.0.1:" + h.job.serverPort();
            awaitPublished(base);

            gate.open = new CountDownLatch(1); // the pipeline stops at its next liquidation
            try {
                checkWhileStopped(h, base);
            } finally {
                gate.open.countDown(); // the pipeline goes on
            }
            assertThat(h.job.refreshNow(Duration.ofSeconds(60))).as("made once the pipeline caught up").isTrue();
            h.job.close(); // drained: every frame received is decoded and recorded
            assertThat(h.tap.liquidations).as("liquidations received").hasSizeGreaterThan(10);

            long liquidations = h.job.result().state().counts().liquidations();
            assertThat(liquidations).isEqualTo(h.tap.liquidations.size());
            List<String> replay = new ArrayList<>(List.of("replay", "--format", "json"));
            try (Stream<Path> files = Files.list(recordings)) {
                files.sorted().forEach(p -> replay.add(p.toString()));
            }
            JsonNode replayed = Cli.run(replay.toArray(String[]::new)).json();
            assertThat(replayed.path("counts").path("liquidations").asLong()).as("nothing received was lost")
                    .isEqualTo(liquidations);
            assertThat(replayed.path("liquidations").path("usd").decimalValue()).isEqualByComparingTo(
                    RunJson.render(h.job.result(), dev.cascade.analytics.figures.FigureSettings.DEFAULT)
                            .path("liquidations").path("usd").decimalValue());
        }
    }

    /** While the pipeline is stopped: frames queue up, read-outs skip their turn, the API answers. */
    private void checkWhileStopped(LiveHarness h, String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (h.job.backlog() < 100) {
            assertThat(System.nanoTime()).as("frames queue up behind the stopped pipeline").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(h.job.refreshNow(Duration.ofMillis(300))).as("not made: the pipeline is behind").isFalse();
        HttpResponse<String> refresh = send(base + "/api/v1/admin/refresh", "POST");
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
        HttpResponse<String> summary = send(base + "/api/v1/liquidations/summary?window=all", "GET");
        assertThat(summary.statusCode()).as("the figures published last").isEqualTo(200);
        assertThat(Json.MAPPER.readTree(summary.body()).path("count").asLong()).isPositive();
        HttpResponse<String> list = send(base + "/api/v1/liquidations?limit=5", "GET");
        assertThat(list.statusCode()).as("a query of the live state skips its turn").isEqualTo(503);
        String metrics = send(base + "/metrics", "GET").body();
        assertThat(waits(metrics)).as("the waits are counted").isGreaterThanOrEqualTo(2);
        assertThat(metrics).contains("cascade_figures_age_seconds");
    }

    private static double waits(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("cascade_readout_waits_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitPublished(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> r = send(base + "/api/v1/liquidations/summary?window=all", "GET");
            if (r.statusCode() == 200 && Json.MAPPER.readTree(r.body()).path("count").asLong() > 0) {
                return;
            }
            assertThat(System.nanoTime()).as("a first read-out").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(String url, String method) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(30));
        b = "POST".equals(method) ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
