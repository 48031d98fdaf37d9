package dev.funnel.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * A real PostgreSQL 17 server started from binaries shipped in a Maven artifact (zonky), on a free
 * port. It runs with zonky's test defaults (fsync and synchronous commit off): fast, and acceptable
 * because test data need not survive a crash.
 */
public final class EmbeddedPostgresServer implements TestDatabaseServer {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return SUPERUSER;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL server", e);
        }
    }
}
