package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.analytics.figures.FigureSettings;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.kafka.Topics;
import dev.cascade.model.Instrument;
import dev.cascade.model.Side;
import dev.cascade.model.Venue;
import dev.cascade.server.Published;
import dev.cascade.testkit.Events;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve --source kafka} follows its topics as they grow: partitions an operator adds to a running cluster
 * ({@code kafka-topics --alter --partitions}) are found while it runs and read from their beginning, so what the
 * collector writes there is served too.
 */
class ClusterServePartitionsTest {
    private static final long MINUTE = 29_000_000L * 60_000_000L;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldServeTheEventsOfAPartitionAddedWhileRunning() throws Exception {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        Instrument eth = events.linear(Venue.BYBIT_LINEAR, "ETHUSDT", "ETH");
        Topics topics = Topics.withPrefix("grow.");
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaEventSink.producerConfig(kafka.bootstrap()))) {
            kafka.createTopics(1, List.of(topics.liquidations(), topics.trades(), topics.market(), topics.overview(),
                    "grow.minutes", "grow.late"));
            producer.send(record(topics, 0, Events.liquidation(btc, Side.LONG, 1, 100_000, MINUTE + 1_000_000))).get();

            AtomicReference<Published> last = new AtomicReference<>();
            CountDownLatch ended = new CountDownLatch(1);
            ClusterServeJob job = ClusterServeJob.start(new ClusterServeJob.Settings(kafka.bootstrap(), topics,
                    "grow.minutes", "grow.late", FigureSettings.DEFAULT, ClusterServeJob.HORIZON, Duration.ofSeconds(1)),
                    last::set, new AtomicLong(), ended::countDown);
            try {
                awaitLiquidations(job, last, 1);
                assertThat(job.partitions()).as("one each of the five topics it reads (not trades)").isEqualTo(5);

                kafka.addPartitions(topics.liquidations(), 3);
                producer.send(record(topics, 2, Events.liquidation(eth, Side.SHORT, 10, 2_500, MINUTE + 2_000_000))).get();
                awaitLiquidations(job, last, 2); // bounded by the test's timeout

                assertThat(job.partitions()).as("the two added partitions").isEqualTo(7);
                assertThat(last.get().liquidations("all").path("usd").asDouble()).isEqualTo(100_000 + 25_000);
                assertThat(job.failure()).isNull();
            } finally {
                job.close();
            }
            assertThat(ended.await(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A liquidation as the collector writes it, on {@code partition} of the liquidations topic. */
    private static ProducerRecord<byte[], byte[]> record(Topics topics, int partition, dev.cascade.model.Liquidation e) {
        return new ProducerRecord<>(topics.liquidations(), partition, Math.floorDiv(e.exchangeMicros(), 1000L),
                EventCodec.key(e.instrument()), EventCodec.encode(e));
    }

    private static void awaitLiquidations(ClusterServeJob job, AtomicReference<Published> last, long count) {
        while (last.get() == null || last.get().liquidations("all").path("count").asLong() < count) {
            job.refresh(1_000);
            assertThat(job.failure()).isNull();
        }
    }
}
