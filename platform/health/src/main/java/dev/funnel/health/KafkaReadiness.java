package dev.funnel.health;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a Kafka broker answers; replaces Quarkus' Kafka check ({@code quarkus.kafka.health.enabled=false}),
 * which waits for the cluster's description for as long as the admin client's default timeout (a minute).
 */
@Readiness
@ApplicationScoped
class KafkaReadiness implements HealthCheck {

    private static final int DESCRIBE_TIMEOUT_MS = 5_000;

    private final Admin admin;
    private final BoundedProbe probe;

    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, HealthConfig config) {
        // All of kafka.*, so that the security settings of the service's other clients apply here too.
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DESCRIBE_TIMEOUT_MS);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, DESCRIBE_TIMEOUT_MS);
        this.admin = Admin.create(settings);
        this.probe = new BoundedProbe("Kafka", config.timeout(), () -> {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(DESCRIBE_TIMEOUT_MS))
                    .nodes().get(DESCRIBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return nodes + (nodes == 1 ? " broker answered" : " brokers answered");
        });
    }

    @Override
    public HealthCheckResponse call() {
        return probe.answer();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        probe.close();
        admin.close();
    }
}
