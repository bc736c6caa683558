package dev.cascade.app;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Trade;
import dev.cascade.store.Store;
import dev.cascade.store.StoreWriter;
import dev.cascade.ingest.live.RecordingWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.nio.file.Path;

/**
 * A run's use of the store, in order: open it (a writer drops the days past the store's retention), read
 * everything stored back into the pipeline (so the deduplicator and the aggregators start where the last run
 * stopped), then, for a writer, keep every new event, the overview, and the minute bars as they fill
 * ({@link #storeBars}). {@link #sink()} sits in the pipeline from the start and passes events on only once the
 * stored ones are read, so nothing read back is written again. A reader changes nothing in the store.
 */
final class Storage implements AutoCloseable {
    /** How often a live run hands the store its changed minute bars. */
    static final long BARS_EVERY_MILLIS = 10_000;
    /** The writer commits at least this often: what a crash can lose of what reached the store. */
    static final long COMMIT_MILLIS = 200;
    /** How far before the store's latest receive time a recording may still hold what the store lacks. */
    static final long RECOVERY_SLACK_MILLIS = 120_000;

    private final Store store;
    private final boolean isStoringTrades;
    private volatile StoreWriter writer;
    private long nextBarsMillis; // the thread's that owns the bars
    private StoreWriter.Journal journal = StoreWriter.Journal.NONE;
    private volatile MarketState state;
    private final AtomicLong refused = new AtomicLong();
    private long loaded;
    private boolean isClosed;

    private final MarketListener sink = new MarketListener() {
        @Override
        public void onLiquidation(Liquidation e) {
            StoreWriter w = writer;
            if (w != null && isKept(e.instrument())) {
                w.onLiquidation(e);
            }
        }

        @Override
        public void onTrade(Trade e) {
            StoreWriter w = writer;
            if (w != null && isKept(e.instrument())) {
                w.onTrade(e);
            }
        }

        @Override
        public void onOpenInterest(OpenInterest e) {
            StoreWriter w = writer;
            if (w != null && isKept(e.instrument())) {
                w.onOpenInterest(e);
            }
        }

        @Override
        public void onMarkPrice(MarkPrice e) {
            StoreWriter w = writer;
            if (w != null && isKept(e.instrument())) {
                w.onMarkPrice(e);
            }
        }

        @Override
        public void onFundingRate(FundingRate e) {
            StoreWriter w = writer;
            if (w != null && isKept(e.instrument())) {
                w.onFundingRate(e);
            }
        }

        @Override
        public void onGlobalMarket(GlobalMarket e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onGlobalMarket(e);
            }
        }

        @Override
        public void onCoinMarkets(CoinMarkets e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onCoinMarkets(e);
            }
        }

        @Override
        public void onFearGreed(FearGreedReading e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onFearGreed(e);
            }
        }
    };

    /**
     * Whether events of {@code instrument} may be stored: only those the state aggregates (admitted under its
     * instrument cap), so that a store never keeps what a read-back would refuse.
     */
    private boolean isKept(Instrument instrument) {
        MarketState s = state;
        if (s == null || s.isFollowing(instrument)) {
            return true;
        }
        refused.incrementAndGet();
        return false;
    }

    /** Events not stored because the state does not follow their instrument. */
    long refused() {
        StoreWriter w = writer;
        return refused.get() + (w == null ? 0 : w.refused());
    }

    private Storage(Store store, boolean isStoringTrades) {
        this.store = store;
        this.isStoringTrades = isStoringTrades;
    }

    /**
     * Opens (creating when needed) a store to write: {@code retentionDays}, when not null, becomes the store's
     * retention; the days past it are dropped now and every hour of the run.
     */
    static Storage openForWriting(Path directory, boolean isStoringTrades, Integer retentionDays) throws IOException {
        Store store = Store.openForWriting(directory, retentionDays);
        try {
            store.dropOlderThan(store.retentionDays() * Micros.PER_DAY);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return new Storage(store, isStoringTrades);
    }

    /** Opens an existing store to read, changing nothing in it. */
    static Storage openForReading(Path directory) throws IOException {
        return new Storage(Store.openForReading(directory), false);
    }

    boolean isReadOnly() {
        return store.isReadOnly();
    }

    /**
     * The state a run over a store keeps: the live retention whether the run is live or not, so that a store
     * read back shows the figures of the run that wrote it.
     */
    static MarketState newState() {
        return new MarketState(MarketState.Retention.LIVE);
    }

    /** The listener to put in the pipeline, beside the aggregators. */
    MarketListener sink() {
        return sink;
    }

    /**
     * Reads every stored event into {@code pipeline} and every stored minute bar into {@code state}, then starts
     * keeping new ones; returns how many rows were read.
     */
    long loadInto(InstrumentRegistry registry, MarketListener pipeline, MarketState state) throws IOException {
        return loadInto(registry, pipeline, state, Period.ALL);
    }

    /** The same, reading only the bars of {@code period} (events are filtered by {@code pipeline}). */
    long loadInto(InstrumentRegistry registry, MarketListener pipeline, MarketState state, Period period)
            throws IOException {
        loaded = store.load(registry, pipeline, (i, d, t, isLatePart) -> {
            if (period.contains(t[0] * Micros.PER_MINUTE)) {
                state.restoreMinute(i, d, t, isLatePart);
            }
        });
        if (!store.isReadOnly()) {
            this.state = state;
            state.bars().keepChanges(); // every minute of the run reaches the store, even those rolled up at once
            writer = new StoreWriter(store, isStoringTrades, COMMIT_MILLIS, n -> { },
                    store.retentionDays() * Micros.PER_DAY, journal);
        }
        return loaded;
    }

    /**
     * Makes {@code recording} the store's journal (before {@link #loadInto}): synced before each commit, so that
     * what the store commits is in the recording, and a restart can recover from it what a crash kept from the
     * store ({@link #recoverable}).
     */
    void journalTo(RecordingWriter recording) {
        journal = recording::sync;
    }

    /**
     * The recordings in {@code directory} that may hold events the store lacks after a crash: those written to
     * since a little before the latest event the store received (the recording is written first). Read them
     * through the pipeline after {@link #loadInto}: what the store holds is recognised there (the deduplicator,
     * the restored bars), what it lacks is counted and kept.
     */
    List<Path> recoverable(Path directory) throws IOException {
        long latest = store.latestReceivedMicros();
        if (latest == Long.MIN_VALUE || !Files.isDirectory(directory)) {
            return List.of();
        }
        long since = latest / 1000 - RECOVERY_SLACK_MILLIS;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(directory)) {
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".jsonl.gz") || name.endsWith(".jsonl")) && Files.isRegularFile(p)
                        && Files.getLastModifiedTime(p).toMillis() >= since) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /** On the thread that owns {@code bars}: keeps their changed minutes if {@link #BARS_EVERY_MILLIS} has passed. */
    void storeBarsEvery(MarketBars bars, long nowMillis) {
        if (nowMillis >= nextBarsMillis) {
            storeBars(bars);
            nextBarsMillis = nowMillis + BARS_EVERY_MILLIS;
        }
    }

    /** Keeps the minute bars changed since the last call; on the thread that owns {@code bars}. */
    void storeBars(MarketBars bars) {
        StoreWriter w = writer;
        if (w != null) {
            bars.drainChanged(w::onMinuteBar);
        }
    }

    long loaded() {
        return loaded;
    }

    /** Rows committed by this run. */
    long stored() {
        StoreWriter w = writer;
        return w == null ? 0 : w.acknowledged();
    }

    /** Commits what is queued and closes the store; once. */
    @Override
    public synchronized void close() {
        if (isClosed) {
            return;
        }
        isClosed = true;
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            store.close();
        }
    }
}
