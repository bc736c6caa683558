package dev.cascade.kafka;

import dev.cascade.model.Candle;
import dev.cascade.model.CoinMarkets;
import dev.cascade.model.FearGreedReading;
import dev.cascade.model.FundingRate;
import dev.cascade.model.GlobalMarket;
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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A pipeline stage that publishes every normalized event to Kafka ({@code cascade live --sink kafka},
 * {@code cascade record --sink kafka}, {@code cascade publish}), overview documents included. The producer is
 * idempotent with {@code acks=all}, so a broker failover neither loses nor repeats an acknowledged record; records
 * carry the event's exchange time as their Kafka timestamp. Sends are asynchronous: the pipeline thread never waits for the broker unless the producer's
 * buffer is full, and a failed send is counted, never thrown into the pipeline.
 *
 * <p>Every record is settled within {@link #DELIVERY_TIMEOUT}: acknowledged, or failed after the producer's own
 * retries (a dropped connection is retried without loss or repeat; a broker gone for longer is a failure). A send
 * waits at most {@link #MAX_BLOCK} for metadata or buffer space, so a broker that vanished cannot stall the
 * pipeline for minutes per event; after the first failure the sink counts further events as failed without
 * sending them, so the run can stop promptly. The command reads {@link #lost()} at the end and fails if it is not zero.
 */
public final class KafkaEventSink implements MarketListener, AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Callback settle = (metadata, error) -> {
        if (error == null) {
            acknowledged.incrementAndGet();
        } else {
            fail(error);
        }
    };
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

    /** How long a record may take from send to acknowledgement, retries included. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);
    /** How long a send may wait for topic metadata or buffer space before it counts as failed. */
    public static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    public static Map<String, Object> producerConfig(String bootstrap) {
        return Map.ofEntries(
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis()),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK.toMillis()),
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000),
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 20),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Overview documents (market caps, fear and greed) go to their own topic, keyed by kind and time. */
    @Override
    public void onGlobalMarket(GlobalMarket e) {
        send(topics.overview(), OverviewCodec.key(e), Math.floorDiv(e.timeMicros(), 1000L), OverviewCodec.encode(e));
    }

    @Override
    public void onCoinMarkets(CoinMarkets e) {
        send(topics.overview(), OverviewCodec.key(e), Math.floorDiv(e.timeMicros(), 1000L), OverviewCodec.encode(e));
    }

    @Override
    public void onFearGreed(FearGreedReading e) {
        send(topics.overview(), OverviewCodec.key(e), Math.floorDiv(e.timeMicros(), 1000L), OverviewCodec.encode(e));
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
        send(topics.of(kind), key(instrument), Math.floorDiv(exchangeMicros, 1000L), value);
    }

    private void send(String topic, byte[] key, long timestampMillis, byte[] value) {
        sent.incrementAndGet();
        if (failed.get() > 0) { // the broker has been gone for a delivery timeout: do not wait on it per event
            failed.incrementAndGet();
            return;
        }
        try {
            producer.send(new ProducerRecord<>(topic, null, timestampMillis, key, value), settle);
        } catch (RuntimeException e) { // no metadata or no buffer within MAX_BLOCK, or the producer is closed
            fail(e);
        }
    }

    private void fail(Exception error) {
        failed.incrementAndGet();
        firstError.compareAndSet(null, error.getClass().getSimpleName() + ": " + error.getMessage());
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

    /** Records sent but never acknowledged: failed, or abandoned when the producer closed. */
    public long lost() {
        return sent.get() - acknowledged.get();
    }

    /** Why the first record failed, or null. */
    public String firstError() {
        return firstError.get();
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        // bounded: records still unsettled after the delivery timeout are failed by the close, never waited for
        producer.close(DELIVERY_TIMEOUT.plusSeconds(5));
    }
}
