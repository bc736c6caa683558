package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.venues.VenueRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every venue of the registry, read live from the simulator in its own wire format: each one delivers
 * liquidations with nothing rejected, and the recording replays to the same figures per venue.
 */
class EveryVenueLiveTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldReadRecordAndReplayEveryVenueOfTheRegistry() throws Exception {
        ObjectNode live;
        List<Path> files;
        Counts counts = new Counts();
        try (LiveHarness h = new LiveHarness(20, dir, false, false, null, counts)) {
            h.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!counts.hasEveryVenue() && System.nanoTime() < deadline) {
                Thread.sleep(100); // polling a condition, bounded by the deadline
            }
            h.job.close();
            live = RunJson.render(h.job.result(), FigureSettings.DEFAULT);
            files = h.job.recordings();
        }
        JsonNode byVenue = live.path("liquidations").path("byVenue");
        for (Venue v : VenueRegistry.venues()) {
            assertThat(byVenue.path(v.id()).path("count").asLong()).as(v.id() + " liquidations").isPositive();
        }
        assertThat(live.path("rejected").path("count").asLong()).isZero();
        ObjectNode replayed = RunJson.render(new ReplayJob(1 << 23).run(files, bytes -> { }), FigureSettings.DEFAULT);
        assertThat(replayed.path("liquidations").path("byVenue")).isEqualTo(byVenue);
        assertThat(replayed.path("counts")).isEqualTo(live.path("counts"));
        assertThat(replayed.path("input").path("rejected").asLong()).isZero();
    }

    /** Liquidations and trades per venue as the pipeline delivers them, readable while it runs. */
    private static final class Counts implements MarketListener {
        private final Map<Venue, AtomicLong> liquidations = new ConcurrentHashMap<>();
        private final Map<Venue, AtomicLong> trades = new ConcurrentHashMap<>();

        @Override
        public void onLiquidation(Liquidation l) {
            liquidations.computeIfAbsent(l.venue(), v -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public void onTrade(Trade t) {
            trades.computeIfAbsent(t.venue(), v -> new AtomicLong()).incrementAndGet();
        }

        /** Two liquidations of every venue (some venues' trades are not read), and trades beside them. */
        boolean hasEveryVenue() {
            for (Venue v : VenueRegistry.venues()) {
                if (count(liquidations, v) < 2) {
                    return false;
                }
            }
            return trades.values().stream().mapToLong(AtomicLong::get).sum() >= 100;
        }

        private static long count(Map<Venue, AtomicLong> m, Venue v) {
            AtomicLong n = m.get(v);
            return n == null ? 0 : n.get();
        }
    }
}
