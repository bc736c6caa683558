package dev.cascade.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In playback the overview endpoints answer what the scenario has published: before it has, a 404 with a
 * Retry-After (a client hears "not yet"), never a document that is no document.
 */
class PlaybackOverviewTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Simulator sim;

    @BeforeEach
    void start() {
        sim = Simulator.startPlayback(new SimConfig("127.0.0.1", 0, 0, 0, Duration.ofMinutes(3), 5, 1 << 10), List.of());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void shouldAnswerNotFoundWithRetryAfterUntilTheScenarioPublishesADocument() throws Exception {
        for (String path : List.of("/coingecko/api/v3/global", "/coingecko/api/v3/coins/markets?vs_currency=usd",
                "/alternative-me/fng/?limit=2")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Retry-After")).as(path)
                    .hasValue(String.valueOf(Simulator.NOT_PUBLISHED_RETRY_SECONDS));
        }

        String fng = "{\"name\":\"Fear and Greed Index\",\"data\":[{\"value\":\"41\",\"value_classification\":\"Fear\","
                + "\"timestamp\":\"1749081600\"}]}";
        sim.document("fng", fng);

        HttpResponse<String> published = get("/alternative-me/fng/?limit=2");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).isEqualTo(fng);
        assertThat(get("/coingecko/api/v3/global").statusCode()).as("the others are still to come").isEqualTo(404);
    }

    @Test
    void shouldAlwaysAnswerTheScriptedMarketsDocumentOutsidePlayback() throws Exception {
        sim.close();
        sim = Simulator.start(SimConfig.defaults());
        HttpResponse<String> r = get("/coingecko/api/v3/global");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"total_market_cap\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.uri() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
