package dev.cascade.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.ingest.FrameSource;
import dev.cascade.ingest.InputFiles;
import dev.cascade.ingest.OpenedInput;
import dev.cascade.ingest.ReadStats;
import dev.cascade.ingest.TimeMerge;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.kafka.Topics;
import dev.cascade.model.Candle;
import dev.cascade.model.FundingRate;
import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Trade;
import dev.cascade.venues.VenueDecoders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A recording as the Kafka records a collector publishes (EventCodec, in the order the in-process pipeline sees
 * them), and what the cluster tests need around it: publishing a slice, waiting until a job has read the topics to
 * their end, and reading the results topic back as each instrument-minute's last revision.
 */
final class Recording {
    private Recording() {
    }

    static Path sample() {
        return Paths.get(System.getProperty("cascade.root", ".."), "samples", "btc-drop-2025-06-05.jsonl");
    }

    /** Every market event of {@code file}, encoded, in time-merged order. */
    static List<byte[]> records(Path file) throws Exception {
        List<byte[]> out = new ArrayList<>();
        MarketListener encoder = new MarketListener() {
            @Override
            public void onLiquidation(Liquidation e) {
                out.add(EventCodec.encode(e));
            }

            @Override
            public void onTrade(Trade e) {
                out.add(EventCodec.encode(e));
            }

            @Override
            public void onOpenInterest(OpenInterest e) {
                out.add(EventCodec.encode(e));
            }

            @Override
            public void onMarkPrice(MarkPrice e) {
                out.add(EventCodec.encode(e));
            }

            @Override
            public void onFundingRate(FundingRate e) {
                out.add(EventCodec.encode(e));
            }

            @Override
            public void onCandle(Candle e) {
                out.add(EventCodec.encode(e));
            }
        };
        VenueDecoders decoders = new VenueDecoders(new InstrumentRegistry());
        try (InputFiles opener = new InputFiles(decoders, new ReadStats())) {
            List<FrameSource> sources = new ArrayList<>();
            for (OpenedInput input : opener.open(file, encoder)) {
                if (input.source() != null) {
                    sources.add(input.source());
                }
            }
            TimeMerge.run(sources, encoder, items -> { });
        }
        return out;
    }

    /**
     * Publishes records as KafkaEventSink does (topic by kind, keyed by instrument, exchange time), one producer for
     * the whole test: a second idempotent producer on the embedded KRaft broker was handed the first one's producer
     * id and had its sends refused as OUT_OF_ORDER_SEQUENCE_NUMBER until they expired.
     */
    static final class Publisher implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final Topics topics;

        Publisher(String bootstrap, Topics topics) {
            this.producer = new KafkaProducer<>(KafkaEventSink.producerConfig(bootstrap), new ByteArraySerializer(),
                    new ByteArraySerializer());
            this.topics = topics;
        }

        /** Sends every record and waits for every acknowledgement. */
        void publish(List<byte[]> records) throws Exception {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (byte[] r : records) {
                acks.add(producer.send(new ProducerRecord<>(topics.of(EventCodec.kind(r)), null,
                        Math.floorDiv(EventCodec.exchangeMicros(r), 1000L),
                        EventCodec.instrumentKey(r).getBytes(StandardCharsets.UTF_8), r)));
            }
            producer.flush();
            for (var ack : acks) {
                ack.get();
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** True once {@code group} has committed, on every partition of {@code topics}, the partition's end offset. */
    static boolean hasReadToTheEnd(String bootstrap, String group, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                if (end.getValue().offset() > 0 && (at == null || at.offset() < end.getValue().offset())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after {@code limit} naming {@code what}. */
    static void await(String what, Duration limit, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The committed results of {@code topic}: each instrument-minute's highest revision, as JSON without the revision. */
    static Map<String, JsonNode> latestMinutes(String bootstrap, String topic) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, InstrumentMinute> latest = new TreeMap<>();
        for (byte[] value : readCommitted(bootstrap, topic)) {
            InstrumentMinute m = MinuteJson.parse(value);
            latest.merge(m.key(), m, (old, now) -> now.revision >= old.revision ? now : old);
        }
        Map<String, JsonNode> out = new TreeMap<>();
        latest.forEach((key, m) -> {
            ObjectNode node = json.valueToTree(m);
            node.remove("revision"); // revisions count firings, which depend on when watermarks came, not on content
            out.put(key, node);
        });
        return out;
    }

    /** Every committed record value of {@code topic}, from the start to the end offsets at the call. */
    static List<byte[]> readCommitted(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // to the log's end as written, not to where committed reads stop now: a transaction the job committed
            // as it finished may still lack its markers (the coordinator writes them after the commit returns),
            // and a read_committed end offset stops short of it (CI saw 1 of 1,270 liquidations once)
            Map<TopicPartition, Long> ends;
            Properties written = new Properties();
            written.putAll(p);
            written.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            try (KafkaConsumer<byte[], byte[]> log = new KafkaConsumer<>(written)) {
                ends = log.endOffsets(partitions);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + ": the committed records did not reach the log's end "
                            + ends + " within 2 minutes (an open or stuck transaction)");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
