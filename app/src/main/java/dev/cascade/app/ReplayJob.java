package dev.cascade.app;

import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.ingest.FrameSource;
import dev.cascade.ingest.InputFiles;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.ingest.ReadStats;
import dev.cascade.ingest.TimeMerge;
import dev.cascade.kafka.KafkaEventSource;
import dev.cascade.kafka.Topics;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Tee;
import dev.cascade.venues.VenueDecoders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay pipeline, wired once:
 *
 * <pre>
 *   files ─> InputFiles (detect, unwrap) ─> FrameSources ─> TimeMerge ─> DedupingListener ─> MarketState
 *            (metadata and overview documents are applied as files open)                       (every aggregator)
 *   or Kafka topics ─> KafkaEventSource (time-ordered across partitions) ──────┤
 *   store (optional) ─ read back first ─────────────────────────────────────┘                  └> Storage (kept)
 * </pre>
 */
final class ReplayJob {
    /** Observes the replay's progress: input bytes read so far. */
    interface Progress {
        void update(long bytesRead);
    }

    private final int maxLineBytes;
    private final Storage storage;
    private final Period period;
    private MarketState history;

    ReplayJob(int maxLineBytes) {
        this(maxLineBytes, null, Period.ALL);
    }

    ReplayJob(int maxLineBytes, Storage storage) {
        this(maxLineBytes, storage, Period.ALL);
    }

    /**
     * With {@code storage} (may be null): what it holds is read first, and what the files add is kept. Only
     * events of {@code period} reach the aggregators and the store.
     */
    ReplayJob(int maxLineBytes, Storage storage, Period period) {
        this.maxLineBytes = maxLineBytes;
        this.storage = storage;
        this.period = period;
    }

    /**
     * Also keeps the market from the input's start to the period's end, in the same pass ({@link #history()}):
     * what ranks the period's taker extremes in the month before it.
     */
    ReplayJob withHistory() {
        history = new MarketState(MarketState.Retention.REPLAY);
        return this;
    }

    /** The history kept by {@link #withHistory} (after {@link #run}), or null. */
    MarketState history() {
        return history;
    }

    /** The same pipeline fed from Cascade's Kafka topics instead of files (everything up to their end offsets). */
    RunResult run(KafkaEventSource source, Topics topics) throws IOException {
        MarketState state = storage != null ? Storage.newState() : new MarketState(MarketState.Retention.REPLAY);
        DedupingListener dedupe = new DedupingListener(storage == null ? state : new Tee(state, storage.sink()));
        MarketListener pipeline = period.filter(dedupe);
        InstrumentRegistry registry = new InstrumentRegistry();
        if (storage != null) {
            storage.loadInto(registry, pipeline, state, period);
        }
        source.readAll(topics.all(), registry, pipeline);
        if (storage != null) {
            storage.storeBars(state.bars());
            state.keepLiveDetail(); // as a live run stands: the detectors see what the run that wrote the store saw
        }
        return new RunResult(List.of(), new ReadStats(), state, dedupe.duplicateLiquidations(), dedupe.duplicateTrades());
    }

    RunResult run(List<Path> files, Progress progress) throws IOException {
        ReadStats stats = new ReadStats();
        MarketState state = storage != null ? Storage.newState() : new MarketState(MarketState.Retention.REPLAY);
        MarketListener kept = storage == null ? state : new Tee(state, storage.sink());
        // with a history, one pass feeds both: everything up to the period's end into it, the period into the state
        DedupingListener dedupe = new DedupingListener(history == null ? kept : new Tee(period.filter(kept), history));
        MarketListener pipeline = history == null ? period.filter(dedupe)
                : new Period(Long.MIN_VALUE, period.toMicros()).filter(dedupe);
        InstrumentRegistry registry = new InstrumentRegistry();
        VenueDecoders decoders = new VenueDecoders(registry);
        if (storage != null) {
            storage.loadInto(registry, pipeline, state, period);
        }
        List<OpenedInput> inputs = read(files, decoders, stats, maxLineBytes, pipeline, bytes -> {
            progress.update(bytes);
            if (storage != null) {
                storage.storeBars(state.bars()); // before old minutes roll up into hours
            }
        });
        if (storage != null) {
            storage.storeBars(state.bars());
            state.keepLiveDetail(); // as a live run stands: the detectors see what the run that wrote the store saw
        }
        return new RunResult(inputs, stats, state, dedupe.duplicateLiquidations(), dedupe.duplicateTrades());
    }

    /**
     * Reads {@code files} into {@code pipeline} in time order (metadata and documents applied as files open);
     * {@code everyBatch} hears the bytes read so far between batches. Returns what was opened.
     */
    static List<OpenedInput> read(List<Path> files, VenueDecoders decoders, ReadStats stats, int maxLineBytes,
                                  MarketListener pipeline, Progress everyBatch) throws IOException {
        List<OpenedInput> inputs = new ArrayList<>();
        try (InputFiles opener = new InputFiles(decoders, stats, maxLineBytes)) {
            for (Path file : files) {
                inputs.addAll(opener.open(file, pipeline));
            }
            List<FrameSource> sources = new ArrayList<>();
            for (OpenedInput input : inputs) {
                if (input.source() != null) {
                    sources.add(input.source());
                }
            }
            TimeMerge.run(sources, pipeline, items -> everyBatch.update(opener.bytesRead()));
            everyBatch.update(opener.bytesRead());
        }
        return inputs;
    }
}
