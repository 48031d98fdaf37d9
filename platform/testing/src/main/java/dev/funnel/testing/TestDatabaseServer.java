package dev.funnel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A real PostgreSQL server for tests, whichever way it was started. */
public interface TestDatabaseServer extends AutoCloseable {

    /** JDBC URL of the given database on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    /**
     * Creates an empty database with a unique name, so every test run starts from nothing even when
     * the server is shared.
     */
    default String createFreshDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    @Override
    void close();
}
