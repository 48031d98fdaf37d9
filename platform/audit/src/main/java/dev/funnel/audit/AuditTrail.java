package dev.funnel.audit;

import dev.funnel.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The service's record of its writes. A service calls {@link #record} inside the transaction of the write, after
 * the change is made: the entry commits with the change or not at all. Plain JDBC on the service's datasource,
 * like the outbox, so the trail needs no entity of the service's persistence unit.
 */
@ApplicationScoped
public class AuditTrail {

    private final DataSource dataSource;
    private final Caller caller;
    private final Clock clock;

    AuditTrail(DataSource dataSource, Caller caller, Clock clock) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.clock = clock;
    }

    /** Records that the calling person did {@code action} to the subject, in the current transaction (or its own). */
    @Transactional
    public void record(String action, String subjectType, Object subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into audit_entry (occurred_at, actor, action, subject_type, subject_id)"
                             + " values (?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, caller.name());
            insert.setString(3, action);
            insert.setString(4, subjectType);
            insert.setString(5, String.valueOf(subjectId));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + action + " of " + subjectType + " " + subjectId, e);
        }
    }

    /** What to read: each filter empty for any; days are whole UTC days, both ends included. */
    public record Filter(Optional<String> actor, Optional<String> action, Optional<String> subjectType,
            Optional<String> subjectId, Optional<LocalDate> from, Optional<LocalDate> to) {
    }

    public record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    /** Entries newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page read(Filter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        filter.actor().ifPresent(actor -> condition(where, arguments, "actor = ?", actor));
        filter.action().ifPresent(action -> condition(where, arguments, "action = ?", action));
        filter.subjectType().ifPresent(type -> condition(where, arguments, "subject_type = ?", type));
        filter.subjectId().ifPresent(id -> condition(where, arguments, "subject_id = ?", id));
        filter.from().ifPresent(day -> condition(where, arguments, "occurred_at >= ?", startOf(day)));
        filter.to().ifPresent(day -> condition(where, arguments, "occurred_at < ?", startOf(day.plusDays(1))));
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "select count(*) from audit_entry" + where, arguments);
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<Object> paged = new ArrayList<>(arguments);
            paged.add(size);
            paged.add((long) page * size);
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement select = prepare(connection,
                    "select occurred_at, actor, action, subject_type, subject_id from audit_entry" + where
                            + " order by occurred_at desc, id desc limit ? offset ?", paged);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(new AuditEntry(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return new Page(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }

    private static void condition(StringBuilder where, List<Object> arguments, String condition, Object argument) {
        where.append(" and ").append(condition);
        arguments.add(argument);
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> arguments)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.size(); i++) {
            statement.setObject(i + 1, arguments.get(i));
        }
        return statement;
    }

}
