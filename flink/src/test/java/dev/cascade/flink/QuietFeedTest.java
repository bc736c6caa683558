package dev.cascade.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.EventCodec;
import dev.cascade.kafka.Topics;
import dev.cascade.model.Instrument;
import dev.cascade.model.Side;
import dev.cascade.model.TakerSide;
import dev.cascade.model.Venue;
import dev.cascade.testkit.Events;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live feed that goes quiet: a collector publishes a minute of events stamped with the current time and then
 * sends nothing more, its producer and the topics still open. The live job (unbounded, default watermarks) must
 * still close and emit that last minute, with every event in it, and keep running.
 */
@Tag("cluster")
class QuietFeedTest {
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path checkpoints;

    @Test
    void shouldEmitTheLastMinuteOfAFeedThatGoesQuietAndKeepRunning() throws Exception {
        Events events = new Events();
        Instrument btc = events.linear(Venue.BINANCE_USDM, "BTCUSDT", "BTC");
        Instrument eth = events.linear(Venue.BYBIT_LINEAR, "ETHUSDT", "ETH");
        // the minute before the current one: live events, whose minute the wall clock has already left
        long minuteMicros = (Math.floorDiv(System.currentTimeMillis(), 60_000L) - 1) * 60_000_000L;
        List<byte[]> feed = new ArrayList<>();
        for (int s = 0; s < 60; s += 5) {
            long t = minuteMicros + s * 1_000_000L;
            feed.add(EventCodec.encode(Events.trade(btc, TakerSide.BUY, 0.5, 100_000 + s, 1_000 + s, t)));
            feed.add(EventCodec.encode(Events.trade(eth, TakerSide.SELL, 2, 2_500 + s, 7_000 + s, t)));
        }
        feed.add(EventCodec.encode(Events.liquidation(btc, Side.LONG, 0.2, 99_900, minuteMicros + 42_000_000L)));

        Topics topics = Topics.withPrefix("quiet.");
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Recording.Publisher collector = new Recording.Publisher(kafka.bootstrap(), topics)) {
            kafka.createTopics(3, topics.all());
            kafka.createTopics(3, List.of("quiet.minutes", "quiet.late"));
            MiniCluster cluster = MiniClusters.start(checkpoints);
            try {
                CascadeFlinkJob.Settings live = new CascadeFlinkJob.Settings(kafka.bootstrap(), topics, "quiet.minutes",
                        "quiet.late", "quiet", Duration.ofSeconds(5), Duration.ofMinutes(10),
                        false, DeliveryGuarantee.EXACTLY_ONCE, null, Duration.ofSeconds(2));
                JobID job = MiniClusters.submit(cluster, live, null);
                collector.publish(feed); // and then nothing: the producer stays open, the job's source too

                String btcMinute = "binance-usdm:BTCUSDT:" + minuteMicros;
                String ethMinute = "bybit-linear:ETHUSDT:" + minuteMicros;
                Recording.await("the quiet feed's last minute is emitted", LIMIT, () -> {
                    Map<String, JsonNode> minutes = Recording.latestMinutes(kafka.bootstrap(), "quiet.minutes");
                    return minutes.containsKey(btcMinute) && minutes.containsKey(ethMinute);
                });
                Map<String, JsonNode> minutes = Recording.latestMinutes(kafka.bootstrap(), "quiet.minutes");
                assertThat(minutes.keySet()).containsExactlyInAnyOrder(btcMinute, ethMinute);
                assertThat(minutes.get(btcMinute).get("trades").asLong()).isEqualTo(12);
                assertThat(minutes.get(btcMinute).get("longCount").asLong()).isEqualTo(1);
                assertThat(minutes.get(btcMinute).get("longUsd").asDouble()).isCloseTo(19_980, within(1e-6));
                assertThat(minutes.get(btcMinute).get("close").asDouble()).isEqualTo(100_055);
                assertThat(minutes.get(ethMinute).get("trades").asLong()).isEqualTo(12);
                assertThat(minutes.get(ethMinute).get("takerSellUsd").asDouble()).isCloseTo(ethSellUsd(), within(1e-6));
                assertThat(Recording.readCommitted(kafka.bootstrap(), "quiet.late")).as("nothing was late").isEmpty();
                assertThat(cluster.getJobStatus(job).get()).as("the source stays open").isEqualTo(JobStatus.RUNNING);
                cluster.cancelJob(job).get();
            } finally {
                cluster.close();
            }
        }
    }

    /** 12 sells of 2 ETH at 2,500 + s for s = 0, 5, ..., 55. */
    private static double ethSellUsd() {
        double sum = 0;
        for (int s = 0; s < 60; s += 5) {
            sum += 2 * (2_500.0 + s);
        }
        return sum;
    }
}
