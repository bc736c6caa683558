package dev.cascade.app;

import dev.cascade.analytics.EventCounts;
import dev.cascade.analytics.LatestLiquidations;
import dev.cascade.analytics.LiquidationSummary;
import dev.cascade.analytics.LiquidationTotals;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.ingest.live.FeedStats;
import dev.cascade.ingest.live.InstrumentDiscovery;
import dev.cascade.ingest.live.LiveFeeds;
import dev.cascade.ingest.live.LivePipeline;
import dev.cascade.ingest.live.RestBackfill;
import dev.cascade.ingest.live.OverviewPoller;
import dev.cascade.ingest.live.RecordingWriter;
import dev.cascade.ingest.live.RestClient;
import dev.cascade.ingest.live.RestRecorder;
import dev.cascade.ingest.live.TradeGaps;
import dev.cascade.ingest.live.WebSocketFeed;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.Tee;
import dev.cascade.model.Venue;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import dev.cascade.server.Server;
import dev.cascade.server.Stream;
import dev.cascade.venues.VenueDecoders;
import dev.cascade.venues.VenueRegistry;
import dev.cascade.venues.feed.ConnectionSpec;
import dev.cascade.venues.feed.FeedPlan;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The live pipeline, wired once:
 *
 * <pre>
 *   REST instruments ─> registry (+ recording)          simulator or venues
 *   OverviewPoller (CoinGecko, alternative.me) ─────────────────────────────────────────┐
 *   FeedPlans ─> ConnectionSpecs ─> LiveFeeds (WebSocketFeed each) ─> LivePipeline ─┬─> RecordingWriter
 *                                                                                   └─> TradeGaps (REST backfill)
 *                                      ─> DedupingListener ─> MarketState (every aggregator), LatestLiquidations,
 *                                                            Stream (the API's live tape, with --serve)
 *   Server (--serve): Published read-outs every 5 s; queries run on the pipeline thread
 * </pre>
 *
 * The aggregators live on the pipeline thread; every half second it publishes a {@link Snapshot} for the
 * screen, with every figure read out again every {@link Readouts#EVERY_MILLIS}. {@link #close()} stops the
 * sockets, lets the pipeline drain, then finishes the recording. It only wires: what it reads and keeps is
 * {@link LiveSettings}, the read-out cadence {@link Readouts}, alerts {@link Alerting}, metrics {@link LiveMeters},
 * and the store's cadence {@link Storage}.
 */
final class LiveJob implements AutoCloseable {
    /** How long instrument discovery may take: a venue that cannot be reached is said within 30 s. */
    static final Duration DISCOVERY_BUDGET = Duration.ofSeconds(20);
    /** How long an API query may wait for the pipeline thread. */
    static final long QUERY_TIMEOUT_MILLIS = 5_000;

    /** A read-out for the screen, made on the pipeline thread; {@code figures} may be a few seconds older. */
    record Snapshot(long nowMicros, LiquidationSummary session, Map<String, LiquidationSummary> windows,
                    List<Liquidation> tape, long events, long trades, long rejected, long duplicates, long frames,
                    int backlog, Figures figures) {
    }

    private final LiveSettings settings;
    private final VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
    private final FeedStats feedStats = new FeedStats();
    private final MarketState state = new MarketState(MarketState.Retention.LIVE);
    private final LatestLiquidations tape = new LatestLiquidations(12);
    private Figures figures;
    private final Readouts readouts = new Readouts();
    private volatile boolean isStarted;
    private final AtomicReference<Published> published = new AtomicReference<>(Published.EMPTY);
    private final Stream stream = new Stream();
    private Server server;
    private final Alerting alerting;
    private final DedupingListener dedupe;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Venue, Integer> connections = new LinkedHashMap<>();
    private RecordingWriter recorder;
    private LivePipeline pipeline;
    private LiveFeeds feeds;
    private OverviewPoller overview;
    private RestClient rest;
    private volatile boolean isClosed;

    LiveJob(LiveSettings settings) {
        this.settings = settings;
        this.alerting = Alerting.of(settings.alerts());
        List<MarketListener> sinks = new ArrayList<>(List.of(state, tape));
        if (settings.serve() != null) {
            sinks.add(stream);
        }
        if (settings.tap() != null) {
            sinks.add(settings.tap());
        }
        if (settings.storage() != null) {
            sinks.add(settings.storage().sink());
        }
        this.dedupe = new DedupingListener(new Tee(sinks.toArray(new MarketListener[0])));
    }

    /**
     * Discovers instruments, then opens every connection; returns once they are connecting. A venue whose
     * instruments cannot be fetched within {@link #DISCOVERY_BUDGET} is skipped and reported to {@code warnings}
     * in one line; if none can, this throws with one line. At {@code deadline} (epoch millis: the end of
     * {@code --duration}) it stops starting and returns: {@link #isStarted()} says whether the feeds opened.
     */
    void start(java.util.function.Consumer<String> warnings) throws IOException, InterruptedException {
        start(warnings, Long.MAX_VALUE);
    }

    void start(java.util.function.Consumer<String> warnings, long deadline) throws IOException, InterruptedException {
        if (settings.recordDir() != null) {
            recorder = new RecordingWriter(settings.recordDir(), settings.rotateEvery());
        }
        RestRecorder restRecorder = recorder != null ? recorder : RestRecorder.NONE;
        rest = RestClient.standard(http);
        InstrumentDiscovery discovery = new InstrumentDiscovery(rest, decoders, settings.endpoints(), restRecorder);
        TradeGaps gaps = new TradeGaps(dedupe, new RestBackfill(rest, settings.endpoints(), decoders, restRecorder), feedStats);
        // 16,384 frames: over a second of a busy market, and when full the sockets wait; 65,536 kept some 25 MB of
        // frames queued whenever the demo played faster than the pipeline ran (issue 17)
        pipeline = new LivePipeline(decoders, gaps, recorder, feedStats, 1 << 14, this::publish, 500);
        if (settings.serve() != null) { // before anything is loaded: a port in use is said at once
            Server.Settings s = settings.serve();
            server = Server.start(view(), stream, new Server.Settings(s.host(), s.port(), s.token(), s.corsOrigin(),
                    s.ratePerSecond(), r -> LiveMeters.register(r, this, settings.venues(), readouts), () -> readouts.await(QUERY_TIMEOUT_MILLIS)));
        }
        if (settings.storage() != null) {
            Storage storage = settings.storage();
            if (recorder != null) {
                storage.journalTo(recorder);
            }
            // before the pipeline thread owns the state: what the store holds, then what an earlier run recorded
            // and a crash kept from the store
            List<Path> recoverable = settings.recordDir() == null ? List.of()
                    : storage.recoverable(settings.recordDir());
            storage.loadInto(decoders.instruments(), dedupe, state);
            if (!recoverable.isEmpty()) {
                ReplayJob.read(recoverable, decoders, new dev.cascade.ingest.ReadStats(),
                        dev.cascade.ingest.InputFiles.DEFAULT_MAX_LINE_BYTES, dedupe, bytes -> storage.storeBars(state.bars()));
                storage.storeBars(state.bars());
            }
        }
        pipeline.start();
        feeds = new LiveFeeds(http, settings.policy(), feedStats, pipeline);
        List<FeedPlan> plans = plans();
        Discovered[] found = discover(discovery, plans, deadline);
        if (System.currentTimeMillis() >= deadline) {
            warnings.accept("--duration ran out before the feeds opened");
            return;
        }
        List<String> unreachable = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            FeedPlan plan = plans.get(i);
            if (found[i].failure() != null) {
                unreachable.add(found[i].failure().getMessage());
                continue;
            }
            List<ConnectionSpec> specs = new ArrayList<>();
            for (ConnectionSpec spec : plan.connections(settings.endpoints().of(plan.venue()).webSocket(),
                    found[i].symbols(),
                    settings.channels())) {
                specs.add(settings.tune().apply(spec));
            }
            connections.put(plan.venue(), specs.size());
            feeds.start(specs, plan.connectSpacing());
        }
        if (connections.isEmpty()) {
            throw new IOException(unreachable.size() == 1 ? unreachable.get(0)
                    : "no venue could be reached: " + String.join("; ", unreachable));
        }
        unreachable.forEach(u -> warnings.accept(u + "; skipped"));
        isStarted = true;
        if (settings.isWithOverview()) {
            overview = new OverviewPoller(rest, pipeline::onDocument, OverviewPoller.standard(settings.endpoints()));
            overview.start();
        }
    }

    /** A venue's perpetuals, or why they could not be had (a one-line reason naming the venue). */
    private record Discovered(List<String> symbols, IOException failure) {
    }

    /**
     * Every venue's instruments, asked of all venues at once and given up at {@link #DISCOVERY_BUDGET} or the run's
     * {@code deadline}, in the order of {@code plans}.
     */
    private Discovered[] discover(InstrumentDiscovery discovery, List<FeedPlan> plans, long deadline)
            throws InterruptedException {
        long budget = Math.min(DISCOVERY_BUDGET.toMillis(), Math.max(0, deadline - System.currentTimeMillis()));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budget);
        Discovered[] found = new Discovered[plans.size()];
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, plans.size()), r -> new Thread(r, "discovery"));
        try {
            for (int i = 0; i < plans.size(); i++) {
                int at = i;
                pool.execute(() -> {
                    try {
                        found[at] = new Discovered(discovery.perpetuals(plans.get(at), settings.coins(), until), null);
                    } catch (IOException e) {
                        found[at] = new Discovered(null, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        // a request in flight ends by the deadline (its timeout is cut to it); a second more lets its failure be kept
        if (!pool.awaitTermination(budget + 1_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
        for (int i = 0; i < found.length; i++) { // the pool's end publishes what its threads wrote
            if (found[i] == null) {
                found[i] = new Discovered(null, new IOException(plans.get(i).venue().id()
                        + ": no answer to its instruments request within " + budget / 1000 + " s"));
            }
        }
        return found;
    }

    /** Whether {@link #start} opened the feeds (not when {@code --duration} ran out first). */
    boolean isStarted() {
        return isStarted;
    }

    /** The API's view of this run: read-outs published every few seconds, queries run on the pipeline thread. */
    private MarketView view() {
        return new MarketView() {
            @Override
            public Published published() {
                return published.get();
            }

            @Override
            public <T> T query(Function<MarketState, T> query) throws InterruptedException, TimeoutException {
                return pipeline.call(() -> query.apply(state), QUERY_TIMEOUT_MILLIS);
            }
        };
    }



    private List<FeedPlan> plans() {
        List<FeedPlan> plans = new ArrayList<>();
        for (Venue v : VenueRegistry.venues()) {
            if (settings.venues().contains(v)) {
                plans.add(VenueRegistry.of(v).feedPlan(v));
            }
        }
        return plans;
    }

    /** Runs on the pipeline thread: reads the aggregators out for the screen, and forgets what is over a day old. */
    private void publish() {
        // windows end at the latest event, as every figure does: the wall clock only where nothing came yet (a
        // simulator playing a past day keeps its windows on that day)
        long now = state.counts().events() > 0 ? state.counts().lastMicros() : Micros.of(Instant.now());
        LiquidationTotals totals = state.liquidations();
        Map<String, LiquidationSummary> windows = new LinkedHashMap<>();
        settings.figures().liquidationWindows().forEach((name, length) -> windows.put(name, totals.window(now, length)));
        state.keepLiveDetail();
        long wall = System.currentTimeMillis();
        if (settings.storage() != null) {
            settings.storage().storeBarsEvery(state.bars(), wall);
        }
        if (readouts.isDue(wall) && state.counts().events() > 0) {
            figures = Figures.of(state, settings.figures());
            if (alerting != null) {
                alerting.onReadout(state, figures);
            }
            if (server != null) {
                Published p = Published.of(figures, state.counts().events(), settings.figures());
                published.set(p);
                server.published(p);
            }
            readouts.made(wall); // whoever waits for a read-out: this turn has made one
        }
        EventCounts counts = state.counts();
        snapshot.set(new Snapshot(now, totals.total(), windows, tape.newestFirst(), counts.events(), counts.trades(),
                counts.rejected(), dedupe.duplicateLiquidations() + dedupe.duplicateTrades(), pipeline.processed(),
                pipeline.backlog(), figures));
    }

    Snapshot snapshot() {
        return snapshot.get();
    }

    /**
     * Throws when the pipeline thread stopped on a fault (nothing it receives is counted since): a run must end
     * on that, with the reason, rather than show figures that no longer move.
     */
    void checkRunning() {
        Throwable failure = pipeline == null ? null : pipeline.failure();
        if (failure != null) {
            String m = failure.getMessage();
            throw new IllegalStateException("the pipeline stopped: " + failure.getClass().getSimpleName()
                    + (m == null || m.isBlank() ? "" : ": " + m.replace('\n', ' ').strip()), failure);
        }
    }

    /** Frames queued for the pipeline now (the snapshot's figure is as old as the pipeline's last turn). */
    int backlog() {
        return pipeline == null ? 0 : pipeline.backlog();
    }

    FeedStats feedStats() {
        return feedStats;
    }

    Map<Venue, Integer> connections() {
        return connections;
    }

    /** Runs {@code query} on the pipeline thread, where the state lives, and returns its result. */
    <T> T query(Function<MarketState, T> query, long timeoutMillis) throws InterruptedException, TimeoutException {
        return pipeline.call(() -> query.apply(state), timeoutMillis);
    }

    /**
     * Fetches the market overview now (polling or not), and reads every figure out again, waiting for the
     * pipeline however far behind it is (up to {@code maxWait}); returns whether the read-out was made.
     */
    boolean refreshNow(Duration maxWait) {
        fetchOverview();
        return readouts.await(maxWait.toMillis());
    }

    /** Fetches the market overview documents once, now. */
    void fetchOverview() {
        (overview != null ? overview : new OverviewPoller(rest, pipeline::onDocument,
                OverviewPoller.standard(settings.endpoints()))).fetchNow();
    }

    /** The API's port with {@code --serve}, else -1. */
    int serverPort() {
        return server == null ? -1 : server.port();
    }

    int liveConnections() {
        return feeds == null ? 0 : feeds.live();
    }

    List<Path> recordings() {
        return recorder == null ? List.of() : recorder.files();
    }

    /**
     * The run's totals, for the final report (after {@link #close()}) or, on the pipeline thread, a read-out
     * between turns: the state then stands as a turn leaves it (the live detail kept), whatever came since.
     */
    RunResult result() {
        state.keepLiveDetail();
        return new RunResult(List.of(), new dev.cascade.ingest.ReadStats(), state, dedupe.duplicateLiquidations(),
                dedupe.duplicateTrades());
    }

    @Override
    public synchronized void close() throws IOException {
        if (isClosed) {
            return;
        }
        isClosed = true;
        if (server != null) {
            server.close();
        }
        readouts.close();
        if (alerting != null) {
            alerting.close(); // after what the last read-out raised is sent
        }
        if (overview != null) {
            overview.close();
        }
        if (feeds != null) {
            feeds.close();
        }
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            if (settings.storage() != null) {
                settings.storage().storeBars(state.bars()); // the pipeline thread has ended: the bars are ours
                settings.storage().close(); // every event and bar it was handed is committed
            }
        }
    }
}
