package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.output.json.Json;
import dev.cascade.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One section, one text: {@code cascade replay --format json --bars} and the API serving the same input (as
 * {@code cascade serve} does) give byte-identical JSON for every section, and neither writes a number in
 * exponent notation.
 */
class OutputBytesTest {
    /** A number in exponent notation outside a string: 1.046E+5, 3E7. */
    private static final Pattern EXPONENT = Pattern.compile("[0-9]\\.?[0-9]*[eE][+-]?[0-9]");

    private static Server server;
    private static String base;
    private static String cli;

    @BeforeAll
    static void replayAndServeTheSample() throws Exception {
        Cli run = Cli.run("replay", "--format", "json", "--bars", SampleServer.sample().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        cli = run.out().trim();
        server = SampleServer.start(Server.Settings.local(0).withRate(0));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerEverySectionWithTheCommandLinesBytes() throws Exception {
        Map<String, String> sections = topLevel(cli);
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("liquidations", "/api/v1/liquidations/summary?window=all");
        endpoints.put("taker", "/api/v1/taker");
        endpoints.put("price", "/api/v1/price");
        endpoints.put("openInterest", "/api/v1/open-interest");
        endpoints.put("heatmap", "/api/v1/heatmap");
        endpoints.put("overview", "/api/v1/overview");
        endpoints.put("sentiment", "/api/v1/sentiment");
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            String api = get(e.getValue());
            assertThat(api).as(e.getKey()).isEqualTo(sections.get(e.getKey()));
        }
        Map<String, String> windows = topLevel(sections.get("windows"));
        assertThat(windows.keySet()).containsExactlyElementsOf(FigureSettings.LIQUIDATION_WINDOWS.keySet());
        for (Map.Entry<String, String> w : windows.entrySet()) {
            assertThat(get("/api/v1/liquidations/summary?window=" + w.getKey())).as(w.getKey()).isEqualTo(w.getValue());
        }
        // not vacuous: the sections hold the day's figures, prices among them
        assertThat(sections.get("price")).contains("\"BTC\"");
        assertThat(sections.get("taker").length()).isGreaterThan(1_000);
    }

    @Test
    void shouldNeverWriteANumberInExponentNotation() throws Exception {
        assertThat(EXPONENT.matcher(withoutStrings(cli)).find()).as("replay --format json").isFalse();
        for (String path : List.of("/api/v1/price", "/api/v1/taker", "/api/v1/heatmap", "/api/v1/liquidations?limit=500",
                "/api/v1/events", "/api/v1/history?coin=BTC", "/api/v1/heatmap/grid?coin=BTC")) {
            assertThat(EXPONENT.matcher(withoutStrings(get(path))).find()).as(path).isFalse();
        }
    }

    @Test
    void shouldGiveOneLiquidationOneShapeWhereverItIsWritten() throws Exception {
        var largest = Json.MAPPER.readTree(sections("liquidations")).path("largest");
        var listed = Json.MAPPER.readTree(get("/api/v1/liquidations?limit=1")).path("items").get(0);
        List<String> fields = List.of("time", "exchange", "venue", "symbol", "coin", "side", "usd", "price", "quantity");
        assertThat(iterable(largest.fieldNames())).containsExactlyElementsOf(fields);
        assertThat(iterable(listed.fieldNames())).containsExactlyElementsOf(fields);
    }

    private static String sections(String name) throws Exception {
        return topLevel(cli).get(name);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** The raw text of each member of a JSON object, as written. */
    private static Map<String, String> topLevel(String json) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                int from = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int to = (int) p.currentLocation().getCharOffset();
                out.put(name, json.substring(from, to));
            }
        }
        return out;
    }

    private static String withoutStrings(String json) {
        return json.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
