package dev.cascade.app;

import dev.cascade.kafka.KafkaEventSink;
import dev.cascade.kafka.TopicPlan;
import dev.cascade.kafka.TopicProvisioner;
import dev.cascade.kafka.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where Cascade's Kafka topics are: shared by {@code live}/{@code record --sink kafka} and {@code replay --source kafka}. */
final class KafkaOptions {
    /** How long the cluster has to answer before a command reports it unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT]", defaultValue = "${env:CASCADE_KAFKA:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}, or CASCADE_KAFKA).")
    String bootstrap;

    @Option(names = {"--kafka-topic-prefix", "--topic-prefix"}, paramLabel = "PREFIX", defaultValue = Topics.DEFAULT_PREFIX,
            description = "Topics are PREFIX{liquidations,trades,market} (default ${DEFAULT-VALUE}).")
    String prefix;

    /** Partitions of a created topic when none are given: a dozen consumers can share the trades. */
    static final int DEFAULT_PARTITIONS = 12;

    @Option(names = "--kafka-partitions", paramLabel = "N",
            description = "Partitions of the topics Cascade creates (default 12); existing topics keep theirs.")
    Integer partitions;

    @Option(names = "--kafka-replication", paramLabel = "N",
            description = "Replication of the topics Cascade creates (default: 3, or every broker of a smaller cluster).")
    Integer replication;

    Topics topics() {
        return Topics.withPrefix(prefix);
    }

    /**
     * Creates the missing topics (and, with {@code results}, the job's) and sets their retention: fails within
     * {@link #CONNECT_TIMEOUT} when the cluster does not answer. Warnings go to {@code err}.
     */
    TopicProvisioner.Report provision(TopicPlan.Results results, PrintWriter err) {
        try (TopicProvisioner p = TopicProvisioner.connect(bootstrap, CONNECT_TIMEOUT)) {
            int r = replication != null ? replication : p.defaultReplication();
            TopicProvisioner.Report report = p.ensure(TopicPlan.of(topics(), results,
                    partitions != null ? partitions : DEFAULT_PARTITIONS, r));
            if (partitions != null) { // a difference from the default is no news
                report.warnings().forEach(w -> err.println("cascade: " + w));
            }
            return report;
        }
    }

    /** A sink on provisioned topics. */
    KafkaEventSink openSink(PrintWriter err) {
        provision(null, err);
        return KafkaEventSink.connect(bootstrap, topics());
    }

    /** The one-line error for a sink with unacknowledged events, or null when every event was acknowledged. */
    String lostLine(KafkaEventSink sink) {
        if (sink.lost() == 0) {
            return null;
        }
        // not acknowledged is not the same as not written: a broker may have written a record whose answer the
        // cut connection lost, so this is what the run cannot vouch for, an upper bound of what is missing
        return String.format("cascade: %,d of %,d events were not acknowledged by Kafka at %s (%s)", sink.lost(), sink.sent(),
                bootstrap, sink.firstError() == null ? "the producer closed before they were acknowledged" : sink.firstError());
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
