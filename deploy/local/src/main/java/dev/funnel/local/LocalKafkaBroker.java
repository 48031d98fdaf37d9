package dev.funnel.local;

import dev.funnel.events.Topics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Apache Kafka in KRaft mode inside the launcher's JVM: the production broker and controller
 * ({@code KafkaRaftServer}), one combined node, its log directory kept between runs. It can be stopped and
 * started again on the same port and log directory while the services run, which is how a broker outage
 * looks to them (the fault suite does that; a broker in this JVM cannot be paused without pausing the launcher).
 */
final class LocalKafkaBroker implements AutoCloseable {

    /** Partitions of each event topic: room for a few consumer replicas while keeping a key's order. */
    static final int EVENT_TOPIC_PARTITIONS = 3;
    static final int DEAD_LETTER_TOPIC_PARTITIONS = 1;

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Map<String, Object> settings;
    private final String bootstrapServers;
    /** The running server; null while stopped. */
    private KafkaRaftServer server;

    private LocalKafkaBroker(Map<String, Object> settings, String bootstrapServers) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafkaBroker start(Path logDirectory, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDirectory);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(logDirectory);
        }
        LocalKafkaBroker broker = new LocalKafkaBroker(settings(logDirectory, port, controllerPort),
                "localhost:" + port);
        broker.startServer();
        broker.createTopics();
        return broker;
    }

    /** Stops the broker, keeping its log directory; clients see connections refused until {@link #startAgain}. */
    synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the stopped broker again on the same ports and log directory; returns once it answers. */
    synchronized void startAgain() throws Exception {
        if (server == null) {
            startServer();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
                awaitTopicNames(admin);
            }
        }
    }

    private void startServer() {
        // A fresh configuration and server each time: a KafkaRaftServer is started once in its life.
        KafkaRaftServer next = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
        next.startup();
        server = next;
    }

    private static Map<String, Object> settings(Path logDirectory, int port, int controllerPort) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
                + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDirectory.toString());
        settings.put("num.partitions", Integer.toString(EVENT_TOPIC_PARTITIONS));
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "3");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        // Created by the first outbox relay; the default 50 partitions slow a one-machine first start for nothing.
        settings.put("transaction.state.log.num.partitions", "3");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // The event history is what projections are rebuilt from: keep it.
        settings.put("log.retention.ms", "-1");
        settings.put("auto.create.topics.enable", "false");
        return settings;
    }

    private static void format(Path logDirectory) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /** The three event topics and their dead-letter topics, created if missing. */
    private void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Set<String> existing = awaitTopicNames(admin);
            List<NewTopic> missing = Topics.all().stream()
                    .flatMap(topic -> List.of(
                            new NewTopic(topic, EVENT_TOPIC_PARTITIONS, (short) 1),
                            new NewTopic(Topics.deadLetterTopicOf(topic), DEAD_LETTER_TOPIC_PARTITIONS, (short) 1))
                            .stream())
                    .filter(topic -> !existing.contains(topic.name()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    /** The broker answers metadata requests a moment after startup returns; wait for it. */
    private static Set<String> awaitTopicNames(Admin admin) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return admin.listTopics().names().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not answer within 60 s");
                }
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stop();
    }
}
