package dev.cascade.venues.bitmex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.model.Venue;
import dev.cascade.venues.feed.Channels;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.feed.Keepalive;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitmexFeedPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> args(ConnectionSpec spec) throws Exception {
        List<String> out = new ArrayList<>();
        for (String m : spec.subscribeMessages()) {
            JsonNode n = JSON.readTree(m);
            assertThat(n.path("op").asText()).isEqualTo("subscribe");
            n.path("args").forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    @Test
    void shouldSubscribeEveryLiquidationOnceAndTradesAndInstrumentsPerSymbol() throws Exception {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            symbols.add("C" + i + "USDT");
        }
        List<ConnectionSpec> specs = new BitmexFeedPlan().connections(URI.create("wss://ws.bitmex.com/realtime"), symbols,
                Channels.ALL);
        assertThat(specs).hasSize(2);
        List<String> first = args(specs.get(0));
        assertThat(first).hasSize(201).startsWith("liquidation", "trade:C0USDT", "instrument:C0USDT");
        assertThat(args(specs.get(1))).hasSize(60).doesNotContain("liquidation");
        assertThat(specs.get(0).subscribeMessages()).hasSize(5); // 50 topics a message
        assertThat(specs.get(0).keepalive()).isEqualTo(Keepalive.textWhenIdle("ping", Duration.ofSeconds(5)));
        assertThat(specs.get(0).isError().test("{\"status\":400,\"error\":\"Unknown table: x\"}")).isTrue();
        assertThat(args(new BitmexFeedPlan().connections(URI.create("wss://x"), List.of(), Channels.LIQUIDATIONS_ONLY)
                .get(0))).containsExactly("liquidation");
    }

    @Test
    void shouldPointAtTheRealtimeApiAndTheSimulatorsPath() {
        assertThat(Endpoints.production().of(Venue.BITMEX).webSocket()).isEqualTo(URI.create("wss://ws.bitmex.com/realtime"));
        assertThat(Endpoints.simulator(URI.create("http://127.0.0.1:9310")).of(Venue.BITMEX).rest())
                .isEqualTo(URI.create("http://127.0.0.1:9310/bitmex"));
    }
}
