package dev.cascade.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.overview.OverviewDocuments;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The overview poller against a simulator in playback whose scenario has not published a document yet: "not yet"
 * is said once, is no failure, and is asked again after the Retry-After rather than at the next scheduled time.
 */
class OverviewPollerTest {
    private final Logger log = (Logger) LoggerFactory.getLogger(OverviewPoller.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;
    private Simulator sim;

    @BeforeEach
    void start() {
        sim = Simulator.startPlayback(new SimConfig("127.0.0.1", 0, 0, 0, Duration.ofMinutes(3), 5, 1 << 10), List.of());
        level = log.getLevel();
        log.setLevel(Level.INFO);
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void stop() {
        log.detachAppender(lines);
        log.setLevel(level);
        sim.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSayOnceThatADocumentIsNotPublishedYetAndAskAgainAfterItsRetryAfter() throws Exception {
        Endpoints endpoints = Endpoints.simulator(sim.uri());
        List<String> received = new CopyOnWriteArrayList<>();
        // scheduled hourly: every ask after the first comes from the Retry-After
        OverviewPoller.Source global = new OverviewPoller.Source(OverviewDocuments.COINGECKO, endpoints.coinGecko(),
                "/global", Duration.ofHours(1));
        try (OverviewPoller poller = new OverviewPoller(RestClient.standard(HttpClient.newHttpClient()),
                (source, path, micros, body) -> received.add(path), List.of(global))) {
            poller.start();
            while (poller.notPublishedYet() < 2) {
                Thread.sleep(50);
            }
            assertThat(poller.failed()).as("not yet is no failure").isZero();
            assertThat(poller.fetched()).isZero();
        }
        assertThat(received).isEmpty();
        assertThat(sim.stats().restRequests.get()).isGreaterThanOrEqualTo(2);
        assertThat(lines.list).as("said once, at info; no warning").hasSize(1);
        ILoggingEvent said = lines.list.get(0);
        assertThat(said.getLevel()).isEqualTo(Level.INFO);
        assertThat(said.getFormattedMessage()).isEqualTo("market overview: " + sim.uri()
                + "/coingecko/api/v3/global has no document yet (HTTP 404, Retry-After 2.0 s); asking again until it has");
    }
}
