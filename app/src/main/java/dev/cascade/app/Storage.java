package dev.cascade.app;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.MarketBars;
import dev.cascade.model.FundingRate;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Micros;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Trade;
import dev.cascade.store.Store;
import dev.cascade.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's use of the store, in order: open it, drop the days past retention, read everything stored back
 * into the pipeline (so the deduplicator and the aggregators start where the last run stopped), then keep
 * every new event, and the minute bars as they fill ({@link #storeBars}). {@link #sink()} sits in the pipeline
 * from the start and passes events on only once the stored ones are read, so nothing read back is written again.
 */
final class Storage implements AutoCloseable {
    private final Store store;
    private final boolean isStoringTrades;
    private volatile StoreWriter writer;
    private long loaded;
    private boolean isClosed;

    private final MarketListener sink = new MarketListener() {
        @Override
        public void onLiquidation(Liquidation e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onLiquidation(e);
            }
        }

        @Override
        public void onTrade(Trade e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onTrade(e);
            }
        }

        @Override
        public void onOpenInterest(OpenInterest e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onOpenInterest(e);
            }
        }

        @Override
        public void onMarkPrice(MarkPrice e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onMarkPrice(e);
            }
        }

        @Override
        public void onFundingRate(FundingRate e) {
            StoreWriter w = writer;
            if (w != null) {
                w.onFundingRate(e);
            }
        }
    };

    private final int retentionDays;

    private Storage(Store store, boolean isStoringTrades, int retentionDays) {
        this.store = store;
        this.isStoringTrades = isStoringTrades;
        this.retentionDays = retentionDays;
    }

    static Storage open(Path directory, boolean isStoringTrades, int retentionDays) throws IOException {
        Store store = Store.open(directory);
        try {
            store.dropOlderThan(retentionDays * Micros.PER_DAY);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return new Storage(store, isStoringTrades, retentionDays);
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
        loaded = store.load(registry, pipeline, (i, d, t) -> {
            if (period.contains(t[0] * Micros.PER_MINUTE)) {
                state.restoreMinute(i, d, t);
            }
        });
        writer = new StoreWriter(store, isStoringTrades, 200, n -> { }, retentionDays * Micros.PER_DAY);
        return loaded;
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
