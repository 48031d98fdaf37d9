package dev.funnel.outbox;

import dev.funnel.events.ProspectContacted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A test-only service that changes its state and publishes the matching event, as real services do. */
@ApplicationScoped
public class ContactLog {

    private final DataSource dataSource;
    private final Outbox outbox;

    ContactLog(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Transactional
    public UUID contact(UUID prospectId, String owner, Instant at) {
        return record(new ProspectContacted(prospectId, owner, at));
    }

    /** Several contacts in one transaction; returns the event ids in publishing order. */
    @Transactional
    public List<UUID> contactAll(List<ProspectContacted> contacts) {
        List<UUID> ids = new ArrayList<>();
        contacts.forEach(contact -> ids.add(record(contact)));
        return ids;
    }

    /** Publishes, then fails: the transaction rolls back and must take the event with it. */
    @Transactional
    public UUID contactThenFail(UUID prospectId, String owner, Instant at) {
        record(new ProspectContacted(prospectId, owner, at));
        throw new IllegalStateException("the business rule refused this contact after the event was written");
    }

    public long rowsFor(UUID prospectId) {
        return count("select count(*) from contact_log where prospect_id = ?", prospectId);
    }

    public long outboxRowsFor(UUID eventId) {
        return count("select count(*) from outbox where event_id = ?", eventId);
    }

    public long unsentOutboxRowsFor(UUID eventId) {
        return count("select count(*) from outbox where event_id = ? and sent_at is null", eventId);
    }

    public long unsentOutboxRows() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from outbox where sent_at is null");
                var result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether another relay (a replica) could take the relay lock right now. */
    public boolean relayLockIsFree() {
        return inTransaction("select pg_try_advisory_xact_lock(" + OutboxRepository.RELAY_LOCK + ")",
                result -> result.next() && result.getBoolean(1));
    }

    /** How many unsent rows another relay could claim right now, with the relay's own query. */
    public long claimableOutboxRows() {
        return inTransaction("select id from outbox where sent_at is null order by id for update skip locked",
                result -> {
                    long rows = 0;
                    while (result.next()) {
                        rows++;
                    }
                    return rows;
                });
    }

    private <T> T inTransaction(String sql, ResultReader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet result = statement.executeQuery()) {
                return reader.read(result);
            } finally {
                // Releases whatever the query locked: this only looks.
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface ResultReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private UUID record(ProspectContacted contact) {
        String sql = "insert into contact_log (prospect_id, owner, contacted_at) values (?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, contact.prospectId());
            statement.setString(2, contact.owner());
            statement.setTimestamp(3, Timestamp.from(contact.contactedAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outbox.publish(contact);
    }

    private long count(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
