package dev.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.kafka.EventDecoder;
import dev.cascade.kafka.OverviewCodec;
import dev.cascade.model.Candle;
import dev.cascade.model.Coin;
import dev.cascade.model.ContractType;
import dev.cascade.model.ForwardingListener;
import dev.cascade.model.Instrument;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.InstrumentSpec;
import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.model.Venue;
import dev.cascade.output.json.Json;
import dev.cascade.server.MarketView;
import dev.cascade.server.Published;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every figure from the cluster's output, whichever way it comes ({@link ClusterServeJob} from the Kafka topics,
 * {@link QuestDbServeJob} from the QuestDB tables). The job did the per-trade work; this keeps the rest, in the
 * MarketState a live run keeps:
 *
 * <pre>
 *   the job's instrument-minutes (JSON) ─> MinuteRevisions ─> MarketState.restoreMinute
 *                                          (the minute bar, as a restart restores a stored one)
 *   late events (EventCodec: past the job's lateness) ─> LateParts ─> MarketState.restoreMinute
 *                                          (trades and candles, as the store's late parts)
 *   liquidations, open interest, marks, funding (EventCodec) ─> EventDecoder ─> DedupingListener ─> MarketState
 *                                          (candles skipped: the job's bars hold them)
 *   overview documents (OverviewCodec) ─────────────────────────────────────────────────────> MarketState
 *   every 5 s: Figures ─> Published ─> Server (API, dashboard, stream)
 * </pre>
 *
 * Not thread-safe: one reader thread owns it, as the live pipeline thread owns its state; API queries queue up
 * and run on that thread between reads ({@link #runQueries}).
 */
final class ClusterFigures {
    /** Versions of a minute this much older than the source's latest minute are forgotten: 6 times the job's lateness. */
    static final Duration HORIZON = Duration.ofHours(1);

    private final FigureSettings figures;
    private final MarketState state = Storage.newState();
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final EventDecoder decoder = new EventDecoder(registry);
    private final DedupingListener dedupe = new DedupingListener(state);
    private final ForwardingListener events = new ForwardingListener(dedupe) {
        @Override
        public void onCandle(Candle e) {
            // in the job's minute bars already; counting it here would add its volume twice
        }
    };
    private final MinuteRevisions revisions;
    private final LateParts late = new LateParts(state);
    private final EventDecoder lateDecoder = new EventDecoder(registry);
    private final Readouts readouts = new Readouts();
    private final LinkedBlockingQueue<FutureTask<?>> queries = new LinkedBlockingQueue<>();
    private final Consumer<Published> onPublished;
    private final AtomicLong rejected;
    private final Runnable wakeup;
    private volatile Published published = Published.EMPTY;
    private final AtomicLong results = new AtomicLong();
    private final AtomicLong rejectedResults = new AtomicLong();
    private final AtomicLong staleResults = new AtomicLong();
    private final double[] d = new double[BarSeries.DOUBLES];
    private final long[] t = new long[BarSeries.LONGS];

    /**
     * Each read-out goes to {@code onPublished}, with {@code rejected} set to the inputs refused so far;
     * {@code wakeup} interrupts the reader's wait when a query comes. {@code horizon} is {@link MinuteRevisions}'.
     */
    ClusterFigures(FigureSettings figures, Duration horizon, Consumer<Published> onPublished, AtomicLong rejected,
                   Runnable wakeup) {
        this.figures = figures;
        this.revisions = new MinuteRevisions(horizon.toNanos() / 1000);
        this.onPublished = onPublished;
        this.rejected = rejected;
        this.wakeup = wakeup;
    }

    /** A liquidation, open interest, mark, funding (or candle, skipped) record. Malformed: counted as rejected. */
    void onEvent(byte[] record) {
        decoder.decode(record, events);
    }

    /** A record the job found past its lateness. */
    void onLate(byte[] record) {
        lateDecoder.decode(record, late);
    }

    /** An overview document (key {@code kind:timeMicros}); one that is not is counted as rejected. */
    void onOverview(byte[] key, byte[] value) {
        if (!OverviewCodec.decode(key, value, state)) {
            state.onReject(Reject.MALFORMED_RECORD);
        }
    }

    /**
     * One instrument-minute of the job's results: its bar into the state, once per version. {@code source} is
     * where its versions come in order (a Kafka partition; one for a table).
     */
    void onResult(int source, byte[] value) {
        results.incrementAndGet();
        Instrument instrument;
        String key;
        long minute;
        long revision;
        try {
            JsonNode m = Json.MAPPER.readTree(value);
            if (!m.path("bar").isArray()) {
                return; // liquidations only: they come from their own topic, with every detail
            }
            instrument = registry.define(new InstrumentSpec(Venue.byId(m.path("venue").asText()),
                    m.path("symbol").asText(), Coin.of(m.path("coin").asText()),
                    ContractType.valueOf(m.path("contractType").asText()), m.path("contractSize").asDouble(),
                    m.path("contractCurrency").asText(), m.path("usdQuoted").asBoolean()));
            key = m.path("venue").asText() + ":" + m.path("symbol").asText() + ":" + m.path("minuteMicros").asLong();
            minute = m.path("minuteMicros").asLong();
            revision = m.path("revision").asLong();
            if (!row(m.path("bar"), m.path("barTimes"))
                    || t[0] != Math.floorDiv(minute, Micros.PER_MINUTE)) {
                rejectedResults.incrementAndGet();
                return;
            }
        } catch (java.io.IOException | RuntimeException e) {
            rejectedResults.incrementAndGet(); // not JSON, or not an instrument-minute: counted, never a figure
            return;
        }
        switch (revisions.admit(source, key, minute, revision, d, t)) {
            case RESTORE -> state.restoreMinute(instrument, d, t, false);
            case STALE -> staleResults.incrementAndGet();
            case TOO_LATE -> rejectedResults.incrementAndGet();
        }
    }

    /** A result that could not be read at all (a row without its document): counted, never a figure. */
    void onUnreadableResult() {
        results.incrementAndGet();
        rejectedResults.incrementAndGet();
    }

    /** Reads a bar's doubles (NaN written as "NaN") and longs into {@link #d} and {@link #t}; false if malformed. */
    private boolean row(JsonNode doubles, JsonNode longs) {
        if (doubles.size() != BarSeries.DOUBLES || !longs.isArray() || longs.size() != BarSeries.LONGS) {
            return false;
        }
        for (int i = 0; i < BarSeries.DOUBLES; i++) {
            JsonNode n = doubles.get(i);
            if (n.isNumber()) {
                d[i] = n.doubleValue();
            } else if (n.isTextual() && n.asText().equals("NaN")) {
                d[i] = Double.NaN;
            } else {
                return false;
            }
        }
        for (int i = 0; i < BarSeries.LONGS; i++) {
            if (!longs.get(i).canConvertToLong()) {
                return false;
            }
            t[i] = longs.get(i).longValue();
        }
        return true;
    }

    /** Runs the queries waiting, the first waited for at most {@code waitMillis} (0: only those already there). */
    void runQueries(long waitMillis) throws InterruptedException {
        FutureTask<?> q = waitMillis > 0 ? queries.poll(waitMillis, TimeUnit.MILLISECONDS) : queries.poll();
        for (; q != null; q = queries.poll()) {
            q.run();
        }
    }

    /** On the reader thread: forgets old liquidation detail as a live run does, and reads out when due. */
    void publish() {
        // before any event too: a source of nothing but refused rows says so in cascade_rejected_total
        rejected.set(state.counts().rejected() + rejectedResults.get());
        if (state.counts().events() == 0) {
            return;
        }
        state.evictLiquidationMinutesBefore(state.counts().lastMicros() - MarketState.LIVE_LIQUIDATION_DETAIL_MICROS);
        long wall = System.currentTimeMillis();
        if (readouts.isDue(wall)) {
            Published p = Published.of(Figures.of(state, figures), state.counts().events(), figures);
            published = p;
            onPublished.accept(p);
            readouts.made(wall);
        }
    }

    /** The API's view: the latest read-out, queries on the reader thread. */
    MarketView view() {
        return new MarketView() {
            @Override
            public Published published() {
                return published;
            }

            @Override
            public <T> T query(Function<MarketState, T> query) throws InterruptedException, TimeoutException {
                FutureTask<T> task = new FutureTask<>(() -> query.apply(state));
                queries.add(task);
                wakeup.run();
                try {
                    return task.get(LiveJob.QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        };
    }

    /** Asks for a read-out at the reader's next turn and waits for it at most {@code waitMillis}. */
    boolean refresh(long waitMillis) {
        return readouts.await(waitMillis);
    }

    /** Ends the read-outs: waiters return at once. */
    void close() {
        readouts.close();
    }

    /** Results read, results refused (malformed or too late), and stale versions skipped. */
    long results() {
        return results.get();
    }

    long rejectedResults() {
        return rejectedResults.get();
    }

    long staleResults() {
        return staleResults.get();
    }

    /** Late trades and candles added to their minutes (on the reader thread). */
    long lateApplied() {
        return late.applied();
    }
}
