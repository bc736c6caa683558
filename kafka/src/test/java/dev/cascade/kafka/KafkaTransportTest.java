package dev.cascade.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.InstrumentRegistry;
import dev.cascade.model.Micros;
import dev.cascade.testkit.CapturingListener;
import dev.cascade.testkit.MarketStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Events through a real broker: published by the sink on four partitions, read back in time order by the source. */
@Tag("cluster")
class KafkaTransportTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void everyEventComesBackOnceInExchangeTimeOrder() throws Exception {
        Topics topics = Topics.withPrefix("transport.");
        kafka.createTopics(4, topics.all());
        MarketStream stream = new MarketStream();
        // a feed delivers each instrument's events in time order; the generator does not, so sort
        List<Object> events = new java.util.ArrayList<>(stream.generate(11, Micros.of(java.time.Instant.parse("2025-06-05T12:00:00Z")), 3, 30));
        events.sort(java.util.Comparator.comparingLong(e -> EventCodec.exchangeMicros(EventCodecTest.encode(e))));
        CapturingListener direct = new CapturingListener();
        try (KafkaEventSink sink = KafkaEventSink.connect(kafka.bootstrap(), topics)) {
            for (Object e : events) {
                MarketStream.deliver(e, sink);
                MarketStream.deliver(e, direct);
            }
            sink.flush();
            assertThat(sink.acknowledged()).isEqualTo(sink.sent()).isEqualTo(events.size());
            assertThat(sink.failed()).isZero();
        }
        CapturingListener read = new CapturingListener();
        KafkaEventSource.Stats stats;
        try (KafkaEventSource source = KafkaEventSource.connect(kafka.bootstrap())) {
            stats = source.readAll(topics.all(), new InstrumentRegistry(), read);
        }
        assertThat(stats.partitions()).isEqualTo(12);
        assertThat(stats.events()).isEqualTo(events.size());
        assertThat(stats.malformed()).isZero();
        assertThat(read.liquidations).hasSameSizeAs(direct.liquidations);
        assertThat(read.trades).hasSameSizeAs(direct.trades);
        assertThat(read.openInterest).hasSameSizeAs(direct.openInterest);
        double directUsd = direct.liquidations.stream().mapToDouble(l -> l.usd()).sum();
        double readUsd = read.liquidations.stream().mapToDouble(l -> l.usd()).sum();
        assertThat(readUsd).isEqualTo(directUsd, org.assertj.core.data.Offset.offset(1e-6));
        // merged across partitions and topics: exchange times never go back
        long last = Long.MIN_VALUE;
        for (var t : read.trades) {
            assertThat(t.exchangeMicros()).isGreaterThanOrEqualTo(last);
            last = t.exchangeMicros();
        }
        assertThat(read.trades.stream().map(t -> t.instrument().toString() + t.id()).distinct().count())
                .isEqualTo(direct.trades.size());
    }
}
