package dev.funnel.analytics.forecast;

import dev.funnel.events.ProspectSource;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads what a forecast is computed from: the prospects that can matter as of the forecast's moments, and the
 * marketing effort and prospects per technique and day. The walk through time is done in Java
 * ({@link Forecasts}): a forecast looks at each open prospect's age, which no single query expresses well.
 */
@ApplicationScoped
class ForecastQueries {

    // Found before the latest moment, and either found within the history window of the earliest one or still
    // open at the earliest one (decided at most then means decided at every later moment too).
    private static final String PATHS = """
            select p.prospect_id, p.source, p.technique, p.owner, p.estimated_value_minor, p.estimated_currency,
                   p.found_at, p.contacted_at, p.won_at, p.won_value_minor, p.won_currency, p.lost_at
              from prospect_fact p
             where p.found_at < ?
               and (p.found_at >= ? or ((p.won_at is null or p.won_at > ?) and (p.lost_at is null or p.lost_at > ?)))
               and (cast(? as text) is null or p.owner = ?)""";

    private static final String EFFORT = """
            select a.technique, a.performed_on, sum(a.minutes_spent) as minutes
              from activity_fact a
              join technique_fact t on t.technique = a.technique
             where a.performed_on <= ?
             group by a.technique, a.performed_on""";

    private static final String PROSPECTS = """
            select p.technique, (p.found_at at time zone 'UTC')::date as found_on, count(*) as found
              from prospect_fact p
              join technique_fact t on t.technique = p.technique
             where p.source = 'MARKETING' and p.found_at < ?
             group by 1, 2""";

    private final AgroalDataSource dataSource;

    ForecastQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The prospects found before {@code latest} that were found from {@code historyStart} on or were still open at
     * {@code earliest}; only {@code owner}'s when given.
     */
    @Transactional
    List<ForecastPath> paths(Instant latest, Instant historyStart, Instant earliest, String owner) {
        try (Connection connection = snapshot();
                PreparedStatement statement = connection.prepareStatement(PATHS)) {
            statement.setObject(1, utc(latest));
            statement.setObject(2, utc(historyStart));
            statement.setObject(3, utc(earliest));
            statement.setObject(4, utc(earliest));
            statement.setString(5, owner);
            statement.setString(6, owner);
            List<ForecastPath> paths = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    paths.add(new ForecastPath(row.getObject("prospect_id", UUID.class),
                            ProspectSource.valueOf(row.getString("source")), row.getString("technique"),
                            row.getString("owner"), row.getObject("estimated_value_minor", Long.class),
                            row.getString("estimated_currency"), instant(row, "found_at"),
                            instant(row, "contacted_at"), instant(row, "won_at"),
                            row.getObject("won_value_minor", Long.class), row.getString("won_currency"),
                            instant(row, "lost_at")));
                }
            }
            return paths;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the prospects to forecast from", e);
        }
    }

    /** Per defined technique, by slug: its minutes per day worked up to {@code asOf}, and its prospects per day. */
    @Transactional
    Map<String, Garden> techniques(LocalDate asOf) {
        try (Connection connection = snapshot()) {
            Map<String, Garden> techniques = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(EFFORT)) {
                statement.setObject(1, asOf);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        techniques.computeIfAbsent(row.getString("technique"), slug -> new Garden())
                                .minutes().put(row.getObject("performed_on", LocalDate.class), row.getLong("minutes"));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(PROSPECTS)) {
                statement.setObject(1, utc(asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        techniques.computeIfAbsent(row.getString("technique"), slug -> new Garden())
                                .prospects().put(row.getObject("found_on", LocalDate.class), row.getLong("found"));
                    }
                }
            }
            return techniques;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the techniques' effort", e);
        }
    }

    private Connection snapshot() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        return connection;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** One technique's minutes and marketing prospects per day. */
    record Garden(NavigableMap<LocalDate, Long> minutes, NavigableMap<LocalDate, Long> prospects) {

        Garden() {
            this(new TreeMap<>(), new TreeMap<>());
        }
    }
}
