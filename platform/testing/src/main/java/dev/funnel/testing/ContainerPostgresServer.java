package dev.funnel.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine ({@code -Pcontainers}). */
public final class ContainerPostgresServer implements TestDatabaseServer {

    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    public static ContainerPostgresServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        return new ContainerPostgresServer(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
