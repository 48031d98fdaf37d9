package dev.funnel.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Hands a Quarkus application under test a real Kafka broker, a fresh PostgreSQL database and a real OIDC issuer
 * ({@link TestIdentityProvider}; the tokens come from {@link TestTokens}). Use it
 * with {@code @QuarkusTestResource(FunnelTestResources.class)} or {@code @WithTestResource}.
 *
 * <p>The broker and server are shared by the whole test JVM ({@link TestInfrastructure}); each start of
 * this resource creates a new, empty database, so test classes never see each other's rows.
 *
 * <p>Init arg {@code kafka=behind-proxy} hands the application the address of {@link TestInfrastructure#kafkaProxy()}
 * instead, for a test that stalls the broker. With a test profile that also disables the global test resources:
 * otherwise the shared broker's address from another test class's {@code @QuarkusTestResource} may win.
 *
 * <p>Dev Services are decided at build time, before any test resource runs, so the application's test
 * profile must turn them off itself: {@code %test.quarkus.devservices.enabled=false}.
 */
public class FunnelTestResources implements QuarkusTestResourceLifecycleManager {

    private String databasePrefix = "funnel_test";
    private boolean behindProxy;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database-prefix", databasePrefix);
        behindProxy = "behind-proxy".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        String kafka = behindProxy
                ? TestInfrastructure.kafkaProxy().bootstrapServers()
                : TestInfrastructure.kafka().bootstrapServers();
        TestDatabaseServer server = TestInfrastructure.database();
        String database = server.createFreshDatabase(databasePrefix);
        return Map.of(
                "quarkus.oidc.auth-server-url", TestInfrastructure.identityProvider().authServerUrl(),
                "kafka.bootstrap.servers", kafka,
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The shared broker and server outlive one application; TestInfrastructure stops them at JVM exit.
    }
}
