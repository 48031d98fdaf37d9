package dev.funnel.testing;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker and controller) inside the test JVM,
 * started from Kafka's own test kit. It can be stopped and started again on the same address, which
 * is what outage tests need.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final String PROXIED_LISTENER = "PROXIED";

    private final KafkaClusterTestKit cluster;
    private final int brokerId;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.brokerId = cluster.brokers().keySet().iterator().next();
    }

    public static EmbeddedKafkaBroker start() {
        return start(Map.of());
    }

    /**
     * A broker whose clients reach it only through the proxy: it advertises the proxy's address on a listener of
     * its own ({@code PROXIED}), so a client that bootstraps from {@link KafkaProxy#bootstrapServers()} is told to
     * connect to the proxy again, never to the broker itself. The broker's own traffic (controller, transaction
     * markers) and {@link #bootstrapServers()} stay on the kit's direct listener, which a frozen proxy cannot stall.
     */
    public static EmbeddedKafkaBroker startBehind(KafkaProxy proxy) {
        Map<String, Object> listeners = new HashMap<>();
        listeners.put("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                + PROXIED_LISTENER + "://" + proxy.host() + ":0");
        listeners.put("listener.security.protocol.map",
                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + PROXIED_LISTENER + ":PLAINTEXT");
        // Port 0 is replaced by the bound port when the broker starts.
        listeners.put("advertised.listeners", "EXTERNAL://localhost:0,"
                + PROXIED_LISTENER + "://" + proxy.host() + ":" + proxy.port());
        EmbeddedKafkaBroker broker = start(listeners);
        int proxiedPort = broker.cluster.brokers().get(broker.brokerId).boundPort(new ListenerName(PROXIED_LISTENER));
        proxy.forwardTo(proxy.host(), proxiedPort);
        return broker;
    }

    private static EmbeddedKafkaBroker start(Map<String, Object> extraSettings) {
        keepTheTestJvmAlive();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The kit defaults to an unstable testing version; services run on released ones.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            singleNodeSettings().forEach(builder::setConfigProp);
            extraSettings.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }

    /**
     * Kafka ends its process on a fatal fault (Exit.halt), for instance when its log directory goes away while it
     * shuts down. In a test JVM the broker is stopped by a shutdown hook after the tests reported, alongside the
     * database's, and a halt there turns a green run into a failed build: surefire sees the fork exit with 1. So in
     * a test JVM Kafka's exits and halts throw instead, as in Kafka's own tests, and the hook gives up on the cleanup.
     */
    private static void keepTheTestJvmAlive() {
        Exit.Procedure refuse = (status, message) -> {
            throw new IllegalStateException("The embedded Kafka broker asked to end the test JVM with status "
                    + status + ": " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }

    private static Map<String, Object> singleNodeSettings() {
        return Map.of(
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "3",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                // The first transactional producer creates this topic; 50 partitions (the default) on one
                // broker can take longer than the producers' max.block.ms on a slow machine.
                "transaction.state.log.num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "num.partitions", "3",
                "auto.create.topics.enable", "true");
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void stop() {
        cluster.brokers().get(brokerId).shutdown();
        cluster.brokers().get(brokerId).awaitShutdown();
    }

    @Override
    public void restart() {
        cluster.brokers().get(brokerId).startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("The embedded Kafka broker did not come back", e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Kafka broker", e);
        }
    }
}
