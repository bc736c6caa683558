package dev.cascade.app;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.kafka.Topics;
import dev.cascade.server.Published;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code cascade serve --source kafka}: every figure from the cluster's output, continuously, read from its topics
 * into {@link ClusterFigures}:
 *
 * <pre>
 *   PREFIX.minutes (the job's instrument-minutes, JSON) ─> ClusterFigures.onResult (by partition)
 *   PREFIX.late (EventCodec: past the job's lateness) ──> ClusterFigures.onLate
 *   PREFIX.liquidations, PREFIX.market (EventCodec) ───> ClusterFigures.onEvent
 *   PREFIX.overview (OverviewCodec) ───────────────────> ClusterFigures.onOverview
 * </pre>
 *
 * One consumer thread owns the figures: API queries run on it between polls. It reads from the beginning of every
 * partition (the results topic is compacted, the event topics keep what the figures need) and then follows the
 * topics until closed. Every {@code discoverEvery} it looks for partitions added to the topics and reads them from
 * their beginning too. The trades topic, a hundred times the rest, is never read.
 */
final class ClusterServeJob extends ClusterReader {
    /**
     * Where the topics are and what to read out; {@code horizon} is {@link MinuteRevisions}'; {@code discoverEvery}
     * how often added partitions are looked for.
     */
    record Settings(String bootstrap, Topics topics, String resultsTopic, String lateTopic, FigureSettings figures,
                    Duration horizon, Duration discoverEvery) {
    }

    /** How often a running consumer looks for partitions added to its topics (and refreshes its metadata). */
    static final Duration DISCOVER_EVERY = Duration.ofSeconds(30);

    /** {@link ClusterFigures#HORIZON}. */
    static final Duration HORIZON = ClusterFigures.HORIZON;

    private final Settings settings;
    private final List<String> topicNames;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private long nextDiscovery;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong records = new AtomicLong();

    private ClusterServeJob(Settings settings, KafkaConsumer<byte[], byte[]> consumer, Consumer<Published> onPublished,
                            AtomicLong rejected, Runnable onEnd) {
        super("cluster-consumer", settings.figures(), settings.horizon(), onPublished, rejected, onEnd);
        this.settings = settings;
        this.topicNames = List.of(settings.topics().liquidations(), settings.topics().market(),
                settings.topics().overview(), settings.resultsTopic(), settings.lateTopic());
        this.consumer = consumer;
    }

    @Override
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    void release() {
        consumer.close(Duration.ofSeconds(5));
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
        job.startReading();
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

    @Override
    void read() throws InterruptedException {
        while (!isClosed) {
            try {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.incrementAndGet();
                    String topic = r.topic();
                    if (topic.equals(settings.resultsTopic())) {
                        figures.onResult(r.partition(), r.value());
                    } else if (topic.equals(settings.lateTopic())) {
                        figures.onLate(r.value());
                    } else if (topic.equals(settings.topics().overview())) {
                        figures.onOverview(r.key(), r.value());
                    } else {
                        figures.onEvent(r.value());
                    }
                }
                if (System.currentTimeMillis() >= nextDiscovery) {
                    discover(false);
                }
            } catch (WakeupException e) {
                // a query or close: handled below
            }
            figures.runQueries(0);
            figures.publish();
        }
    }

    /** Records read, results read, and stale versions skipped. */
    long records() {
        return records.get();
    }

    long results() {
        return figures.results();
    }

    long staleResults() {
        return figures.staleResults();
    }

    /** Late trades and candles of the job's late topic added to their minutes (read on the consumer thread). */
    long lateApplied() throws InterruptedException, TimeoutException {
        return view().query(s -> figures.lateApplied());
    }

    /** Partitions being read: those of the topics at start and those added since. */
    int partitions() throws InterruptedException, TimeoutException {
        return view().query(s -> assigned.size());
    }
}
