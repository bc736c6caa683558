package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.ingest.live.FeedStats;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.sim.SimFeed;
import dev.cascade.venues.VenueRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live feeds against the loopback simulator through hundreds of forced disconnects and stalls on every
 * venue, with every 37th Binance aggTrade frame dropped and Binance connections rotated every 4 s: no Binance
 * aggTrade, OKX or Deribit trade lost or duplicated (ids continuous after backfill), no liquidation duplicated, and
 * 0 unfillable gaps on every venue whose registry rules allow backfill.
 */
class LiveResilienceTest {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldLoseAndRepeatNothingThroughTwoHundredDisconnectsAndStalls() throws Exception {
        try (LiveHarness h = new LiveHarness(40, null, true)) {
            h.start();
            int connections = h.connections();
            h.sim.faults().dropEveryAggTrade(37);
            int forced = 0;
            long losses = 0;
            for (int round = 1; forced < 200; round++) {
                int n = round % 5 == 0 ? h.sim.faults().stall(null, Duration.ofSeconds(2)) : h.sim.faults().close(null);
                forced += n;
                losses += n;
                h.awaitRecovered(losses, Duration.ofSeconds(20));
                Thread.sleep(60 + round % 4 * 30);
            }
            Thread.sleep(9000); // calm: Binance connections live long enough to rotate (every 4 s), drops go on
            h.sim.faults().dropEveryAggTrade(0);
            Thread.sleep(1000); // the last gaps fill
            h.job.close();

            FeedStats stats = h.job.feedStats();
            List<Long> reconnects = stats.reconnectMillis();
            System.out.printf("%d forced disconnects and stalls over %d connections; reconnect time median %d ms, max %d ms "
                    + "(%d reconnects); %d rotations; gaps found %d, filled %d, unfillable %d; %d trades backfilled%n",
                    forced, connections, reconnects.get(reconnects.size() / 2), reconnects.get(reconnects.size() - 1),
                    reconnects.size(), stats.total(s -> s.rotations), stats.total(s -> s.gapsFound),
                    stats.total(s -> s.gapsFilled), stats.total(s -> s.gapsUnfillable), stats.total(s -> s.tradesBackfilled));

            assertThat(forced).isGreaterThanOrEqualTo(200);
            for (Venue v : Venue.values()) {
                assertThat(stats.of(v).losses()).as(v + " losses").isGreaterThanOrEqualTo(forced / connections);
            }
            assertTradesContinuousAndUnique(h.tap.trades, 5, Venue.BINANCE_USDM, Venue.BINANCE_COINM);
            assertTradesContinuousAndUnique(h.tap.trades, 4, Venue.OKX_SWAP);
            assertLiquidationsUniqueAndPublished(h.tap.liquidations, h.sim.publishedLiquidations());
            assertTradesContinuousAndUnique(h.tap.trades, 3, Venue.DERIBIT);
            List<Venue> backfilled = VenueRegistry.venues().stream().filter(v -> VenueRegistry.of(v).backfillRule(v) != null).toList();
            assertThat(backfilled).contains(Venue.BINANCE_USDM, Venue.BINANCE_COINM, Venue.OKX_SWAP, Venue.DERIBIT);
            for (Venue v : backfilled) { // every venue whose rules allow it is filled from REST
                assertThat(stats.of(v).gapsFound.get()).as(v + " gaps").isPositive();
                assertThat(stats.of(v).gapsFilled.get()).as(v + " gaps filled").isEqualTo(stats.of(v).gapsFound.get());
                assertThat(stats.of(v).gapsUnfillable.get()).as(v + " gaps unfillable").isZero();
                assertThat(stats.of(v).tradesBackfilled.get()).as(v + " trades backfilled").isPositive();
            }
            for (Venue v : new Venue[] {Venue.BINANCE_USDM, Venue.BINANCE_COINM}) {
                assertThat(stats.of(v).rotations.get()).as(v + " rotations").isPositive();
            }
            for (Venue v : Venue.values()) {
                for (long silence : stats.of(v).staleSilenceMillis()) { // found stale: never early, and within one check
                    assertThat(silence).isGreaterThanOrEqualTo(LiveHarness.STALE_AFTER.toMillis())
                            .isLessThan(LiveHarness.STALE_AFTER.toMillis() + LiveHarness.CHECK_EVERY.toMillis() + 1000);
                }
                assertThat(stats.of(v).backoffMillis()).allSatisfy(d -> assertThat(d)
                        .isGreaterThanOrEqualTo(LiveHarness.BACKOFF_FLOOR.toMillis()));
            }
            assertThat(stats.total(s -> s.stales)).isGreaterThanOrEqualTo(forced / 5 / 2);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCountAndSkipGarbageFramesWithoutDroppingTheConnection() throws Exception {
        try (LiveHarness h = new LiveHarness(10, null, false)) {
            h.start();
            FeedStats stats = h.job.feedStats();
            long connectsBefore = stats.total(s -> s.connects);
            h.sim.faults().garbage(null, 10);
            Thread.sleep(500);
            h.job.close();
            long garbage = 10L * h.connections();
            assertThat(h.job.result().events().rejected()).isEqualTo(garbage);
            assertThat(h.job.result().events().rejectsByReason()).containsOnlyKeys("malformed-json", "binary-data");
            assertThat(stats.total(s -> s.closes) + stats.total(s -> s.stales)).isZero();
            assertThat(stats.total(s -> s.connects)).isEqualTo(connectsBefore);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRetryRefusedConnectionsWithGrowingBackoffAndReadDelayedFrames() throws Exception {
        try (LiveHarness h = new LiveHarness(20, null, false)) {
            h.start();
            FeedStats stats = h.job.feedStats();
            int refusals = 2 * h.connections(); // every connection refused twice in a row: its backoff must grow
            h.sim.faults().refuse(refusals);
            h.sim.faults().delay(Duration.ofMillis(150));
            h.sim.faults().close(null);
            h.awaitRecovered(h.connections(), Duration.ofSeconds(30));
            long framesBefore = stats.total(s -> s.frames);
            Thread.sleep(1000);
            assertThat(stats.total(s -> s.frames)).as("delayed frames still arrive").isGreaterThan(framesBefore + 50);
            h.job.close();
            assertThat(h.sim.stats().refused.get()).isEqualTo(refusals);
            assertThat(stats.total(s -> s.connectFailures)).isEqualTo(refusals);
            List<Long> delays = new ArrayList<>();
            for (Venue v : Venue.values()) {
                delays.addAll(stats.of(v).backoffMillis());
            }
            assertThat(delays).hasSize(refusals + h.connections()).allSatisfy(d -> assertThat(d)
                    .isGreaterThanOrEqualTo(LiveHarness.BACKOFF_FLOOR.toMillis()));
            assertThat(delays.stream().mapToLong(Long::longValue).max().orElseThrow())
                    .as("backoff grows with refusals").isGreaterThan(2 * LiveHarness.BACKOFF_FLOOR.toMillis());
        }
    }

    static void assertTradesContinuousAndUnique(List<LiveHarness.Tap.TradeKey> trades, int instruments, Venue... venues) {
        Map<String, TreeSet<Long>> ids = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (LiveHarness.Tap.TradeKey t : trades) {
            if (List.of(venues).contains(t.venue())) {
                String key = t.venue().id() + " " + t.symbol();
                ids.computeIfAbsent(key, k -> new TreeSet<>()).add(t.id());
                counts.merge(key, 1, Integer::sum);
            }
        }
        assertThat(ids).hasSize(instruments);
        ids.forEach((symbol, set) -> {
            assertThat(counts.get(symbol)).as(symbol + " duplicates").isEqualTo(set.size());
            assertThat(set.last() - set.first() + 1).as(symbol + " ids continuous").isEqualTo(set.size());
            assertThat(set.size()).as(symbol).isGreaterThan(100);
        });
    }

    static void assertLiquidationsUniqueAndPublished(List<LiveHarness.Tap.LiquidationKey> delivered,
                                                     List<SimFeed.Published> published) {
        assertThat(new HashSet<>(delivered)).as("duplicated liquidations").hasSameSizeAs(delivered);
        Map<String, Integer> available = new HashMap<>();
        for (SimFeed.Published p : published) {
            available.merge(key(p.venue(), p.symbol(), p.millis() * 1000, p.isLong() ? Side.LONG.id() : Side.SHORT.id()), 1,
                    Integer::sum);
        }
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (LiveHarness.Tap.LiquidationKey l : delivered) {
            String k = key(l.venue(), l.symbol(), l.exchangeMicros(), l.side());
            if (!VenueRegistry.of(l.venue()).hasLiquidationTime(l.venue())) {
                k = nearest(available, l); // stamped when received: the publication just before it
            }
            if (available.merge(k, -1, Integer::sum) < 0) {
                unknown.add(k);
            }
            seen.add(k);
        }
        assertThat(unknown).as("liquidations the simulator never published").isEmpty();
        assertThat(seen.size()).isGreaterThan(20);
    }

    /**
     * For a venue whose liquidations carry no time: the key of the latest publication of the same venue,
     * symbol and side at or before the receive time that is still unmatched, or a key that matches nothing.
     */
    private static String nearest(Map<String, Integer> available, LiveHarness.Tap.LiquidationKey l) {
        String prefix = l.venue().id() + " " + l.symbol() + " ";
        String best = null;
        long bestMicros = Long.MIN_VALUE;
        for (Map.Entry<String, Integer> e : available.entrySet()) {
            String[] parts = e.getKey().split(" ");
            long micros = Long.parseLong(parts[2]);
            if (e.getValue() > 0 && e.getKey().startsWith(prefix) && parts[3].equals(l.side())
                    && micros <= l.exchangeMicros() && micros > bestMicros) {
                best = e.getKey();
                bestMicros = micros;
            }
        }
        return best != null ? best : key(l.venue(), l.symbol(), l.exchangeMicros(), l.side());
    }

    private static String key(Venue venue, String symbol, long micros, String side) {
        return venue.id() + " " + symbol + " " + micros + " " + side;
    }
}
