package dev.cascade.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cascade.kafka.EmbeddedKafka;
import dev.cascade.kafka.Topics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The commands as a user runs them: {@code cascade record --simulator --sink kafka} publishes a live run's events
 * to a broker, and {@code cascade replay --source kafka} reads them back to the same totals the live run printed.
 */
@Tag("cluster")
class KafkaCliTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunPublishedToKafkaReplaysFromKafkaToTheSameTotals() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            // created first, as the deployment does: a topic the broker creates on the first send can answer the
            // idempotent producer NOT_LEADER and then OUT_OF_ORDER_SEQUENCE, which it retries without end
            kafka.createTopics(4, Topics.withPrefix("cli.").all());
            Cli record = Cli.run("record", "--simulator", "--sink", "kafka", "--kafka", kafka.bootstrap(),
                    "--kafka-topic-prefix", "cli.", "--duration", "6s", "--no-overview", "--format", "json");
            assertThat(record.exitCode()).as(record.err()).isZero();
            assertThat(record.err()).contains("Published").contains("0 failed");
            JsonNode live = record.json();
            assertThat(live.path("liquidations").path("count").asLong()).isPositive();
            assertThat(live.path("counts").path("trades").asLong()).isGreaterThan(100);

            Cli replay = Cli.run("replay", "--source", "kafka", "--kafka", kafka.bootstrap(), "--kafka-topic-prefix", "cli.",
                    "--format", "json");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            JsonNode replayed = replay.json();
            assertThat(replayed.path("liquidations")).isEqualTo(live.path("liquidations"));
            for (String kind : new String[] {"liquidations", "trades", "openInterest", "markPrices", "fundingRates"}) {
                assertThat(replayed.path("counts").path(kind)).as(kind).isEqualTo(live.path("counts").path(kind));
            }
            assertThat(replayed.path("duplicates").path("liquidations").asLong()).isZero();

            Cli wrong = Cli.run("replay", "--source", "kafka", "samples/btc-drop-2025-06-05.jsonl");
            assertThat(wrong.exitCode()).as("replay's usage errors exit 1 (README: exit codes of replay)").isEqualTo(1);
            assertThat(wrong.err()).contains("--source kafka reads the topics, not files");
            Cli noOutput = Cli.run("record", "--simulator", "--duration", "1s");
            assertThat(noOutput.exitCode()).isEqualTo(2);
            assertThat(noOutput.err()).contains("record needs --out DIR, --sink kafka, or both");
        }
    }
}
