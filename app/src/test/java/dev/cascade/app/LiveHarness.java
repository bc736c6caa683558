package dev.cascade.app;

import dev.cascade.ingest.live.Backoff;
import dev.cascade.ingest.live.FeedStats;
import dev.cascade.ingest.live.WebSocketFeed;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Trade;
import dev.cascade.model.Venue;
import dev.cascade.server.Server;
import dev.cascade.sim.SimConfig;
import dev.cascade.sim.Simulator;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.Endpoints;
import dev.cascade.venues.feed.Keepalive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A live run against a loopback simulator with every timing shortened, and a tap on what it delivers. */
final class LiveHarness implements AutoCloseable {
    static final Duration STALE_AFTER = Duration.ofMillis(1500);
    static final Duration CHECK_EVERY = Duration.ofMillis(100);
    static final Duration BACKOFF_FLOOR = Duration.ofMillis(50);

    /** What left the deduplicator, in order (written by the pipeline thread, read after close). */
    static final class Tap implements MarketListener {
        record TradeKey(Venue venue, String symbol, long id) {
        }

        record LiquidationKey(Venue venue, String symbol, long exchangeMicros, String side, double quantity, double price) {
        }

        final List<TradeKey> trades = new ArrayList<>();
        final List<LiquidationKey> liquidations = new ArrayList<>();

        @Override
        public void onTrade(Trade t) {
            trades.add(new TradeKey(t.venue(), t.instrument().symbol(), t.id()));
        }

        @Override
        public void onLiquidation(Liquidation l) {
            liquidations.add(new LiquidationKey(l.venue(), l.symbol(), l.exchangeMicros(), l.side().id(), l.quantity(), l.price()));
        }
    }

    final Simulator sim;
    final Tap tap = new Tap();
    final LiveJob job;

    LiveHarness(double tradesPerSecond, Path recordDir, boolean isRotating) {
        this(tradesPerSecond, recordDir, isRotating, false);
    }

    LiveHarness(double tradesPerSecond, Path recordDir, boolean isRotating, boolean isWithOverview) {
        this(tradesPerSecond, recordDir, isRotating, isWithOverview, null);
    }

    LiveHarness(double tradesPerSecond, Path recordDir, boolean isRotating, boolean isWithOverview,
                Server.Settings serve) {
        this(tradesPerSecond, recordDir, isRotating, isWithOverview, serve, null);
    }

    /** With {@code also} (may be null) beside the tap: a listener a test slows or stops. */
    LiveHarness(double tradesPerSecond, Path recordDir, boolean isRotating, boolean isWithOverview,
                Server.Settings serve, MarketListener also) {
        sim = Simulator.start(SimConfig.defaults().withRates(tradesPerSecond, 2).withBinancePingEvery(Duration.ofSeconds(1)));
        WebSocketFeed.Policy policy = new WebSocketFeed.Policy(new Backoff(BACKOFF_FLOOR, Duration.ofSeconds(1)),
                Duration.ofSeconds(3), CHECK_EVERY, Duration.ofMillis(200));
        job = new LiveJob(LiveSettings.reading(Endpoints.simulator(sim.uri())).recording(recordDir, Duration.ofHours(1))
                .policy(policy).tune(spec -> tune(spec, isRotating))
                .tap(also == null ? tap : new dev.cascade.model.Tee(tap, also)).overview(isWithOverview).serving(serve)
                .build());
    }

    /** Shortens a connection's keepalive, stale timeout and (Binance) rotation to fit a test. */
    private static ConnectionSpec tune(ConnectionSpec spec, boolean isRotating) {
        Keepalive k = spec.keepalive();
        Keepalive fast = new Keepalive(k.kind(), k.message(), Duration.ofMillis(500));
        Duration rotate = spec.rotateAfter() != null && isRotating ? Duration.ofSeconds(4) : null;
        return spec.withTimings(STALE_AFTER, fast, rotate);
    }

    void start() throws Exception {
        job.start(warning -> {
            throw new AssertionError(warning);
        });
        awaitLive(job.connections().values().stream().mapToInt(Integer::intValue).sum(), Duration.ofSeconds(15));
    }

    int connections() {
        return job.connections().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Waits until every connection is open and carrying data. */
    void awaitLive(int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (job.liveConnections() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + job.liveConnections() + " of " + n + " connections live");
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the feeds have lost at least {@code losses} connections in all and are all live again. */
    void awaitRecovered(long losses, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        FeedStats stats = job.feedStats();
        while (stats.total(s -> s.closes) + stats.total(s -> s.stales) < losses || job.liveConnections() < connections()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not recovered: " + (stats.total(s -> s.closes) + stats.total(s -> s.stales))
                        + " losses of " + losses + ", " + job.liveConnections() + " live");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws java.io.IOException {
        job.close();
        sim.close();
    }
}
