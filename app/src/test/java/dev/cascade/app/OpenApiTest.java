package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cascade.output.json.Json;
import dev.cascade.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi.json} describes what the API answers: the real answers of every endpoint on the sample, with and
 * without a coin, and its errors, are valid against the spec's schemas (JSON Schema 2020-12, as OpenAPI 3.1 has
 * them; objects closed with {@code additionalProperties: false}, so a field the spec does not name fails too).
 */
class OpenApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Server server;
    private static String base;
    private static JsonNode spec;

    @BeforeAll
    static void serveTheSample() throws Exception {
        server = SampleServer.start(Server.Settings.local(0).withRate(0));
        base = "http://127.0.0.1:" + server.port();
        spec = Json.MAPPER.readTree(send("GET", "/api/v1/openapi.json").body());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldDescribeEveryAnswerOfEveryEndpoint() throws Exception {
        Set<String> asked = new LinkedHashSet<>();
        for (String path : List.of("/api/v1/health", "/api/v1/liquidations/summary",
                "/api/v1/liquidations/summary?window=1h&coin=BTC", "/api/v1/liquidations/summary?venue=okx-swap",
                "/api/v1/liquidations/summary?exchange=bybit&window=all", "/api/v1/liquidations/summary?coin=DOGE",
                "/api/v1/liquidations?limit=20", "/api/v1/liquidations?coin=ETH&side=short&limit=5",
                "/api/v1/liquidations/bars", "/api/v1/liquidations/bars?venue=bybit-linear", "/api/v1/taker",
                "/api/v1/taker?coin=BTC", "/api/v1/price", "/api/v1/price?coin=ETH", "/api/v1/open-interest",
                "/api/v1/open-interest?coin=BTC", "/api/v1/heatmap", "/api/v1/heatmap?coin=BTC",
                "/api/v1/heatmap/grid?coin=BTC", "/api/v1/history", "/api/v1/history?coin=BTC&range=7d&by=exchange",
                "/api/v1/history?range=1h&by=side", "/api/v1/events", "/api/v1/events?coin=BTC", "/api/v1/overview",
                "/api/v1/sentiment")) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            assertThat(errors(path, "get", "200", r.body())).as(path).isEmpty();
            asked.add(path.replaceAll("\\?.*", ""));
        }
        HttpResponse<String> refresh = send("POST", "/api/v1/admin/refresh");
        assertThat(errors("/api/v1/admin/refresh", "post", String.valueOf(refresh.statusCode()), refresh.body()))
                .isEmpty();
        asked.add("/api/v1/admin/refresh");
        // every JSON endpoint the spec lists was asked (the stream and /metrics are not JSON)
        List<String> listed = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(listed::add);
        listed.removeAll(List.of("/api/v1/stream", "/metrics", "/api/v1/openapi.json"));
        assertThat(asked).containsAll(listed);
    }

    @Test
    void shouldDescribeTheErrors() throws Exception {
        for (Map.Entry<String, String> e : Map.of("/api/v1/liquidations/summary?window=2d", "400",
                "/api/v1/taker?coin=XYZ", "404", "/api/v1/heatmap/grid", "400", "/api/v1/liquidations?limit=0", "400",
                "/api/v1/history?range=1y", "400").entrySet()) {
            HttpResponse<String> r = send("GET", e.getKey());
            assertThat(String.valueOf(r.statusCode())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(errors(e.getKey(), "get", e.getValue(), r.body())).as(e.getKey()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnAnswerThatDoesNotMatch() throws Exception {
        // not vacuous: a field the spec does not name, or a wrong type, is found
        ObjectNode health = (ObjectNode) Json.MAPPER.readTree(send("GET", "/api/v1/health").body());
        health.put("surprise", 1);
        assertThat(errors("/api/v1/health", "get", "200", Json.text(health))).isNotEmpty();
        health.remove("surprise");
        health.put("events", "many");
        assertThat(errors("/api/v1/health", "get", "200", Json.text(health))).isNotEmpty();
    }

    /** The body's violations of the schema the spec gives for {@code path}'s {@code method} and {@code status}. */
    private static List<String> errors(String path, String method, String status, String body) throws Exception {
        String route = path.replaceAll("\\?.*", "");
        JsonNode schema = spec.path("paths").path(route).path(method).path("responses").path(status).path("content")
                .path("application/json").path("schema");
        assertThat(schema.isObject()).as("a schema for " + method + " " + route + " " + status).isTrue();
        ObjectNode root = spec.deepCopy(); // the schema's $refs point into the spec's components
        root.setAll((ObjectNode) schema);
        Schema validator = SCHEMAS.getSchema(root);
        List<String> out = new ArrayList<>();
        for (Error e : validator.validate(Json.MAPPER.readTree(body))) {
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
