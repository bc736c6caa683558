package dev.cascade.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.model.Instrument;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import dev.cascade.testkit.PrometheusText;
import dev.cascade.testkit.PrometheusText.Family;
import io.micrometer.core.instrument.FunctionCounter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} scraped and parsed as Prometheus would: typed, described families with the served values. */
class MetricsTest {
    /** 2025-06-05T14:00:00Z. */
    private static final long T0 = 1_749_132_000_000_000L;

    private final Events events = new Events();
    private final Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
    private final Instrument eth = events.linear(Venue.BYBIT_LINEAR, "ETHUSDT", "ETH");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong callerCount = new AtomicLong(7);
    private Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** $1.25M and $50K of BTC longs and $250K of BTC shorts on Binance USD-M, $50K of ETH longs on Bybit. */
    private Server serve() {
        MarketState state = new MarketState(MarketState.Retention.REPLAY);
        state.onLiquidation(Events.liquidation(btc, Side.LONG, 12.5, 100_000, T0));
        state.onLiquidation(Events.liquidation(btc, Side.LONG, 0.5, 100_000, T0 + 60_000_000));
        state.onLiquidation(Events.liquidation(btc, Side.SHORT, 2.5, 100_000, T0 + 120_000_000));
        state.onLiquidation(Events.liquidation(eth, Side.LONG, 20, 2_500, T0 + 180_000_000));
        Published published = Published.of(Figures.of(state, FigureSettings.DEFAULT), state.counts().events(),
                FigureSettings.DEFAULT);
        Server.Settings settings = new Server.Settings("127.0.0.1", 0, null, null, 0, r ->
                FunctionCounter.builder("cascade_test_things", callerCount, AtomicLong::get)
                        .description("Things the caller counts").register(r), () -> { });
        server = Server.start(MarketView.fixed(state, published), new Stream(), settings);
        return server;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Family> scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(r.body());
    }

    @Test
    void shouldDescribeAndTypeEveryFamily() throws Exception {
        serve();
        Map<String, Family> families = scrape();
        assertThat(families).isNotEmpty();
        families.values().forEach(f -> {
            assertThat(f.help()).as("HELP of " + f.name()).isNotBlank();
            assertThat(f.samples()).as("samples of " + f.name()).isNotEmpty();
        });
        for (String counter : new String[] {"cascade_events_total", "cascade_liquidations_usd_total",
            "cascade_liquidations_total", "cascade_stream_dropped_total", "cascade_test_things_total"}) {
            assertThat(families.get(counter)).as(counter).isNotNull();
            assertThat(families.get(counter).type()).as(counter).isEqualTo("counter");
        }
        assertThat(families.get("cascade_stream_clients").type()).isEqualTo("gauge");
        assertThat(families.get("cascade_event_lag_seconds").type()).isEqualTo("gauge");
        assertThat(families.get("cascade_test_things_total").value("cascade_test_things_total")).isEqualTo(7);
    }

    @Test
    void shouldExposeLiquidationsByVenueAndSide() throws Exception {
        serve();
        Map<String, Family> f = scrape();
        assertThat(f.get("cascade_events_total").value("cascade_events_total")).isEqualTo(4);
        Family usd = f.get("cascade_liquidations_usd_total");
        assertThat(usd.value("cascade_liquidations_usd_total", "venue", "binance-usdm", "side", "long"))
                .isEqualTo(1_300_000);
        assertThat(usd.value("cascade_liquidations_usd_total", "venue", "binance-usdm", "side", "short"))
                .isEqualTo(250_000);
        assertThat(usd.value("cascade_liquidations_usd_total", "venue", "bybit-linear", "side", "long"))
                .isEqualTo(50_000);
        assertThat(usd.value("cascade_liquidations_usd_total", "venue", "okx-swap", "side", "short")).isZero();
        Family count = f.get("cascade_liquidations_total");
        assertThat(count.value("cascade_liquidations_total", "venue", "binance-usdm", "side", "long")).isEqualTo(2);
        assertThat(count.value("cascade_liquidations_total", "venue", "binance-usdm", "side", "short")).isEqualTo(1);
        assertThat(count.value("cascade_liquidations_total", "venue", "bybit-linear", "side", "short")).isZero();
        assertThat(f.get("cascade_event_lag_seconds").value("cascade_event_lag_seconds")).isPositive();
    }

    @Test
    void shouldExposeJvmAndProcessMetrics() throws Exception {
        serve();
        Map<String, Family> f = scrape();
        assertThat(f.get("jvm_memory_used_bytes").type()).isEqualTo("gauge");
        assertThat(f.get("jvm_memory_used_bytes").samples()).allSatisfy(s -> assertThat(s.value()).isNotNegative());
        assertThat(f.get("jvm_memory_used_bytes").samples().stream().mapToDouble(PrometheusText.Sample::value).sum())
                .isPositive();
        assertThat(f.get("jvm_threads_live_threads").value("jvm_threads_live_threads")).isGreaterThanOrEqualTo(1);
        assertThat(f.get("system_cpu_count").value("system_cpu_count"))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(f.get("process_uptime_seconds").value("process_uptime_seconds")).isPositive();
        assertThat(f.get("jvm_classes_loaded_classes").value("jvm_classes_loaded_classes")).isGreaterThan(1000);
        assertThat(f).containsKey("process_files_open_files");
    }

    @Test
    void shouldCountRequestsByRouteAndStatus() throws Exception {
        serve();
        assertThat(get("/api/v1/liquidations/summary").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/liquidations/summary").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/price?coin=DOGE").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/liquidations/summary?window=5y").statusCode()).isEqualTo(400);
        assertThat(get("/no/such/thing/12345").statusCode()).isEqualTo(404);
        Family f = scrape().get("cascade_http_requests_seconds");
        assertThat(f.type()).isEqualTo("summary");
        assertThat(f.value("cascade_http_requests_seconds_count", "method", "GET", "route",
                "/api/v1/liquidations/summary", "status", "200")).isEqualTo(2);
        assertThat(f.value("cascade_http_requests_seconds_count", "method", "GET", "route",
                "/api/v1/liquidations/summary", "status", "400")).isEqualTo(1);
        assertThat(f.value("cascade_http_requests_seconds_count", "method", "GET", "route", "/api/v1/price",
                "status", "404")).isEqualTo(1);
        assertThat(f.value("cascade_http_requests_seconds_count", "method", "GET", "route",
                ServerMeters.UNMATCHED, "status", "404")).isEqualTo(1);
        assertThat(f.samples()).noneMatch(s -> s.labels().getOrDefault("route", "").contains("12345"));
    }

    @Test
    void shouldRefuseTextThatIsNotTheFormat() {
        assertThatThrownBy(() -> PrometheusText.parse("x_total 1\n")).hasMessageContaining("outside its family");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x counter\ny_total 1\n")).hasMessageContaining("outside");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx{a=\"1} 2\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx one\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE x gauge\nx 1\nx 2\n")).hasMessageContaining("second");
        assertThat(PrometheusText.parse("# HELP x_total X.\n# TYPE x_total counter\nx_total{a=\"q\\\"\"} 2.5\n")
                .get("x_total").value("x_total", "a", "q\"")).isEqualTo(2.5);
    }
}
