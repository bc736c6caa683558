package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.server.Server;
import dev.cascade.output.json.Json;
import dev.cascade.testkit.PrometheusText;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code cascade live --serve} against the simulator: the API answers from the live run (summaries published
 * by the pipeline thread, lists queried on it), the stream carries its liquidations, metrics its feeds.
 */
class LiveServeTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldServeTheLiveRun() throws Exception {
        try (LiveHarness h = new LiveHarness(20, null, false, false, Server.Settings.local(0).withRate(0))) {
            h.start();
            String base = "http://127.0.0.1:" + h.job.serverPort();
            HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream"))
                    .header("Accept", "text/event-stream").build();
            HttpResponse<InputStream> stream = http.send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
            JsonNode streamed = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; streamed == null && (line = in.readLine()) != null; ) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && "liquidation".equals(event)) {
                        streamed = Json.MAPPER.readTree(line.substring(6));
                    }
                }
            }
            assertThat(streamed.path("usd").asDouble()).isPositive();

            JsonNode summary = awaitSummary(base);
            assertThat(summary.path("count").asLong()).isPositive();
            assertThat(summary.path("estimatedUsd").asDouble()).isGreaterThanOrEqualTo(summary.path("usd").asDouble());
            // refreshed now: the admin endpoint is closed without a token
            assertThat(send(base + "/api/v1/admin/refresh", true).statusCode()).isEqualTo(403);

            JsonNode page = awaitLiquidations(base, 5);
            assertThat(page.path("items")).hasSize(5);
            String newest = page.path("items").get(0).path("time").asText();
            String older = page.path("items").get(4).path("time").asText();
            assertThat(newest).isGreaterThanOrEqualTo(older);
            Map<String, PrometheusText.Family> metrics = PrometheusText.parse(send(base + "/metrics", false).body());
            metrics.values().forEach(f -> assertThat(f.help()).as(f.name()).isNotBlank());
            assertThat(metrics.get("cascade_frames_total").type()).isEqualTo("counter");
            assertThat(metrics.get("cascade_frames_total").value("cascade_frames_total", "venue", "binance-usdm"))
                    .isPositive();
            assertThat(metrics.get("cascade_frame_rejects_total").value("cascade_frame_rejects_total", "venue",
                    "binance-usdm")).isNotNegative();
            assertThat(metrics.get("cascade_reconnects_total").type()).isEqualTo("counter");
            assertThat(metrics.get("cascade_rejected_total").type()).isEqualTo("counter");
            assertThat(metrics.get("cascade_connections_live").value("cascade_connections_live")).isPositive();
            double liquidations = metrics.get("cascade_liquidations_total").samples().stream()
                    .mapToDouble(PrometheusText.Sample::value).sum();
            assertThat(liquidations).isGreaterThanOrEqualTo(summary.path("count").asLong()); // read out later
            assertThat(metrics.get("cascade_liquidations_usd_total").samples().stream()
                    .mapToDouble(PrometheusText.Sample::value).sum()).isPositive();
            assertThat(metrics).containsKeys("jvm_memory_used_bytes", "process_uptime_seconds",
                    "cascade_http_requests_seconds", "cascade_pipeline_backlog", "cascade_event_lag_seconds");
        }
    }

    /** The first published summary (the figures are read out every 5 s). */
    private JsonNode awaitSummary(String base) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            HttpResponse<String> r = send(base + "/api/v1/liquidations/summary?window=all", false);
            if (r.statusCode() == 200) {
                JsonNode j = Json.MAPPER.readTree(r.body());
                if (j.path("count").asLong() > 0) {
                    return j;
                }
            }
            assertThat(System.nanoTime()).as("a summary within 20 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * The newest {@code n} liquidations once the run has that many: with venues that push each liquidation at
     * once, the first read-out can come with fewer.
     */
    private JsonNode awaitLiquidations(String base, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            JsonNode page = Json.MAPPER.readTree(send(base + "/api/v1/liquidations?limit=" + n, false).body());
            if (page.path("items").size() >= n) {
                return page;
            }
            assertThat(System.nanoTime()).as(n + " liquidations within 20 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(String url, boolean isPost) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        b = isPost ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
