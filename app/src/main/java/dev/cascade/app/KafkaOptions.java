package dev.cascade.app;

import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.kafka.Topics;
import picocli.CommandLine.Option;

/** Where Cascade's Kafka topics are: shared by {@code live}/{@code record --sink kafka} and {@code replay --source kafka}. */
final class KafkaOptions {
    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT]", defaultValue = "${env:CASCADE_KAFKA:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}, or CASCADE_KAFKA).")
    String bootstrap;

    @Option(names = "--kafka-topic-prefix", paramLabel = "PREFIX", defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topics are PREFIX{liquidations,trades,market} (default ${DEFAULT-VALUE}).")
    String prefix;

    Topics topics() {
        return Topics.withPrefix(prefix);
    }

    KafkaEventSink openSink() {
        return KafkaEventSink.connect(bootstrap, topics());
    }

    /** Checks a {@code --sink}/{@code --source} value: only "kafka" is known. */
    static boolean isKafka(String value, String option) {
        if (value == null) {
            return false;
        }
        if (!value.equalsIgnoreCase("kafka")) {
            throw new IllegalArgumentException(option + " takes 'kafka', not '" + value + "'");
        }
        return true;
    }
}
