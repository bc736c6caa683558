package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market overview in a live run: fetched from the simulator's CoinGecko and alternative.me endpoints,
 * shown in the figures, recorded beside the frames, and read back by a replay of the recording.
 */
class LiveOverviewTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldFetchRecordAndReplayTheMarketOverview() throws Exception {
        ObjectNode live;
        List<Path> files;
        try (LiveHarness h = new LiveHarness(5, dir, false, true)) {
            h.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (h.job.snapshot() == null || h.job.snapshot().figures() == null
                    || h.job.snapshot().figures().overview() == null
                    || h.job.snapshot().figures().sentiment() == null
                    || h.job.snapshot().figures().sentiment().published() == null) {
                assertThat(System.nanoTime()).as("overview shown within 30 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            h.job.close();
            live = RunJson.render(h.job.result(), FigureSettings.DEFAULT);
            files = h.job.recordings();
        }
        List<JsonNode> recorded = documents(files);
        JsonNode global = recorded.stream().filter(d -> d.path("rest").asText().equals("/global")).reduce((a, b) -> b)
                .orElseThrow().path("frame").path("data");
        JsonNode overview = live.path("overview");
        assertThat(overview.path("totalMarketCapUsd").asDouble())
                .isCloseTo(global.path("total_market_cap").path("usd").asDouble(), within(0.01));
        assertThat(overview.path("btcDominancePct").asDouble())
                .isCloseTo(global.path("market_cap_percentage").path("btc").asDouble(), within(1e-4));
        assertThat(recorded).extracting(d -> d.path("venue").asText()).contains("coingecko", "alternative.me");
        JsonNode fng = recorded.stream().filter(d -> d.path("venue").asText().equals("alternative.me")).findFirst()
                .orElseThrow().path("frame").path("data").get(0);
        assertThat(live.path("sentiment").path("published").path("value").asInt()).isEqualTo(fng.path("value").asInt());
        assertThat(live.path("counts").path("overview").asLong()).isGreaterThanOrEqualTo(3);

        ObjectNode replayed = RunJson.render(new ReplayJob(1 << 23).run(files, bytes -> { }), FigureSettings.DEFAULT);
        assertThat(replayed.path("overview")).isEqualTo(overview);
        assertThat(replayed.path("sentiment").path("published")).isEqualTo(live.path("sentiment").path("published"));
        assertThat(replayed.path("rejected").path("count").asLong()).isZero();
    }

    private static List<JsonNode> documents(List<Path> files) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("\"venue\":\"coingecko\"") || line.contains("\"venue\":\"alternative.me\"")) {
                        out.add(RunJson.MAPPER.readTree(line));
                    }
                }
            }
        }
        return out;
    }
}
