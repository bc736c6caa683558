package dev.cascade.venues.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Venue;
import dev.cascade.venues.binance.BinanceFeedPlan;
import dev.cascade.venues.bybit.BybitFeedPlan;
import dev.cascade.venues.okx.OkxFeedPlan;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPlansTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> symbols(int n, String suffix) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add("C" + i + suffix);
        }
        return s;
    }

    private static List<String> params(ConnectionSpec c, String field) throws Exception {
        List<String> out = new ArrayList<>();
        for (String m : c.subscribeMessages()) {
            JSON.readTree(m).path(field).forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    @Test
    void shouldSpreadBinanceStreamsOverConnectionsOfAtMostTwoHundred() throws Exception {
        List<ConnectionSpec> specs = BinanceFeedPlan.usdm().connections(URI.create("wss://fstream.binance.com/market"),
                symbols(250, "USDT"), Channels.ALL);
        assertThat(specs).hasSize(3); // 1 + 2 x 250 streams
        assertThat(specs.get(0).uri()).isEqualTo(URI.create("wss://fstream.binance.com/market/stream"));
        int total = 0;
        for (ConnectionSpec c : specs) {
            List<String> streams = params(c, "params");
            assertThat(streams).hasSizeLessThanOrEqualTo(200);
            total += streams.size();
            for (String m : c.subscribeMessages()) {
                JsonNode j = JSON.readTree(m);
                assertThat(j.path("method").asText()).isEqualTo("SUBSCRIBE");
                assertThat(j.path("params").size()).isLessThanOrEqualTo(50);
            }
            assertThat(c.messageSpacing()).isGreaterThanOrEqualTo(Duration.ofMillis(100)); // at most 10 messages a second
            assertThat(c.rotateAfter()).isLessThan(Duration.ofHours(24));
            assertThat(c.keepalive().kind()).isEqualTo(Keepalive.Kind.CONTROL_PONG);
        }
        assertThat(total).isEqualTo(501);
        assertThat(params(specs.get(0), "params")).contains("\"!forceOrder@arr\"", "\"c0usdt@aggTrade\"", "\"c0usdt@markPrice@1s\"");
    }

    @Test
    void shouldGiveALiquidationOnlyBinanceConnectionAHeartbeatStream() throws Exception {
        List<ConnectionSpec> specs = BinanceFeedPlan.coinm().connections(URI.create("wss://dstream.binance.com"),
                List.of("BTCUSD_PERP", "ETHUSD_PERP"), Channels.LIQUIDATIONS_ONLY);
        assertThat(specs).hasSize(1);
        assertThat(specs.get(0).uri()).isEqualTo(URI.create("wss://dstream.binance.com/stream"));
        assertThat(params(specs.get(0), "params")).containsExactly("\"!forceOrder@arr\"", "\"btcusd_perp@markPrice@1s\"");
    }

    @Test
    void shouldSubscribeBybitTopicsPerSymbolAndPingEveryTwentySeconds() throws Exception {
        List<ConnectionSpec> specs = BybitFeedPlan.linear().connections(URI.create("wss://stream.bybit.com/v5/public/linear"),
                symbols(150, "USDT"), Channels.ALL);
        assertThat(specs).hasSize(2);
        List<String> topics = params(specs.get(0), "args");
        assertThat(topics).hasSize(300).contains("\"allLiquidation.C0USDT\"", "\"publicTrade.C0USDT\"", "\"tickers.C0USDT\"");
        assertThat(specs.get(0).keepalive()).isEqualTo(Keepalive.textEvery("{\"op\":\"ping\"}", Duration.ofSeconds(20)));
        assertThat(specs.get(0).isError().test("{\"success\":false,\"ret_msg\":\"error:topic not found\"}")).isTrue();
        assertThat(specs.get(0).isError().test("{\"success\":true,\"ret_msg\":\"pong\",\"op\":\"ping\"}")).isFalse();
        JsonNode page = JSON.readTree("{\"result\":{\"nextPageCursor\":\"abc=\",\"list\":[]}}");
        assertThat(BybitFeedPlan.linear().nextPagePath(page)).isEqualTo(
                "/v5/market/instruments-info?category=linear&limit=1000&cursor=abc%3D");
        assertThat(BybitFeedPlan.linear().nextPagePath(JSON.readTree("{\"result\":{\"nextPageCursor\":\"\"}}"))).isNull();
    }

    @Test
    void shouldPutOkxLiquidationsOnTheFirstConnectionAndPingWhenIdle() throws Exception {
        List<ConnectionSpec> specs = new OkxFeedPlan().connections(URI.create("wss://ws.okx.com:8443/ws/v5/public"),
                symbols(120, "-USDT-SWAP"), Channels.ALL);
        assertThat(specs).hasSize(2);
        List<String> first = params(specs.get(0), "args");
        assertThat(first.get(0)).isEqualTo("{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"}");
        assertThat(first).hasSize(301);
        assertThat(params(specs.get(1), "args")).hasSize(60).noneMatch(a -> a.contains("liquidation-orders"));
        assertThat(specs.get(0).keepalive()).isEqualTo(Keepalive.textWhenIdle("ping", Duration.ofSeconds(20)));
        assertThat(specs.get(0).staleAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new OkxFeedPlan().connectSpacing()).isGreaterThanOrEqualTo(Duration.ofMillis(334));
        List<ConnectionSpec> liquidationsOnly = new OkxFeedPlan().connections(URI.create("wss://x"), List.of(),
                Channels.LIQUIDATIONS_ONLY);
        assertThat(liquidationsOnly).hasSize(1);
    }

    @Test
    void shouldPointEveryVenueAtTheSimulatorsPaths() {
        Endpoints sim = Endpoints.simulator(URI.create("http://127.0.0.1:9310/"));
        assertThat(sim.of(Venue.BINANCE_USDM).webSocket()).isEqualTo(URI.create("ws://127.0.0.1:9310/binance-usdm/market"));
        assertThat(sim.of(Venue.OKX_SWAP).rest()).isEqualTo(URI.create("http://127.0.0.1:9310/okx"));
        assertThat(Endpoints.production().of(Venue.BINANCE_USDM).webSocket().toString())
                .isEqualTo("wss://fstream.binance.com/market");
    }
}
