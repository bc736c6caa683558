package dev.cascade.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.Micros;
import dev.cascade.testkit.MarketStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the producer does when its broker connection dies mid-run: a cut connection is reconnected and retried
 * with nothing lost or repeated; a broker that stays away leaves every unacknowledged record counted as lost.
 * And the topics Cascade provisions, with their retention and cleanup.
 */
@Tag("cluster")
class KafkaDeliveryTest {
    private static List<Object> events() {
        List<Object> events = new ArrayList<>(new MarketStream().generate(17, Micros.of(Instant.parse("2025-06-05T12:00:00Z")), 3, 20));
        events.sort(Comparator.comparingLong(e -> EventCodec.exchangeMicros(EventCodecTest.encode(e))));
        return events;
    }

    private static long recordsIn(EmbeddedKafka kafka, Topics topics) throws Exception {
        long n = 0;
        for (String t : topics.all()) {
            n += kafka.records(t);
        }
        return n;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldDeliverEveryEventExactlyOnceWhenTheConnectionIsCutMidRun() throws Exception {
        try (TcpProxy proxy = new TcpProxy(); EmbeddedKafka kafka = EmbeddedKafka.start(proxy)) {
            Topics topics = Topics.withPrefix("cut.");
            try (TopicProvisioner p = TopicProvisioner.connect(kafka.bootstrap(), Duration.ofSeconds(15))) {
                p.ensure(TopicPlan.of(topics, null, 4, 1));
            }
            List<Object> events = events();
            int half = events.size() / 2;
            try (KafkaEventSink sink = KafkaEventSink.connect(kafka.bootstrap(), topics)) {
                events.subList(0, half).forEach(e -> MarketStream.deliver(e, sink));
                sink.flush();
                int before = proxy.accepted();
                proxy.cut();
                events.subList(half, events.size()).forEach(e -> MarketStream.deliver(e, sink));
                sink.flush();
                assertThat(proxy.accepted()).as("the producer reconnected").isGreaterThan(before);
                assertThat(sink.failed()).as(String.valueOf(sink.firstError())).isZero();
                assertThat(sink.acknowledged()).isEqualTo(sink.sent()).isEqualTo(events.size());
            }
            assertThat(recordsIn(kafka, topics)).as("no repeats from the retries").isEqualTo(events.size());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCountEveryUnacknowledgedEventAsLostWhenTheBrokerStaysAway() throws Exception {
        try (TcpProxy proxy = new TcpProxy(); EmbeddedKafka kafka = EmbeddedKafka.start(proxy)) {
            Topics topics = Topics.withPrefix("away.");
            try (TopicProvisioner p = TopicProvisioner.connect(kafka.bootstrap(), Duration.ofSeconds(15))) {
                p.ensure(TopicPlan.of(topics, null, 4, 1));
            }
            List<Object> events = events();
            int half = events.size() / 2;
            KafkaEventSink sink = KafkaEventSink.connect(kafka.bootstrap(), topics);
            events.subList(0, half).forEach(e -> MarketStream.deliver(e, sink));
            sink.flush();
            proxy.refuse(true);
            events.subList(half, events.size()).forEach(e -> MarketStream.deliver(e, sink));
            sink.close(); // bounded by the delivery timeout: the unacknowledged fail rather than wait
            assertThat(sink.sent()).isEqualTo(events.size());
            assertThat(sink.acknowledged()).isEqualTo(half);
            assertThat(sink.lost()).isEqualTo(events.size() - half).isEqualTo(sink.failed());
            assertThat(sink.firstError()).isNotBlank();
            proxy.refuse(false);
            assertThat(recordsIn(kafka, topics)).as("what the broker holds is what was acknowledged").isEqualTo(half);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldProvisionEveryTopicWithItsRetentionAndCleanup() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Topics topics = Topics.withPrefix("plan.");
            kafka.createTopics(2, List.of("plan.trades")); // made by hand earlier, with the broker's defaults
            TopicPlan plan = TopicPlan.of(topics, TopicPlan.Results.withPrefix("plan."), 3, 1);
            TopicProvisioner.Report report;
            try (TopicProvisioner p = TopicProvisioner.connect(kafka.bootstrap(), Duration.ofSeconds(15))) {
                assertThat(p.defaultReplication()).isEqualTo(1);
                report = p.ensure(plan);
                assertThatThrownBy(() -> p.ensure(TopicPlan.of(topics, null, 3, 3)))
                        .hasMessage("replication 3 needs 3 brokers; the cluster at " + kafka.bootstrap() + " has 1");
            }
            assertThat(report.created()).containsExactlyInAnyOrder("plan.liquidations", "plan.market", "plan.overview",
                    "plan.minutes", "plan.late");
            assertThat(report.updated()).containsExactly("plan.trades");
            assertThat(report.warnings()).containsExactly("plan.trades has 2 partitions, not 3 (left as it is)");
            // the controller has committed the change; the broker applies its metadata a moment later
            assertThat(settled(kafka, "plan.trades", "retention.ms", "604800000")).isEqualTo("604800000");
            assertThat(kafka.config("plan.trades", "message.timestamp.type")).isEqualTo("LogAppendTime");
            assertThat(kafka.config("plan.liquidations", "retention.ms")).isEqualTo("2592000000");
            assertThat(kafka.config("plan.minutes", "cleanup.policy")).isEqualTo("compact");
            assertThat(kafka.config("plan.late", "cleanup.policy")).isEqualTo("delete");
            // the overview documents: one per kind and time, for a month
            assertThat(kafka.config("plan.overview", "cleanup.policy")).isEqualTo("compact,delete");
            assertThat(kafka.config("plan.overview", "retention.ms")).isEqualTo("2592000000");
            assertThat(kafka.records("plan.overview")).isZero();
        }
    }

    /** The config's value once it equals {@code expected}, or its value after 10 s. */
    private static String settled(EmbeddedKafka kafka, String topic, String name, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String value = kafka.config(topic, name);
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            value = kafka.config(topic, name);
        }
        return value;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportAnUnreachableBrokerWithinItsTimeout() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (TopicProvisioner p = TopicProvisioner.connect("127.0.0.1:" + closed, Duration.ofSeconds(3))) {
            assertThatThrownBy(p::brokers).isInstanceOf(TopicProvisioner.Unreachable.class)
                    .hasMessage("Kafka at 127.0.0.1:" + closed + " did not answer within 3 s (describe the cluster)");
        }
    }
}
