package dev.funnel.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Hands a Quarkus application under test a real Kafka broker and a fresh PostgreSQL database. Use it
 * with {@code @QuarkusTestResource(FunnelTestResources.class)} or {@code @WithTestResource}.
 *
 * <p>The broker and server are shared by the whole test JVM ({@link TestInfrastructure}); each start of
 * this resource creates a new, empty database, so test classes never see each other's rows.
 *
 * <p>Dev Services are decided at build time, before any test resource runs, so the application's test
 * profile must turn them off itself: {@code %test.quarkus.devservices.enabled=false}.
 */
public class FunnelTestResources implements QuarkusTestResourceLifecycleManager {

    private String databasePrefix = "funnel_test";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database-prefix", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = TestInfrastructure.kafka();
        TestDatabaseServer server = TestInfrastructure.database();
        String database = server.createFreshDatabase(databasePrefix);
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The shared broker and server outlive one application; TestInfrastructure stops them at JVM exit.
    }
}
