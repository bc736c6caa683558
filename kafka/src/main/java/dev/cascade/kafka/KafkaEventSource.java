package dev.cascade.kafka;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads Cascade's topics as {@code cascade replay} reads files: everything from the beginning up to the end
 * offsets seen at the start (committed records only), merged across partitions in exchange-time order, decoded
 * to a listener. Partitions are ordered within themselves; the merge emits a partition's head only while every
 * unfinished partition has something buffered, so the order is exact, and a partition far ahead is paused
 * rather than buffered without bound.
 */
public final class KafkaEventSource implements AutoCloseable {
    /** What a read did. */
    public record Stats(long records, long events, long malformed, int partitions) {
    }

    private static final int PAUSE_ABOVE = 50_000;

    private final Consumer<byte[], byte[]> consumer;

    public KafkaEventSource(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    public static KafkaEventSource connect(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaEventSource(new KafkaConsumer<>(p));
    }

    /**
     * Reads the overview topic {@code topic} (skipped when missing) to its end offsets and hands its documents to
     * {@code out}, in the order of the partitions (the overview keys them by time: order does not matter); a record
     * that is no overview document is a counted {@link Reject#MALFORMED_RECORD}. Returns the documents read. Read before the events, as a replay of files applies them when
     * the files open.
     */
    public long readOverview(String topic, MarketListener out) {
        List<TopicPartition> partitions = partitionsOf(List.of(topic));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long documents = 0;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() >= ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    continue; // written after the read began
                }
                if (OverviewCodec.decode(r.key(), r.value(), out)) {
                    documents++;
                } else {
                    out.onReject(Reject.MALFORMED_RECORD);
                }
            }
        }
        return documents;
    }

    /** Reads {@code topics} (missing ones are skipped) to {@code out}, resolving instruments in {@code registry}. */
    public Stats readAll(Collection<String> topics, InstrumentRegistry registry, MarketListener out) {
        List<TopicPartition> partitions = partitionsOf(topics);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers = new HashMap<>();
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < ends.get(tp)) {
                buffers.put(tp, new ArrayDeque<>());
            }
        }
        consumer.pause(difference(partitions, buffers.keySet()));
        EventDecoder decoder = new EventDecoder(registry);
        long records = 0;
        long events = 0;
        while (true) {
            // a partition is done when nothing is buffered and the consumer is past its end offset (which may be
            // a transaction marker rather than a record)
            buffers.entrySet().removeIf(e -> e.getValue().isEmpty() && consumer.position(e.getKey()) >= ends.get(e.getKey()));
            if (buffers.isEmpty()) {
                break;
            }
            TopicPartition next = earliestHead(buffers);
            if (next == null) {
                poll(buffers, ends);
                continue;
            }
            ConsumerRecord<byte[], byte[]> r = buffers.get(next).poll();
            if (r.offset() >= ends.get(next)) {
                buffers.get(next).clear(); // written after the read began
                continue;
            }
            records++;
            if (decoder.decode(r.value(), out)) {
                events++;
            }
        }
        return new Stats(records, events, records - events, partitions.size());
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        return partitions;
    }

    /** The partition whose head is earliest, or null while some unfinished partition has nothing buffered. */
    private static TopicPartition earliestHead(Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers) {
        TopicPartition best = null;
        long bestMicros = Long.MAX_VALUE;
        for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : buffers.entrySet()) {
            ConsumerRecord<byte[], byte[]> head = e.getValue().peek();
            if (head == null) {
                return null;
            }
            long micros = EventCodec.exchangeMicros(head.value());
            if (best == null || micros < bestMicros) {
                best = e.getKey();
                bestMicros = micros;
            }
        }
        return best;
    }

    private void poll(Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers, Map<TopicPartition, Long> ends) {
        List<TopicPartition> full = new ArrayList<>();
        List<TopicPartition> hungry = new ArrayList<>();
        buffers.forEach((tp, q) -> (q.size() > PAUSE_ABOVE || consumer.position(tp) >= ends.get(tp) ? full : hungry).add(tp));
        consumer.pause(full);
        consumer.resume(hungry);
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            ArrayDeque<ConsumerRecord<byte[], byte[]>> q = buffers.get(new TopicPartition(r.topic(), r.partition()));
            if (q != null) {
                q.add(r);
            }
        }
    }

    private static List<TopicPartition> difference(List<TopicPartition> all, Collection<TopicPartition> keep) {
        List<TopicPartition> rest = new ArrayList<>(all);
        rest.removeAll(keep);
        return rest;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(10));
    }
}
