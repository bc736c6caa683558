package dev.cascade.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a local HTTP server on 127.0.0.1 that fails, then succeeds: retries with growing waits, and
 * exactly one delivery, for every sink format.
 */
class DeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    /** Answers {@code failures} requests with {@code failStatus}, then 200. */
    private URI serve(int failures, int failStatus, String retryAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = n <= failures ? failStatus : 200;
            if (status == 200) {
                bodies.add(exchange.getRequestURI().getPath() + " " + body);
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            }
            if (retryAfter != null && status == 429) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private Delivery delivery(List<Sink> sinks) {
        return new Delivery(sinks, HttpClient.newHttpClient(), waits::add, Duration.ofMillis(100), Duration.ofSeconds(5), 6);
    }

    private static Alert alert(String key) {
        return new Alert(java.util.UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(), key,
                "btc-cascade", "liquidations", "BTC", null, 1_749_137_700_000_000L,
                "BTC liquidations in the last 1h: $48.2M (95% longs), above $20.0M");
    }

    @Test
    void shouldRetryWithGrowingWaitsAndDeliverExactlyOnce() throws Exception {
        URI base = serve(3, 503, null);
        try (Delivery d = delivery(List.of(Sink.webhook(base.resolve("/hook"))))) {
            Alert a = alert("btc-cascade|liquidations BTC 29152295");
            d.send(List.of(a));
            d.send(List.of(a)); // the same alert again: sent once
            assertThat(d.drain(Duration.ofSeconds(20))).isTrue();
            assertThat(requests.get()).isEqualTo(4); // three failures, one success, no second delivery
            assertThat(bodies).hasSize(1);
            assertThat(waits).containsExactly(100L, 200L, 400L);
            assertThat(keys).containsExactly(a.id());
            JsonNode body = JSON.readTree(bodies.get(0).substring("/hook ".length()));
            assertThat(body.path("id").asText()).isEqualTo(a.id());
            assertThat(body.path("rule").asText()).isEqualTo("btc-cascade");
            assertThat(body.path("text").asText()).contains("$48.2M");
            assertThat(body.path("time").asText()).isEqualTo("2025-06-05T15:35:00Z");
            assertThat(d.sent()).isEqualTo(1);
            assertThat(d.failed()).isZero();
        }
    }

    @Test
    void shouldWaitWhatRetryAfterAsksAndGiveUpOnARefusal() throws Exception {
        URI base = serve(1, 429, "2");
        try (Delivery d = delivery(List.of(Sink.slack(base.resolve("/slack"))))) {
            d.send(List.of(alert("a")));
            assertThat(d.drain(Duration.ofSeconds(20))).isTrue();
            assertThat(waits).containsExactly(2_000L);
            assertThat(bodies).containsExactly("/slack {\"text\":\"Cascade: BTC liquidations in the last 1h: $48.2M"
                    + " (95% longs), above $20.0M\"}");
        }
        server.stop(0);
        requests.set(0);
        URI refusing = serve(100, 400, null);
        try (Delivery d = delivery(List.of(Sink.discord(refusing.resolve("/discord"))))) {
            d.send(List.of(alert("b")));
            assertThat(d.drain(Duration.ofSeconds(20))).isTrue();
            assertThat(requests.get()).isEqualTo(1); // a 400 is a configuration error: not retried
            assertThat(d.failed()).isEqualTo(1);
        }
    }

    @Test
    void shouldSpeakEachSinksFormat() throws Exception {
        URI base = serve(0, 200, null);
        List<Sink> sinks = List.of(Sink.telegram(base, "123:ABC", "-100200"), Sink.discord(base.resolve("/discord")),
                Sink.slack(base.resolve("/slack")), Sink.webhook(base.resolve("/hook")));
        try (Delivery d = delivery(sinks)) {
            d.send(List.of(alert("c")));
            assertThat(d.drain(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(bodies).hasSize(4);
        String telegram = bodies.stream().filter(b -> b.startsWith("/bot123:ABC/sendMessage ")).findFirst().orElseThrow();
        JsonNode t = JSON.readTree(telegram.substring(telegram.indexOf(' ') + 1));
        assertThat(t.path("chat_id").asText()).isEqualTo("-100200");
        assertThat(t.path("text").asText()).startsWith("Cascade: BTC liquidations");
        assertThat(bodies).anySatisfy(b -> assertThat(b).startsWith("/discord {\"content\":\"Cascade: BTC"));
    }
}
