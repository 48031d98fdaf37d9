package dev.funnel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table, in plain JDBC, which keeps the library free of a persistence unit of its own.
 * {@link #insert} runs on the connection of the caller's JTA transaction (Agroal enlists it), so the row
 * commits or rolls back with the caller's Hibernate changes. The relay's methods take the relay's own
 * connection: its transactions are local JDBC ones (see {@link OutboxRelay}).
 */
@ApplicationScoped
class OutboxRepository {

    /** Transaction-scoped advisory lock that makes one replica at a time the sender (see {@link OutboxRelay}). */
    static final long RELAY_LOCK = 0x66756e6e656c4f42L;

    private final DataSource dataSource;

    OutboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(OutboxRow row) {
        String sql = "insert into outbox (event_id, topic, record_key, event_type, source, data_schema, payload,"
                + " occurred_at, traceparent, tracestate) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, row.eventId());
            statement.setString(2, row.topic());
            statement.setString(3, row.key());
            statement.setString(4, row.eventType());
            statement.setString(5, row.source());
            statement.setString(6, row.dataSchema());
            statement.setString(7, row.payload());
            statement.setTimestamp(8, Timestamp.from(row.occurredAt()));
            statement.setString(9, row.traceContext().traceparent());
            statement.setString(10, row.traceContext().tracestate());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not write event " + row.eventId() + " to the outbox", e);
        }
    }

    /**
     * Runs relay work in a local JDBC transaction on a connection of its own. Not JTA: the relay waits for
     * Kafka inside the transaction, and a JTA transaction would be propagated to the Kafka client's
     * threads along with the rest of the context, which Narayana then refuses to commit.
     */
    <T> T inRelayTransaction(RelayWork<T> work) {
        try (RelayTransaction transaction = beginRelayTransaction()) {
            T result = work.apply(transaction.connection());
            transaction.commit();
            return result;
        } catch (SQLException e) {
            throw new OutboxException("Outbox relay transaction failed", e);
        }
    }

    /**
     * Starts a relay transaction that the caller ends, possibly in a later round: a round whose Kafka commit is
     * pending keeps its transaction, and with it the relay lock and the claimed rows (see {@link OutboxRelay}).
     */
    RelayTransaction beginRelayTransaction() {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new RelayTransaction(connection);
        } catch (SQLException e) {
            throw new OutboxException("Could not start an outbox relay transaction", e);
        }
    }

    /** A local transaction on a connection of its own; closing it rolls back whatever was not committed. */
    static final class RelayTransaction implements AutoCloseable {

        private final Connection connection;
        private boolean committed;

        private RelayTransaction(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        void commit() {
            try {
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new OutboxException("Could not commit an outbox relay transaction", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                if (!committed) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // A broken connection: PostgreSQL rolled the transaction back when the session ended, and the pool
                // discards the connection.
            }
        }
    }

    /** Work the relay does on its own connection. */
    @FunctionalInterface
    interface RelayWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** True when this transaction now holds the relay lock; false when another replica is sending. */
    boolean tryRelayLock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new OutboxException("Could not take the outbox relay lock", e);
        }
    }

    /**
     * Locks and returns up to {@code limit} unsent rows in insertion order. Rows another transaction has
     * locked are skipped rather than waited for, so concurrent relays never send the same row twice.
     */
    List<OutboxRow> claimUnsent(Connection connection, int limit) {
        String sql = "select id, event_id, topic, record_key, event_type, source, data_schema, payload, occurred_at,"
                + " traceparent, tracestate from outbox where sent_at is null order by id limit ?"
                + " for update skip locked";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getString(8), result.getTimestamp(9).toInstant(),
                            new TraceContext(result.getString(10), result.getString(11))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new OutboxException("Could not read the outbox", e);
        }
    }

    void markSent(Connection connection, List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "update outbox set sent_at = clock_timestamp(), attempts = attempts + 1, last_error = null"
                + " where id = any(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not mark outbox rows as sent", e);
        }
    }

    void recordFailure(Connection connection, OutboxRow row, String error) {
        String sql = "update outbox set attempts = attempts + 1, last_error = ? where id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, error);
            statement.setLong(2, row.id());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not record an outbox send failure", e);
        }
    }

    /** Deletes up to {@code limit} rows sent before {@code sentBefore}; returns how many went. */
    int deleteSentBefore(Connection connection, Instant sentBefore, int limit) {
        String sql = "delete from outbox where id in"
                + " (select id from outbox where sent_at < ? order by sent_at limit ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(sentBefore));
            statement.setInt(2, limit);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not prune the outbox", e);
        }
    }

    Backlog backlog(Connection connection) {
        String sql = "select count(*), min(created_at) from outbox where sent_at is null";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            Timestamp oldest = result.getTimestamp(2);
            return new Backlog(result.getLong(1), Optional.ofNullable(oldest).map(Timestamp::toInstant));
        } catch (SQLException e) {
            throw new OutboxException("Could not measure the outbox backlog", e);
        }
    }

    /** Unsent rows and when the oldest of them was written. */
    record Backlog(long pending, Optional<Instant> oldestCreatedAt) {
        static final Backlog EMPTY = new Backlog(0, Optional.empty());
    }
}
