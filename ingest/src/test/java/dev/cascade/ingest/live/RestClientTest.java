package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REST against the simulator's refusals: Retry-After honoured, never a tight loop, no endless waiting. */
class RestClientTest {
    private Simulator sim;
    private final List<Long> sleeps = new ArrayList<>();
    private RestClient client;
    private URI exchangeInfo;

    @BeforeEach
    void setUp() {
        sim = Simulator.start(SimConfig.defaults());
        client = new RestClient(HttpClient.newHttpClient(), sleeps::add,
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5)), Duration.ofSeconds(5), 5, Duration.ofSeconds(60));
        exchangeInfo = URI.create(sim.uri() + "/binance-usdm/fapi/v1/exchangeInfo");
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    @Test
    void shouldWaitOutATooManyRequestsForItsRetryAfter() throws Exception {
        sim.faults().rest429(2, Duration.ofSeconds(3));
        RestClient.Response r = client.get(exchangeInfo);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"symbol\":\"BTCUSDT\"");
        assertThat(sleeps).containsExactly(3000L, 3000L);
        assertThat(sim.stats().restRequests.get()).isEqualTo(3);
        assertThat(client.rateLimited()).isEqualTo(2);
    }

    @Test
    void shouldWaitAtLeastTheFloorWhenRetryAfterIsZero() throws Exception {
        sim.faults().rest418(3, Duration.ZERO);
        client.get(exchangeInfo);
        assertThat(sleeps).containsExactly(250L, 250L, 250L);
        assertThat(sim.stats().restRequests.get()).isEqualTo(4);
    }

    @Test
    void shouldGiveUpRatherThanWaitLongerThanAllowed() {
        sim.faults().rest429(1, Duration.ofSeconds(600));
        assertThatThrownBy(() -> client.get(exchangeInfo)).isInstanceOf(RestClient.RestException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(sleeps).isEmpty();
        assertThat(sim.stats().restRequests.get()).isEqualTo(1);
    }

    @Test
    void shouldStopAfterItsAttempts() {
        sim.faults().rest429(50, Duration.ofSeconds(1));
        assertThatThrownBy(() -> client.get(exchangeInfo)).isInstanceOf(RestClient.RestException.class);
        assertThat(sim.stats().restRequests.get()).isEqualTo(5);
        assertThat(sleeps).hasSize(4).allSatisfy(s -> assertThat(s).isEqualTo(1000L));
    }

    @Test
    void shouldFailAtOnceOnAClientError() {
        URI bad = URI.create(sim.uri() + "/binance-usdm/fapi/v1/aggTrades?symbol=NOPE");
        assertThatThrownBy(() -> client.get(bad)).isInstanceOf(RestClient.RestException.class).hasMessageContaining("400");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldBeginNoWaitThatEndsAfterTheDeadline() {
        sim.faults().rest429(5, Duration.ofSeconds(3));
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        assertThatThrownBy(() -> client.get(exchangeInfo, deadline)).isInstanceOf(RestClient.RestException.class)
                .hasMessageContaining("HTTP 429, retry after 3000 ms");
        assertThat(sleeps).isEmpty();
        assertThat(sim.stats().restRequests.get()).isEqualTo(1);
    }

    @Test
    void shouldAskNothingOncePastTheDeadline() {
        assertThatThrownBy(() -> client.get(exchangeInfo, System.nanoTime() - 1))
                .isInstanceOf(java.net.http.HttpTimeoutException.class).hasMessageContaining("no time left");
        assertThat(sim.stats().restRequests.get()).isZero();
    }

    @Test
    void shouldSayConnectionRefusedForAClosedPort() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/fapi/v1/exchangeInfo");
        assertThatThrownBy(() -> client.get(closed)).isInstanceOfSatisfying(java.io.IOException.class,
                e -> assertThat(RestClient.reason(e)).isEqualTo("connection refused"));
        assertThat(sleeps).hasSize(4); // retried with backoff, as any I/O error is
    }
}
