package dev.cascade.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft: broker and controller in one process) inside the test JVM, on 127.0.0.1 and
 * ephemeral ports, in a temporary directory removed on close. No Docker, no ZooKeeper.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dir;
    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(Path dir, KafkaRaftServer server, String bootstrap) {
        this.dir = dir;
        this.server = server;
        this.bootstrap = bootstrap;
    }

    public static EmbeddedKafka start() throws Exception {
        return start(null);
    }

    /**
     * A broker whose clients reach it only through {@code proxy}: the broker advertises the proxy's port, so a
     * client's every connection (bootstrap and partition leader) runs through it and can be cut.
     */
    public static EmbeddedKafka start(TcpProxy proxy) throws Exception {
        Path dir = Files.createTempDirectory("cascade-kafka");
        int brokerPort = freePort();
        if (proxy != null) {
            proxy.target(brokerPort);
        }
        int advertisedPort = proxy != null ? proxy.port() : brokerPort;
        int controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("num.partitions", "4");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // tests publish events of 2025: with time-based retention (7 days by default) the broker would delete
        // them at its first retention check, minutes into a long test
        p.put("log.retention.ms", "-1");
        KafkaConfig config = KafkaConfig.fromProps(p);
        new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(dir.toString()))
                .setMetadataLogDirectory(dir.toString()).setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream())).run();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(dir, server, "127.0.0.1:" + advertisedPort);
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Records in {@code topic} (the sum of its partitions' end offsets), or 0 when it does not exist. */
    public long records(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    /** A topic's configuration value as the broker reports it. */
    public String config(String topic, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        }
    }

    /**
     * Creates topics with {@code partitions} partitions each and waits until the broker leads every partition, as
     * TopicProvisioner does: a producer that writes to a partition the broker has not opened yet gets
     * NOT_LEADER_OR_FOLLOWER for its first batch, a later batch lands first, and the retried one is refused as
     * OUT_OF_ORDER_SEQUENCE_NUMBER until it expires (KAFKA-15591): KafkaTransportTest lost 2,313 of 7,331 events
     * that way under load.
     */
    public void createTopics(int partitions, List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all().get();
            awaitLeaders(admin, partitions, names);
        }
    }

    /** Grows {@code topic} to {@code partitions} partitions, as an operator would, and waits until each has a leader. */
    public void addPartitions(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createPartitions(Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(partitions)))
                    .all().get();
            awaitLeaders(admin, partitions, List.of(topic));
        }
    }

    private static void awaitLeaders(Admin admin, int partitions, List<String> names) throws Exception {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> all = new java.util.HashMap<>();
        for (String name : names) {
            for (int p = 0; p < partitions; p++) {
                all.put(new org.apache.kafka.common.TopicPartition(name, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.listOffsets(all).all().get(); // a leader answers list-offsets
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
