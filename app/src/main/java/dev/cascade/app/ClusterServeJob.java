package dev.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.analytics.MarketState;
import dev.cascade.analytics.bars.BarSeries;
import dev.cascade.analytics.dedupe.DedupingListener;
import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.analytics.figures.Figures;
import dev.cascade.kafka.EventDecoder;
import dev.cascade.kafka.OverviewCodec;
import dev.cascade.kafka.Topics;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code cascade serve --source kafka}: every figure from the cluster's output, continuously. The job did the
 * per-trade work; this process keeps the rest, in the MarketState a live run keeps:
 *
 * <pre>
 *   PREFIX.minutes (the job's instrument-minutes, JSON) ─> MinuteRevisions ─> MarketState.restoreMinute
 *                                                          (the minute bar, as a restart restores a stored one)
 *   PREFIX.late (EventCodec: past the job's lateness) ─> LateParts ─> MarketState.restoreMinute
 *                                                          (trades and candles, as the store's late parts)
 *   PREFIX.liquidations, PREFIX.market (EventCodec) ─> EventDecoder ─> DedupingListener ─> MarketState
 *                                                          (candles skipped: the job's bars hold them)
 *   PREFIX.overview (OverviewCodec) ─────────────────────────────────────────────────> MarketState
 *   every 5 s: Figures ─> Published ─> Server (API, dashboard, stream)
 * </pre>
 *
 * One consumer thread owns the state, as the live pipeline thread does: API queries run on it between polls.
 * It reads from the beginning of every partition (the results topic is compacted, the event topics keep what
 * the figures need) and then follows the topics until closed. Every {@code discoverEvery} it looks for partitions
 * added to the topics and reads them from their beginning too. The trades topic, a hundred times the rest, is
 * never read.
 */
final class ClusterServeJob implements AutoCloseable {
    /**
     * Where the topics are and what to read out; {@code horizon} is {@link MinuteRevisions}'; {@code discoverEvery}
     * how often added partitions are looked for.
     */
    record Settings(String bootstrap, Topics topics, String resultsTopic, String lateTopic, FigureSettings figures,
                    Duration horizon, Duration discoverEvery) {
    }

    /** How often a running consumer looks for partitions added to its topics (and refreshes its metadata). */
    static final Duration DISCOVER_EVERY = Duration.ofSeconds(30);

    /** Versions of a minute this much older than the partition's latest minute are forgotten: 6 times the job's lateness. */
    static final Duration HORIZON = Duration.ofHours(1);

    private final Settings settings;
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
    private final List<String> topicNames;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private long nextDiscovery;
    private final Readouts readouts = new Readouts();
    private final LinkedBlockingQueue<FutureTask<?>> queries = new LinkedBlockingQueue<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<Published> onPublished;
    private final Thread thread;
    private volatile Published published = Published.EMPTY;
    private volatile boolean isClosed;
    private volatile Throwable failure;
    private final AtomicLong results = new AtomicLong();
    private final AtomicLong rejectedResults = new AtomicLong();
    private final AtomicLong staleResults = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final double[] d = new double[BarSeries.DOUBLES];
    private final long[] t = new long[BarSeries.LONGS];

    private final AtomicLong rejected;

    private ClusterServeJob(Settings settings, KafkaConsumer<byte[], byte[]> consumer, Consumer<Published> onPublished,
                            AtomicLong rejected, Runnable onEnd) {
        this.settings = settings;
        this.topicNames = List.of(settings.topics().liquidations(), settings.topics().market(),
                settings.topics().overview(), settings.resultsTopic(), settings.lateTopic());
        this.rejected = rejected;
        this.consumer = consumer;
        this.onPublished = onPublished;
        this.revisions = new MinuteRevisions(settings.horizon().toNanos() / 1000);
        this.thread = new Thread(() -> {
            try {
                run();
            } catch (Throwable e) {
                failure = e;
            } finally {
                readouts.close();
                consumer.close(Duration.ofSeconds(5));
                onEnd.run();
            }
        }, "cluster-consumer");
    }

    /**
     * Connects, finds every partition of the five topics (a missing topic, or a cluster that does not answer
     * within {@link KafkaOptions#CONNECT_TIMEOUT}, is a one-line {@link IllegalStateException}), and starts
     * consuming. Each read-out goes to {@code onPublished}, with {@code rejected} set to the inputs refused so far;
     * {@code onEnd} runs once the consumer thread has ended (closed or failed, see {@link #failure}).
     */
    static ClusterServeJob start(Settings settings, Consumer<Published> onPublished, AtomicLong rejected, Runnable onEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the job's results are transactional
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.discoverEvery().toMillis()); // sees added partitions
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
        ClusterServeJob job = new ClusterServeJob(settings, consumer, onPublished, rejected, onEnd);
        try {
            job.discover(true);
        } catch (RuntimeException e) {
            consumer.close(Duration.ofSeconds(5));
            throw e;
        }
        job.thread.start();
        return job;
    }

    /**
     * Assigns the partitions of the topics not assigned yet, read from their beginning. At start ({@code isStart})
     * a missing topic, or a cluster that does not answer within {@link KafkaOptions#CONNECT_TIMEOUT}, is a one-line
     * {@link IllegalStateException}; later, a look that fails (it waits a second at most: the consumer thread also
     * answers the API) is tried again a period on.
     */
    private void discover(boolean isStart) {
        nextDiscovery = System.currentTimeMillis() + settings.discoverEvery().toMillis();
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topicNames) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, isStart ? KafkaOptions.CONNECT_TIMEOUT : Duration.ofSeconds(1));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (!isStart) {
                    return;
                }
                throw new IllegalStateException("Kafka at " + settings.bootstrap() + " did not answer within "
                        + KafkaOptions.CONNECT_TIMEOUT.toSeconds() + " s");
            }
            if ((infos == null || infos.isEmpty()) && isStart) {
                boolean isJobs = topic.equals(settings.resultsTopic()) || topic.equals(settings.lateTopic());
                throw new IllegalStateException("no topic " + topic + " at " + settings.bootstrap() + " ("
                        + (isJobs ? "start the job first, or name its topics with --results-topic and --late-topic"
                        : "run cascade kafka init, or give the collector's --topic-prefix") + ")");
            }
            for (PartitionInfo i : infos == null ? List.<PartitionInfo>of() : infos) {
                TopicPartition tp = new TopicPartition(i.topic(), i.partition());
                if (assigned.add(tp)) {
                    added.add(tp);
                }
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned); // the partitions assigned before keep their positions
            consumer.seekToBeginning(added);
        }
    }

    private void run() {
        while (!isClosed) {
            try {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.incrementAndGet();
                    String topic = r.topic();
                    if (topic.equals(settings.resultsTopic())) {
                        onResult(r.partition(), r.value());
                    } else if (topic.equals(settings.lateTopic())) {
                        lateDecoder.decode(r.value(), late);
                    } else if (topic.equals(settings.topics().overview())) {
                        if (!OverviewCodec.decode(r.key(), r.value(), state)) {
                            state.onReject(Reject.MALFORMED_RECORD);
                        }
                    } else {
                        decoder.decode(r.value(), events); // malformed: counted by the state as rejected
                    }
                }
                if (System.currentTimeMillis() >= nextDiscovery) {
                    discover(false);
                }
            } catch (WakeupException e) {
                // a query or close: handled below
            }
            for (FutureTask<?> q; (q = queries.poll()) != null; ) {
                q.run();
            }
            publish();
        }
    }

    /** One instrument-minute of the job's results: its bar into the state, once per version. */
    private void onResult(int partition, byte[] value) {
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
        switch (revisions.admit(partition, key, minute, revision, d, t)) {
            case RESTORE -> state.restoreMinute(instrument, d, t, false);
            case STALE -> staleResults.incrementAndGet();
            case TOO_LATE -> rejectedResults.incrementAndGet();
        }
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

    /** On the consumer thread: forgets old liquidation detail as a live run does, and reads out when due. */
    private void publish() {
        if (state.counts().events() == 0) {
            return;
        }
        state.evictLiquidationMinutesBefore(state.counts().lastMicros() - MarketState.LIVE_LIQUIDATION_DETAIL_MICROS);
        long wall = System.currentTimeMillis();
        if (readouts.isDue(wall)) {
            Published p = Published.of(Figures.of(state, settings.figures()), state.counts().events(), settings.figures());
            published = p;
            rejected.set(state.counts().rejected() + rejectedResults.get());
            onPublished.accept(p);
            readouts.made(wall);
        }
    }

    /** The API's view: the latest read-out, queries on the consumer thread. */
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
                consumer.wakeup();
                try {
                    return task.get(LiveJob.QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        };
    }

    /** Asks for a read-out at the consumer's next turn and waits for it at most {@code waitMillis}. */
    boolean refresh(long waitMillis) {
        return readouts.await(waitMillis);
    }

    /** Records read, results read, results refused (malformed or too late), and stale versions skipped. */
    long records() {
        return records.get();
    }

    long results() {
        return results.get();
    }

    long rejectedResults() {
        return rejectedResults.get();
    }

    long staleResults() {
        return staleResults.get();
    }

    /** Late trades and candles of the job's late topic added to their minutes (read on the consumer thread). */
    long lateApplied() throws InterruptedException, TimeoutException {
        return view().query(s -> late.applied());
    }

    /** Partitions being read: those of the topics at start and those added since. */
    int partitions() throws InterruptedException, TimeoutException {
        return view().query(s -> assigned.size());
    }

    /** Why the consumer thread ended, or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        isClosed = true;
        consumer.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }
}
