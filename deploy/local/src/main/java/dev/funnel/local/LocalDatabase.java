package dev.funnel.local;

import dev.funnel.local.StackSettings.ExternalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the services keep their data in: a real PostgreSQL 17 started from zonky's
 * binaries with its data under the launcher's folder, or a server the user named with
 * {@code FUNNEL_DB_URL}. One database per service, created when missing.
 */
final class LocalDatabase implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String user;
    private final String password;

    private LocalDatabase(EmbeddedPostgres embedded, String serverUrl, String user, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts the embedded server. zonky's defaults turn fsync and synchronous commit off, which is right for
     * tests and wrong here: this is the user's data, and it must survive a crash or a power cut.
     */
    static LocalDatabase startEmbedded(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(false)
                .start();
        return new LocalDatabase(postgres, "jdbc:postgresql://localhost:" + port + "/", SUPERUSER, SUPERUSER);
    }

    /** Uses the server at {@code url} (a JDBC URL of any database on it, e.g. {@code .../postgres}). */
    static LocalDatabase external(ExternalDatabase database) {
        String url = database.url();
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        return new LocalDatabase(null, server, database.user(), database.password());
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    String ensureDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet result = exists.executeQuery()) {
                    if (!result.next()) {
                        try (Statement create = connection.createStatement()) {
                            create.execute("create database \"" + name.replace("\"", "") + "\"");
                        }
                    }
                }
            }
        }
        return serverUrl + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
