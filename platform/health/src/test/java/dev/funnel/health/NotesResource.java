package dev.funnel.health;

import io.quarkus.runtime.StartupEvent;
import dev.funnel.testing.DatabasePause;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** A stand-in for a service's write: two rows in one transaction, so a half-written request would show. */
@PermitAll
@Path("/notes")
public class NotesResource {

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    NotesResource(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    void createTable(@Observes StartupEvent startup) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists note (id bigserial primary key, part int not null)");
        }
    }

    @POST
    @Transactional
    public String write() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into note (part) values (?)")) {
            for (int part = 1; part <= 2; part++) {
                insert.setInt(1, part);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            // As the services' JDBC code does: the mapper looks for the database's failure in the causes.
            throw new IllegalStateException("Could not write a note", e);
        }
        return "written";
    }

    /**
     * A write whose commit reaches a database that hangs right then: the server is paused just before the commit is
     * sent and resumed after {@code pausedFor}, longer than the driver's socket timeout. The client gives up on the
     * commit's answer; the server, once resumed, finds the commit waiting and carries it out.
     */
    @POST
    @Path("/commit-into-a-pause")
    @Transactional
    public String writeIntoAPausedCommit(@QueryParam("pausedForSeconds") int pausedForSeconds) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                DatabasePause paused = DatabasePause.pause();
                CompletableFuture.runAsync(paused::close,
                        CompletableFuture.delayedExecutor(pausedForSeconds, TimeUnit.SECONDS));
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
        return write();
    }

    @GET
    public long count() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from note")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
