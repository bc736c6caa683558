package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Venue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> read(Path gz) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void shouldRotateIntoCompleteFilesThatEachStartWithTheMetadata() throws Exception {
        byte[] metadata = "{\"code\":\"0\",\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"ctVal\":\"0.01\"}]}".getBytes(StandardCharsets.UTF_8);
        int frames = 0;
        try (RecordingWriter w = new RecordingWriter(dir, Duration.ofMillis(150))) {
            w.metadata(Venue.OKX_SWAP, "/api/v5/public/instruments?instType=SWAP", 1_749_132_000_000_000L, metadata);
            for (int i = 0; i < 40; i++) {
                w.frame(Venue.OKX_SWAP, 1_749_132_000_000_000L + i, ("{\"arg\":{\"channel\":\"trades\"},\"n\":" + i + "}")
                        .getBytes(StandardCharsets.UTF_8), true);
                frames++;
                Thread.sleep(15);
            }
            w.frame(Venue.OKX_SWAP, 1_749_132_000_000_100L, "pong".getBytes(StandardCharsets.UTF_8), false);
            w.frame(Venue.BINANCE_USDM, 1_749_132_000_000_101L, "\u0001bad \"frame\"".getBytes(StandardCharsets.UTF_8), false);
            w.rest(Venue.BINANCE_USDM, "/fapi/v1/aggTrades?symbol=BTCUSDT&fromId=5&limit=2", 1_749_132_000_000_102L,
                    "[{\"a\":5}]".getBytes(StandardCharsets.UTF_8));
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(2);
        int seen = 0;
        List<JsonNode> last = null;
        for (Path f : files) {
            List<JsonNode> lines = read(f); // a complete gzip stream, or this throws
            assertThat(lines.get(0).path("rest").asText()).isEqualTo("/api/v5/public/instruments?instType=SWAP");
            assertThat(lines.get(0).path("frame").path("data").get(0).path("ctVal").asText()).isEqualTo("0.01");
            seen += (int) lines.stream().filter(l -> l.path("frame").has("n")).count();
            last = lines;
        }
        assertThat(seen).isEqualTo(frames);
        assertThat(last.get(last.size() - 3).path("frame").asText()).isEqualTo("pong");
        assertThat(last.get(last.size() - 2).path("frame").asText()).isEqualTo("\u0001bad \"frame\"");
        assertThat(last.get(last.size() - 1).path("rest").asText()).startsWith("/fapi/v1/aggTrades?symbol=BTCUSDT");
        assertThat(last.get(last.size() - 1).path("ts").asLong()).isEqualTo(1_749_132_000_000_102L);
    }
}
