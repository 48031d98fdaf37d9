package dev.funnel.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * For benchmarks: the shared test broker and issuer, and a PostgreSQL 17 of its own with durable settings (fsync
 * and synchronous commit on, as on the local stack and in production). The shared test server runs with both
 * off, which makes every commit nearly free and would flatter any figure per transaction.
 */
public class DurableTestResources implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "funnel_bench";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start a durable PostgreSQL", e);
        }
        return Map.of(
                "quarkus.oidc.auth-server-url", TestInfrastructure.identityProvider().authServerUrl(),
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", DATABASE),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the durable PostgreSQL", e);
        }
    }
}
