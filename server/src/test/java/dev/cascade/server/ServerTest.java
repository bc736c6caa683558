package dev.cascade.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.model.Instrument;
import dev.cascade.model.Micros;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.output.json.Json;
import dev.cascade.output.json.LiquidationJson;
import dev.cascade.testkit.Events;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every endpoint over real HTTP on 127.0.0.1 and an ephemeral port: answers, auth, bad parameters, limits. */
class ServerTest {
    /** 2025-06-05T14:00:00Z. */
    private static final long T0 = 1_749_132_000_000_000L;
    private static final String TOKEN = "s3cret-token-for-tests";

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument eth = events.linear(Venue.BYBIT_LINEAR, "ETHUSDT", "ETH");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Server> servers = new ArrayList<>();
    private MarketState state;
    private Published published;
    private Stream stream;

    @AfterEach
    void stop() {
        servers.forEach(Server::close);
    }

    /** Three liquidations ($1.25M long BTC at 14:00, $250K short BTC at 14:30, $50K long ETH at 14:45) and trades. */
    private Server serve(Server.Settings settings) {
        state = new MarketState(MarketState.Retention.REPLAY);
        for (int m = 0; m < 120; m++) {
            state.onTrade(Events.trade(btc, m % 3 == 0 ? TakerSide.SELL : TakerSide.BUY, 1, 100_000 + m, m,
                    T0 + m * Micros.PER_MINUTE));
        }
        state.onLiquidation(Events.liquidation(btc, Side.LONG, 12.5, 100_000, T0));
        state.onLiquidation(Events.liquidation(btc, Side.SHORT, 2.5, 100_000, T0 + 30 * Micros.PER_MINUTE));
        state.onLiquidation(Events.liquidation(eth, Side.LONG, 20, 2_500, T0 + 45 * Micros.PER_MINUTE));
        published = Published.of(Figures.of(state, FigureSettings.DEFAULT), state.counts().events(),
                FigureSettings.DEFAULT);
        stream = new Stream();
        Server s = Server.start(MarketView.fixed(state, published), stream, settings);
        servers.add(s);
        return s;
    }

    private HttpResponse<String> get(Server s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void shouldAnswerTheSummaryWithTheReplaysLiquidationsObject() throws Exception {
        Server s = serve(Server.Settings.local(0));
        HttpResponse<String> r = get(s, "/api/v1/liquidations/summary?window=24h");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode j = json(r);
        assertThat(j).isEqualTo(Json.MAPPER.readTree(LiquidationJson.summary(Figures.of(state, FigureSettings.DEFAULT)
                .windows().get("24h")).toString()));
        assertThat(j.path("usd").decimalValue()).isEqualByComparingTo("1550000");
        assertThat(j.path("longUsd").decimalValue()).isEqualByComparingTo("1300000");
        assertThat(j.path("byCoin").path("BTC").path("usd").decimalValue()).isEqualByComparingTo("1500000");
        assertThat(j.path("estimatedUsd").decimalValue()).isPositive();
        // the last hour (14:00 to 14:59:59.999999 ends at the last event, 15:59): nothing
        assertThat(json(get(s, "/api/v1/liquidations/summary?window=1h")).path("count").asLong()).isZero();
        JsonNode eth = json(get(s, "/api/v1/liquidations/summary?window=all&coin=ETH"));
        assertThat(eth.path("coin").asText()).isEqualTo("ETH");
        assertThat(eth.path("usd").decimalValue()).isEqualByComparingTo("50000");
        JsonNode bybit = json(get(s, "/api/v1/liquidations/summary?window=all&exchange=bybit"));
        assertThat(bybit.path("usd").decimalValue()).isEqualByComparingTo("50000");
        assertThat(json(get(s, "/api/v1/liquidations/summary?window=all&venue=okx-swap")).path("count").asLong()).isZero();
    }

    @Test
    void shouldListLiquidationsNewestFirstAPageAtATime() throws Exception {
        Server s = serve(Server.Settings.local(0));
        JsonNode page1 = json(get(s, "/api/v1/liquidations?limit=2"));
        assertThat(page1.path("items")).hasSize(2);
        assertThat(page1.path("items").get(0).path("coin").asText()).isEqualTo("ETH");
        assertThat(page1.path("items").get(0).path("time").asText()).isEqualTo("2025-06-05T14:45:00Z");
        assertThat(page1.path("items").get(1).path("side").asText()).isEqualTo("short");
        String next = page1.path("next").asText();
        JsonNode page2 = json(get(s, "/api/v1/liquidations?limit=2&cursor=" + next));
        assertThat(page2.path("items")).hasSize(1);
        assertThat(page2.path("items").get(0).path("usd").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(page2.path("next").isNull()).isTrue();
        JsonNode longs = json(get(s, "/api/v1/liquidations?side=long&minUsd=100000&from=2025-06-05T13:00:00Z"));
        assertThat(longs.path("items")).hasSize(1);
        assertThat(longs.path("items").get(0).path("venue").asText()).isEqualTo("binance-usdm");
        JsonNode bars = json(get(s, "/api/v1/liquidations/bars?venue=binance-usdm"));
        assertThat(bars.path("bars").path("binance-usdm")).hasSize(2);
        assertThat(bars.path("bars").path("binance-usdm").get(0).path("longUsd").decimalValue())
                .isEqualByComparingTo("1250000");
    }

    @Test
    void shouldServeThePublishedBytesAndReadThemBackToTheSameBytes() throws Exception {
        Server s = serve(Server.Settings.local(0));
        com.fasterxml.jackson.databind.node.ObjectNode sections = Json.MAPPER.createObjectNode();
        dev.cascade.output.json.FiguresJson.sections(sections, Figures.of(state, FigureSettings.DEFAULT),
                FigureSettings.DEFAULT); // the tree the read-out was written from, made again
        assertThat(published.sections().keySet()).containsExactlyElementsOf(() -> sections.fieldNames());
        for (String name : published.sections().keySet()) {
            assertThat(new String(published.sections().get(name), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(Json.text(sections.get(name)))
                    .isEqualTo(Json.text(published.section(name))); // read back: decimals keep their scale
        }
        assertThat(get(s, "/api/v1/taker").body()).isEqualTo(Json.text(sections.get("taker")));
        assertThat(get(s, "/api/v1/price?coin=BTC").body())
                .isEqualTo(Json.text(sections.path("price").path("byCoin").path("BTC")));
        assertThat(get(s, "/api/v1/liquidations/summary?window=all").body())
                .isEqualTo(Json.text(LiquidationJson.summary(Figures.of(state, FigureSettings.DEFAULT).liquidations())));
    }

    @Test
    void shouldServeEverySectionAndCoinFilter() throws Exception {
        Server s = serve(Server.Settings.local(0));
        JsonNode taker = json(get(s, "/api/v1/taker?coin=BTC"));
        assertThat(taker).isEqualTo(Json.MAPPER.readTree(published.section("taker").path("byCoin").path("BTC").toString()));
        assertThat(taker.path("buyUsd").asDouble() + taker.path("sellUsd").asDouble()).isPositive();
        assertThat(json(get(s, "/api/v1/price?coin=BTC")).path("first").asDouble()).isEqualTo(100_000);
        assertThat(json(get(s, "/api/v1/price?coin=BTC")).path("last").asDouble()).isEqualTo(100_119);
        assertThat(get(s, "/api/v1/price?coin=DOGE").statusCode()).isEqualTo(404);
        for (String path : new String[] {"/api/v1/open-interest", "/api/v1/heatmap", "/api/v1/events",
            "/api/v1/overview", "/api/v1/sentiment", "/api/v1/health", "/api/v1/openapi.json"}) {
            HttpResponse<String> r = get(s, path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            json(r); // JSON throughout
        }
        assertThat(json(get(s, "/api/v1/health")).path("events").asLong()).isEqualTo(123);
        assertThat(json(get(s, "/api/v1/openapi.json")).path("paths").has("/api/v1/liquidations/summary")).isTrue();
        HttpResponse<String> metrics = get(s, "/metrics");
        assertThat(metrics.body()).contains("cascade_events_total 123.0");
        HttpResponse<String> dashboard = get(s, "/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<title>Cascade</title>");
        assertThat(get(s, "/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(get(s, "/api/v1/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldChartAMonthOfLiquidationsInDailyBars() throws Exception {
        Server s = serve(Server.Settings.local(0));
        // 20 days before the others: past the per-liquidation log (8 days in a replay), within the hourly totals
        state.onLiquidation(Events.liquidation(btc, Side.LONG, 3, 100_000, T0 - 20 * Micros.PER_DAY));
        JsonNode month = json(get(s, "/api/v1/history?range=30d&by=side"));
        assertThat(month.path("bar").asText()).isEqualTo("1d");
        JsonNode longs = month.path("liquidations").path("series").path("long");
        assertThat(longs.size()).isEqualTo(30);
        assertThat(month.path("liquidations").path("from").asText()).isEqualTo("2025-05-16T14:00:00Z");
        assertThat(longs.get(9).asLong()).as("2025-05-16").isEqualTo(300_000);
        assertThat(longs.get(29).asLong()).as("2025-06-05").isEqualTo(1_300_000);
        assertThat(month.path("liquidations").path("series").path("short").get(29).asLong()).isEqualTo(250_000);
        JsonNode hour = json(get(s, "/api/v1/history?range=1h&by=side"));
        assertThat(hour.path("bar").asText()).isEqualTo("1m");
    }

    @Test
    void shouldRefuseBadParametersWithTheReason() throws Exception {
        Server s = serve(Server.Settings.local(0));
        String[][] cases = {
            {"/api/v1/liquidations/summary?window=2d", "window must be one of"},
            {"/api/v1/liquidations/summary?coin=btc", "coin must be"},
            {"/api/v1/liquidations/summary?coin=BTC&venue=okx-swap", "at most one of"},
            {"/api/v1/liquidations/summary?venue=kraken", "venue must be one of"},
            {"/api/v1/liquidations?limit=5000", "limit must be an integer from 1 to 1000"},
            {"/api/v1/liquidations?from=yesterday", "from must be an ISO-8601 time"},
            {"/api/v1/liquidations?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z", "longer than 7 days"},
            {"/api/v1/liquidations?cursor=1;DROP%20TABLE", "cursor must be"},
            {"/api/v1/liquidations?coin=BTC&coin=ETH", "more than once"},
            {"/api/v1/taker?symbol=BTC", "unknown parameter 'symbol'"},
            {"/api/v1/liquidations?minUsd=NaN", "minUsd must be a number"}};
        for (String[] c : cases) {
            HttpResponse<String> r = get(s, c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(json(r).path("error").asText()).as(c[0]).contains(c[1]);
        }
    }

    @Test
    void shouldRequireTheTokenWhereOneIsConfiguredAndAlwaysForAdmin() throws Exception {
        Server open = serve(Server.Settings.local(0));
        HttpResponse<String> closed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + open.port()
                + "/api/v1/admin/refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(403);

        int[] refreshed = {0};
        Server s = serve(new Server.Settings("127.0.0.1", 0, TOKEN, null, 0, r -> { }, () -> refreshed[0]++));
        assertThat(get(s, "/api/v1/liquidations/summary").statusCode()).isEqualTo(401);
        assertThat(get(s, "/api/v1/liquidations/summary", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get(s, "/api/v1/liquidations/summary", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        // the query token is for the stream only (GuardTest): a URL that carries it elsewhere is refused
        assertThat(get(s, "/api/v1/liquidations/summary?access_token=" + TOKEN).statusCode()).isEqualTo(401);
        assertThat(get(s, "/metrics").statusCode()).isEqualTo(401);
        assertThat(get(s, "/api/v1/health").statusCode()).isEqualTo(200); // for probes
        HttpRequest admin = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/admin/refresh"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(admin, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(refreshed[0]).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnExposedAddressWithoutAToken() {
        Server.Settings exposed = new Server.Settings("0.0.0.0", 0, null, null, 100, r -> { }, () -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serve(exposed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a token");
    }

    @Test
    void shouldRefuseOversizedRequestsAndFloods() throws Exception {
        Server s = serve(Server.Settings.local(0).withToken(TOKEN).withRate(5));
        HttpRequest big = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/admin/refresh"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1 << 20))).build();
        assertThat(http.send(big, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        HttpResponse<String> longUrl = get(s, "/api/v1/health?x=" + "a".repeat(20_000));
        assertThat(longUrl.statusCode()).isIn(414, 431);
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = get(s, "/api/v1/health");
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            }
        }
        assertThat(refused).isGreaterThan(10); // a burst of 10, then 5 a second
    }

    @Test
    void shouldStreamLiquidationsAsServerSentEvents() throws Exception {
        Server s = serve(Server.Settings.local(0));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/stream"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo(": connected");
            stream.onLiquidation(Events.liquidation(btc, Side.LONG, 1, 99_000, T0 + Micros.PER_HOUR));
            String event = null;
            String data = null;
            for (String line; (line = in.readLine()) != null && data == null; ) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            assertThat(event).isEqualTo("liquidation");
            JsonNode j = Json.MAPPER.readTree(data);
            assertThat(j.path("usd").decimalValue()).isEqualByComparingTo("99000");
            assertThat(j.path("side").asText()).isEqualTo("long");
            assertThat(j.path("time").asText()).isEqualTo("2025-06-05T15:00:00Z");
        }
    }
}
