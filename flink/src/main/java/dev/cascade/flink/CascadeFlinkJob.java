package dev.cascade.flink;

import dev.cascade.kafka.ClusterTables;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.TopicPlan;
import dev.cascade.kafka.TopicProvisioner;
import dev.cascade.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The scale-out job, wired once:
 *
 * <pre>
 *   Kafka cascade.{liquidations,trades,market} (EventCodec records, keyed venue:symbol; read_committed)
 *     ─> timestamps = exchange time, watermarks bounded by {@code outOfOrder} and aligned across partitions,
 *        a quiet live partition at the wall clock (QuietFeedWatermarks), a bounded job's idle ones skipped
 *     ─> valid records (malformed counted) ─> keyBy venue:symbol ─> Dedupe (keyed state, the in-process horizons)
 *     ─> (still keyed) 1-minute event-time windows, late events re-fire within {@code lateness}
 *          └ AggregateFunction = Cascade's LiquidationTotals, MarketBars, EventCounts, unchanged (MinuteAggregate)
 *     ─> InstrumentMinute (JSON) ─> Kafka cascade.minutes, transactional (exactly once with checkpoints)
 *                                └> QuestDB cascade_minutes (optional; DEDUP UPSERT keys make replays idempotent)
 *     └ events later than the lateness ─> Kafka cascade.late, as they came (nothing is dropped unseen)
 *   with --questdb also (ClusterTables, what serve --source questdb follows):
 *     deduped liquidations, open interest, marks, funding ─> QuestDB cascade_events (stream "event")
 *     events later than the lateness ──────────────────────> QuestDB cascade_events (stream "late")
 *     Kafka cascade.overview (CoinGecko, Fear &amp; Greed) ──> QuestDB cascade_overview
 * </pre>
 */
public final class CascadeFlinkJob {
    /** Events that arrive after their minute's window has closed for good. */
    public static final OutputTag<byte[]> LATE = new OutputTag<>("late", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /**
     * What the job reads and writes. {@code isBounded} stops at the end offsets seen at start (a batch over
     * what the topics hold); otherwise it runs until cancelled. {@code questdb} (may be null) is the HTTP
     * host:port of a QuestDB server that also receives the cluster's output ({@code ClusterTables}).
     * {@code quiet} (null: never) is how long a live partition may deliver nothing before its event time follows
     * the wall clock ({@link QuietFeedWatermarks}).
     */
    public record Settings(String bootstrap, Topics topics, String resultsTopic, String lateTopic, String groupId,
                           Duration outOfOrder, Duration lateness, boolean isBounded,
                           DeliveryGuarantee guarantee, String questdb, Duration quiet) {
        public static Settings defaults(String bootstrap) {
            return new Settings(bootstrap, Topics.defaults(), Topics.DEFAULT_PREFIX + "minutes",
                    Topics.DEFAULT_PREFIX + "late", "cascade-flink", Duration.ofSeconds(5), Duration.ofMinutes(10), false,
                    DeliveryGuarantee.EXACTLY_ONCE, null, Duration.ofMinutes(1));
        }

        /** The same job also writing to a QuestDB server at {@code address} (host:port of its HTTP). */
        public Settings withQuestDb(String address) {
            return new Settings(bootstrap, topics, resultsTopic, lateTopic, groupId, outOfOrder, lateness, isBounded,
                    guarantee, address, quiet);
        }

        /** The same job writing its results elsewhere (a recount beside the live job). */
        public Settings withResults(String results, String late) {
            return new Settings(bootstrap, topics, results, late, groupId, outOfOrder, lateness, isBounded,
                    guarantee, questdb, quiet);
        }
    }

    /**
     * Operator ids: a savepoint maps its state to operators by these, so they never change. A new sink gets a
     * new id; removing one needs {@code --allowNonRestoredState} and drops only that sink's own state.
     */
    static final String UID_SOURCE = "cascade-events";
    static final String UID_VALID = "valid-records";
    static final String UID_DEDUPE = "dedupe";
    static final String UID_WINDOWS = "instrument-minutes";
    static final String UID_MINUTES_KAFKA = "minutes-to-kafka";
    static final String UID_LATE_KAFKA = "late-to-kafka";
    static final String UID_MINUTES_QUESTDB = "minutes-to-questdb";
    static final String UID_BEYOND_MINUTES = "events-beyond-minutes";
    static final String UID_EVENTS_QUESTDB = "events-to-questdb";
    static final String UID_LATE_QUESTDB = "late-to-questdb";
    static final String UID_OVERVIEW_SOURCE = "overview-documents";
    static final String UID_OVERVIEW_QUESTDB = "overview-to-questdb";

    /** How far (event time) a partition may read ahead of the slowest. */
    static final Duration ALIGNMENT = Duration.ofMinutes(10);

    private static final List<String> OPTIONS = List.of("bootstrap", "topic-prefix", "results-topic", "late-topic",
            "questdb", "lateness", "out-of-order", "close-quiet-after", "bounded", "at-least-once",
            "checkpoint-every", "group", "partitions", "replication");

    /** How often a live job looks for partitions added to its topics. */
    static final Duration PARTITION_DISCOVERY = Duration.ofMinutes(1);

    private CascadeFlinkJob() {
    }

    /**
     * {@code flink run cascade-flink-job.jar --bootstrap HOST:PORT [--topic-prefix P] [--questdb HOST:9000]
     * [--results-topic T] [--late-topic T] [--lateness 10m] [--out-of-order 5s]
     * [--close-quiet-after 1m|off] [--bounded] [--at-least-once] [--checkpoint-every 10s] [--group ID]
     * [--partitions 12] [--replication N]}. The topics are provisioned first (TopicPlan): a job started before
     * them would fail on unknown partitions until someone created them.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Settings settings = settings(options);
        try (TopicProvisioner p = TopicProvisioner.connect(settings.bootstrap(), Duration.ofSeconds(30))) {
            int replication = options.containsKey("replication") ? Integer.parseInt(options.get("replication"))
                    : p.defaultReplication();
            p.ensure(TopicPlan.of(settings.topics(), new TopicPlan.Results(settings.resultsTopic(), settings.lateTopic()),
                    Integer.parseInt(options.getOrDefault("partitions", "12")), replication));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(duration(options.get("checkpoint-every"), Duration.ofSeconds(10)).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        build(env, settings);
        env.execute("cascade");
    }

    /** The job's settings from its command-line options (see {@link #main}). */
    static Settings settings(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (known: --" + String.join(", --", OPTIONS) + ")");
            }
        }
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String prefix = options.getOrDefault("topic-prefix", Topics.DEFAULT_PREFIX);
        Settings d = Settings.defaults(bootstrap);
        String results = options.getOrDefault("results-topic", prefix + "minutes");
        String late = options.getOrDefault("late-topic", prefix + "late");
        if (results.equals(late) || Topics.withPrefix(prefix).all().contains(results) || Topics.withPrefix(prefix).all().contains(late)) {
            throw new IllegalArgumentException("the results and late topics must differ from each other and from the event topics");
        }
        return new Settings(bootstrap, Topics.withPrefix(prefix), results, late,
                options.getOrDefault("group", d.groupId()),
                duration(options.get("out-of-order"), d.outOfOrder()), duration(options.get("lateness"), d.lateness()),
                options.containsKey("bounded"),
                options.containsKey("at-least-once") ? DeliveryGuarantee.AT_LEAST_ONCE : DeliveryGuarantee.EXACTLY_ONCE,
                options.get("questdb"), "off".equals(options.get("close-quiet-after")) ? null
                        : duration(options.get("close-quiet-after"), d.quiet()));
    }

    /** Adds the job to {@code env}: Kafka in, the minutes and the late events out. */
    @SuppressWarnings("deprecation") // the connector's API still takes Kafka's OffsetResetStrategy
    public static void build(StreamExecutionEnvironment env, Settings s) {
        var source = KafkaSource.<byte[]>builder()
                .setBootstrapServers(s.bootstrap())
                .setTopics(s.topics().all())
                .setGroupId(s.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .setProperty("isolation.level", "read_committed");
        if (s.isBounded()) {
            source.setBounded(OffsetsInitializer.latest());
        } else {
            // partitions added to the topics are read from their beginning within a minute (the connector's default
            // is five): what the collector writes there is not left waiting
            source.setProperty("partition.discovery.interval.ms", Long.toString(PARTITION_DISCOVERY.toMillis()));
        }
        // Partitions are read at different paces (the trades topic has a hundred times the records of the
        // others): aligned watermarks pause a partition more than ALIGNMENT of event time ahead of the slowest,
        // so that windows of the fast ones do not pile up waiting (a recount of a month would not fit in memory)
        // A bounded job's input ends, which closes every window; a live one's goes quiet, which closes none unless
        // event time moves on with the wall clock once a live partition has gone quiet (QuietFeedWatermarks)
        WatermarkStrategy<byte[]> bounded = WatermarkStrategy.<byte[]>forBoundedOutOfOrderness(s.outOfOrder())
                .withIdleness(Duration.ofMinutes(1));
        Duration outOfOrder = s.outOfOrder(); // the supplier travels to the task managers: captures values only
        Duration quiet = s.quiet();
        Duration liveWithin = s.lateness(); // a backlog closer than the lateness only ever turns into revisions
        WatermarkStrategy<byte[]> live = WatermarkStrategy.forGenerator(
                c -> new QuietFeedWatermarks(outOfOrder, quiet, liveWithin, System::currentTimeMillis));
        WatermarkStrategy<byte[]> watermarks = (s.isBounded() || s.quiet() == null ? bounded : live)
                .withTimestampAssigner((record, kafkaTime) -> Math.floorDiv(EventCodec.exchangeMicros(record), 1000L))
                .withWatermarkAlignment(s.groupId(), ALIGNMENT, Duration.ofMillis(200));
        DataStream<byte[]> records = env.fromSource(source.build(), watermarks, "cascade events").uid(UID_SOURCE)
                .filter(new ValidRecords()).name("valid records").uid(UID_VALID);
        SingleOutputStreamOperator<byte[]> deduped = deduped(records, s);
        // the deduplicator's output is still partitioned by instrument: no second shuffle
        SingleOutputStreamOperator<InstrumentMinute> minutes = windows(
                DataStreamUtils.reinterpretAsKeyedStream(deduped, new InstrumentKey(), Types.STRING), s);
        minutes.sinkTo(KafkaSink.<InstrumentMinute>builder()
                .setBootstrapServers(s.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<InstrumentMinute>builder()
                        .setTopic(s.resultsTopic())
                        .setKeySerializationSchema(new MinuteKey())
                        .setValueSerializationSchema(new MinuteJson())
                        .build())
                .setDeliveryGuarantee(s.guarantee())
                .setTransactionalIdPrefix(s.groupId() + "-minutes")
                .setProperty("transaction.timeout.ms", "900000")
                .build()).name("minutes to Kafka").uid(UID_MINUTES_KAFKA);
        minutes.getSideOutput(LATE).sinkTo(KafkaSink.<byte[]>builder()
                .setBootstrapServers(s.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<byte[]>builder()
                        .setTopic(s.lateTopic())
                        .setKeySerializationSchema(new RecordKey())
                        .setValueSerializationSchema(new AsItCame())
                        .build())
                .setDeliveryGuarantee(s.guarantee())
                .setTransactionalIdPrefix(s.groupId() + "-late")
                .setProperty("transaction.timeout.ms", "900000")
                .build()).name("late events to Kafka").uid(UID_LATE_KAFKA);
        if (s.questdb() != null) {
            toQuestDb(env, s, minutes, deduped);
        }
    }

    /**
     * The cluster's output into QuestDB ({@code ClusterTables}), what {@code serve --source questdb} follows: the
     * minutes, the events the figures need beyond them (liquidations, open interest, marks, funding; after the
     * dedupe), the late events, and the overview documents, which only this part of the job reads.
     */
    private static void toQuestDb(StreamExecutionEnvironment env, Settings s,
                                  SingleOutputStreamOperator<InstrumentMinute> minutes, DataStream<byte[]> deduped) {
        minutes.sinkTo(new QuestDbSink<>(s.questdb(), new QuestDbRows.Minutes())).name("minutes to QuestDB")
                .uid(UID_MINUTES_QUESTDB);
        deduped.filter(new BeyondMinutes()).name("events beyond the minutes").uid(UID_BEYOND_MINUTES)
                .sinkTo(new QuestDbSink<>(s.questdb(), new QuestDbRows.Events(ClusterTables.STREAM_EVENT)))
                .name("events to QuestDB").uid(UID_EVENTS_QUESTDB);
        minutes.getSideOutput(LATE).sinkTo(new QuestDbSink<>(s.questdb(), new QuestDbRows.Events(ClusterTables.STREAM_LATE)))
                .name("late events to QuestDB").uid(UID_LATE_QUESTDB);
        var overview = KafkaSource.<OverviewRecord>builder()
                .setBootstrapServers(s.bootstrap())
                .setTopics(s.topics().overview())
                .setGroupId(s.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new OverviewRecord.Reader())
                .setProperty("isolation.level", "read_committed");
        if (s.isBounded()) {
            overview.setBounded(OffsetsInitializer.latest());
        }
        env.fromSource(overview.build(), WatermarkStrategy.noWatermarks(), "overview documents").uid(UID_OVERVIEW_SOURCE)
                .sinkTo(new QuestDbSink<>(s.questdb(), new QuestDbRows.Overview())).name("overview to QuestDB")
                .uid(UID_OVERVIEW_QUESTDB);
    }

    /** Each instrument's records without repeats. */
    public static SingleOutputStreamOperator<byte[]> deduped(DataStream<byte[]> records, Settings s) {
        return records
                .keyBy(new InstrumentKey(), Types.STRING)
                .process(new Dedupe(), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .name("dedupe").uid(UID_DEDUPE);
    }

    /** One-minute event-time windows per instrument over Cascade's aggregators (operator tests build this alone). */
    public static SingleOutputStreamOperator<InstrumentMinute> windows(KeyedStream<byte[], String> records, Settings s) {
        return records
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .allowedLateness(s.lateness())
                .sideOutputLateData(LATE)
                .aggregate(new MinuteAggregate(), new StampMinute())
                .name("instrument minutes").uid(UID_WINDOWS);
    }

    /** Records are keyed by {@code venue:symbol}, as Kafka keys them. */
    public static final class InstrumentKey implements KeySelector<byte[], String> {
        @Override
        public String getKey(byte[] record) {
            return EventCodec.instrumentKey(record);
        }
    }

    /** A minute's Kafka key (Flink's type extraction needs classes here, not lambdas). */
    static final class MinuteKey implements SerializationSchema<InstrumentMinute> {
        @Override
        public byte[] serialize(InstrumentMinute m) {
            return m.key().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A late record's Kafka key: its {@code venue:symbol}, as it had on the way in. */
    static final class RecordKey implements SerializationSchema<byte[]> {
        @Override
        public byte[] serialize(byte[] record) {
            return String.valueOf(EventCodec.instrumentKey(record)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A late record's value: the record, unchanged. */
    static final class AsItCame implements SerializationSchema<byte[]> {
        @Override
        public byte[] serialize(byte[] record) {
            return record;
        }
    }

    /**
     * The records the figures need beyond the minute bars: not trades and candles, which the bars hold (a reader
     * adding them again would count their volume twice).
     */
    static final class BeyondMinutes implements org.apache.flink.api.common.functions.FilterFunction<byte[]> {
        @Override
        public boolean filter(byte[] record) {
            EventCodec.Kind kind = EventCodec.kind(record);
            return kind != EventCodec.Kind.TRADE && kind != EventCodec.Kind.CANDLE;
        }
    }

    /** Passes decodable records; counts the rest (metric {@code malformed}). */
    static final class ValidRecords extends RichFilterFunction<byte[]> {
        private transient Counter malformed;

        @Override
        public void open(OpenContext context) {
            malformed = getRuntimeContext().getMetricGroup().counter("malformed");
        }

        @Override
        public boolean filter(byte[] record) {
            boolean isValid = EventCodec.instrumentKey(record) != null && EventCodec.exchangeMicros(record) != Long.MIN_VALUE;
            if (!isValid) {
                malformed.inc();
            }
            return isValid;
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "true");
        }
        return options;
    }

    /** 90s, 10m, 2h. */
    static Duration duration(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("a duration is a number and s, m or h: " + text);
        };
    }
}
