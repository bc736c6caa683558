package dev.cascade.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes a {@link TopicPlan} true on a cluster ({@code cascade kafka init}, and every command that writes to Kafka
 * before its first record): creates the missing topics, sets the plan's retention, cleanup and timestamp type
 * on the existing ones. An existing topic keeps its partition count (adding partitions would move instruments to
 * other partitions and break their order) and its replication; a difference is reported, not changed. Every
 * call is bounded by {@code timeout}: an unreachable cluster is an error within it, never a hang.
 */
public final class TopicProvisioner implements AutoCloseable {
    /** What {@link #ensure} did. */
    public record Report(List<String> created, List<String> updated, List<String> warnings) {
    }

    private final Admin admin;
    private final String bootstrap;
    private final Duration timeout;

    private TopicProvisioner(Admin admin, String bootstrap, Duration timeout) {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    public static TopicProvisioner connect(String bootstrap, Duration timeout) {
        int millis = (int) timeout.toMillis();
        return new TopicProvisioner(Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000)), bootstrap, timeout);
    }

    /** The number of brokers; throws {@link Unreachable} when the cluster does not answer within the timeout. */
    public int brokers() {
        return await(admin.describeCluster().nodes(), "describe the cluster").size();
    }

    /** The replication factor to use when none is given: three where the cluster has three brokers, else all. */
    public int defaultReplication() {
        return Math.min(3, brokers());
    }

    public Report ensure(TopicPlan plan) {
        int brokers = brokers();
        for (TopicPlan.Spec s : plan.specs()) {
            if (s.replication() > brokers) {
                throw new IllegalArgumentException("replication " + s.replication() + " needs " + s.replication()
                        + " brokers; the cluster at " + bootstrap + " has " + brokers);
            }
        }
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = new ArrayList<>();
        List<TopicPlan.Spec> present = new ArrayList<>();
        for (TopicPlan.Spec s : plan.specs()) {
            if (existing.contains(s.name())) {
                present.add(s);
            } else {
                missing.add(new NewTopic(s.name(), s.partitions(), s.replication()).configs(s.config()));
            }
        }
        List<String> created = new ArrayList<>();
        if (!missing.isEmpty()) {
            var results = admin.createTopics(missing).values();
            for (var e : results.entrySet()) {
                try {
                    await(e.getValue(), "create " + e.getKey());
                    created.add(e.getKey());
                } catch (IllegalStateException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) { // another collector created it first
                        throw ex;
                    }
                }
            }
        }
        if (!created.isEmpty()) {
            awaitLeaders(plan.specs().stream().filter(x -> created.contains(x.name())).toList());
        }
        List<String> warnings = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        if (!present.isEmpty()) {
            Map<String, TopicDescription> described = await(admin.describeTopics(
                    present.stream().map(TopicPlan.Spec::name).toList()).allTopicNames(), "describe topics");
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (TopicPlan.Spec s : present) {
                TopicDescription d = described.get(s.name());
                if (d.partitions().size() != s.partitions()) {
                    warnings.add(s.name() + " has " + d.partitions().size() + " partitions, not " + s.partitions()
                            + " (left as it is)");
                }
                List<AlterConfigOp> ops = new ArrayList<>();
                // min.insync.replicas follows the topic's own replication, which is left as it is
                s.config().forEach((k, v) -> {
                    if (!k.equals("min.insync.replicas")) {
                        ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET));
                    }
                });
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, s.name()), ops);
                updated.add(s.name());
            }
            await(admin.incrementalAlterConfigs(changes).all(), "set topic configurations");
        }
        return new Report(created, updated, warnings);
    }

    /**
     * Waits until every partition of the new topics answers as a leader. The controller has created them when
     * {@code createTopics} returns, but a broker takes a moment more to open each partition: a producer writing
     * then gets {@code NOT_LEADER_OR_FOLLOWER}, retries, and the idempotent producer's retried batches were seen
     * to fail with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} (events lost). A leader answers a list-offsets request.
     */
    private void awaitLeaders(List<TopicPlan.Spec> topics) {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> partitions = new HashMap<>();
        for (TopicPlan.Spec t : topics) {
            for (int p = 0; p < t.partitions(); p++) {
                partitions.put(new org.apache.kafka.common.TopicPartition(t.name(), p),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + bootstrap + " did not open the new partitions: "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new Unreachable("Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds()
                        + " s (open the new partitions)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka's new partitions", e);
            }
        }
    }

    /** The cluster did not answer in time. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new Unreachable("Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds()
                        + " s (" + what + ")");
            }
            throw new IllegalStateException("Kafka at " + bootstrap + " refused to " + what + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka to " + what, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
