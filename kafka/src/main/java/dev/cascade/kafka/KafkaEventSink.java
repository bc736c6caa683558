package dev.cascade.kafka;

import dev.cascade.model.Candle;
import dev.cascade.model.FundingRate;
import dev.cascade.model.Instrument;
import dev.cascade.model.Liquidation;
import dev.cascade.model.MarkPrice;
import dev.cascade.model.MarketListener;
import dev.cascade.model.OpenInterest;
import dev.cascade.model.Trade;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A pipeline stage that publishes every normalized event to Kafka ({@code cascade live --sink kafka},
 * {@code cascade record --sink kafka}). The producer is idempotent with {@code acks=all}, so a broker failover
 * neither loses nor repeats an acknowledged record; records carry the event's exchange time as their Kafka
 * timestamp. Sends are asynchronous: the pipeline thread never waits for the broker unless the producer's
 * buffer is full, and a failed send is counted, never thrown into the pipeline.
 */
public final class KafkaEventSink implements MarketListener, AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Record keys by the instrument's process-wide key: one allocation per instrument, not per event. */
    private byte[][] keys = new byte[256][];

    public KafkaEventSink(Producer<byte[], byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /** A sink with Cascade's producer settings, connecting to {@code bootstrap} (host:port[,host:port]). */
    public static KafkaEventSink connect(String bootstrap, Topics topics) {
        return new KafkaEventSink(new KafkaProducer<>(producerConfig(bootstrap)), topics);
    }

    public static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    @Override
    public void onLiquidation(Liquidation e) {
        send(EventCodec.Kind.LIQUIDATION, e.instrument(), e.exchangeMicros(), EventCodec.encode(e));
    }

    @Override
    public void onTrade(Trade e) {
        send(EventCodec.Kind.TRADE, e.instrument(), e.exchangeMicros(), EventCodec.encode(e));
    }

    @Override
    public void onOpenInterest(OpenInterest e) {
        send(EventCodec.Kind.OPEN_INTEREST, e.instrument(), e.exchangeMicros(), EventCodec.encode(e));
    }

    @Override
    public void onMarkPrice(MarkPrice e) {
        send(EventCodec.Kind.MARK_PRICE, e.instrument(), e.exchangeMicros(), EventCodec.encode(e));
    }

    @Override
    public void onFundingRate(FundingRate e) {
        send(EventCodec.Kind.FUNDING, e.instrument(), e.exchangeMicros(), EventCodec.encode(e));
    }

    @Override
    public void onCandle(Candle e) {
        send(EventCodec.Kind.CANDLE, e.instrument(), e.exchangeMicros(), EventCodec.encode(e));
    }

    private void send(EventCodec.Kind kind, Instrument instrument, long exchangeMicros, byte[] value) {
        sent.incrementAndGet();
        producer.send(new ProducerRecord<>(topics.of(kind), null, Math.floorDiv(exchangeMicros, 1000L),
                key(instrument), value), (metadata, error) -> (error == null ? acknowledged : failed).incrementAndGet());
    }

    private byte[] key(Instrument instrument) {
        int k = instrument.key();
        if (k >= keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, k + 1));
        }
        byte[] key = keys[k];
        if (key == null) {
            key = EventCodec.key(instrument);
            keys[k] = key;
        }
        return key;
    }

    /** Records handed to the producer. */
    public long sent() {
        return sent.get();
    }

    /** Records the brokers acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records the producer gave up on (after its own retries). */
    public long failed() {
        return failed.get();
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.flush();
        producer.close(Duration.ofSeconds(30));
    }
}
