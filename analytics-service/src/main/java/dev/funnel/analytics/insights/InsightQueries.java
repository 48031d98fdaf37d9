package dev.funnel.analytics.insights;

import dev.funnel.events.Cadence;
import dev.funnel.events.ProspectSource;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what the insights are computed from. Aggregation that SQL does well (sums per week, percentiles per
 * cohort) happens in PostgreSQL; what is a walk through time (streaks, habit strength) happens in Java over the
 * days of work. Each method reads one consistent snapshot (repeatable read), so its figures agree with each other
 * while batches are being applied.
 */
@ApplicationScoped
class InsightQueries {

    private static final String TECHNIQUES = """
            select t.technique, t.name, t.cadence, (t.defined_at at time zone 'UTC')::date as defined_on
              from technique_fact t""";

    // Days, not activities: a habit is kept or not on a day, however many times it was done.
    private static final String ACTIVITY_DAYS = """
            select distinct a.technique, a.performed_on
              from activity_fact a
              join technique_fact t on t.technique = a.technique
             where a.performed_on <= ?""";

    private static final String ATTRIBUTED = """
            select p.technique, count(*) as prospects, min(p.found_at) as first_found_at
              from prospect_fact p
              join technique_fact t on t.technique = p.technique
             where p.source = 'MARKETING' and p.found_at < ?
             group by p.technique""";

    private static final String DAYS_TO_WIN = "case when p.outcome = 'WON' then "
            + "(extract(epoch from p.won_at) - extract(epoch from p.found_at)) / 86400 end";

    private static final String COHORTS = """
            select p.source,
                   count(*) as found,
                   count(*) filter (where p.outcome = 'WON') as won,
                   count(*) filter (where p.outcome = 'LOST') as lost,
                   count(*) filter (where exists (select 1 from objection_fact o
                                                   where o.prospect_id = p.prospect_id
                                                     and o.raised_at is not null)) as objected,
                   percentile_disc(0.5) within group (order by %1$s) as median_days,
                   percentile_disc(0.9) within group (order by %1$s) as p90_days
              from prospect_fact p
             where p.found_at >= ? and p.found_at < ?
             group by p.source""".formatted(DAYS_TO_WIN);

    // Sums of bigint are numeric in PostgreSQL: values and costs are summed exactly, and read as such.
    private static final String WON_VALUE = """
            select p.source, p.won_currency, sum(p.won_value_minor) as value
              from prospect_fact p
             where p.found_at >= ? and p.found_at < ? and p.outcome = 'WON'
             group by p.source, p.won_currency""";

    private static final String EFFORT = """
            select a.currency, count(*) as activities, sum(a.minutes_spent) as minutes, sum(a.cost_minor) as cost
              from activity_fact a
             where a.performed_on between ? and ?
             group by a.currency""";

    // The Monday of a day's ISO week, by date arithmetic: date_trunc would go through the session's time zone.
    private static final String WEEKLY_EFFORT = """
            select a.performed_on - (extract(isodow from a.performed_on)::int - 1) as monday,
                   sum(a.minutes_spent) as minutes, count(distinct a.technique) as techniques
              from activity_fact a
             where a.performed_on between ? and ?
             group by 1""";

    private static final String WEEKLY_PROSPECTS = """
            select f.day - (extract(isodow from f.day)::int - 1) as monday, count(*) as found
              from (select (p.found_at at time zone 'UTC')::date as day
                      from prospect_fact p
                     where p.source = 'MARKETING' and p.found_at >= ? and p.found_at < ?) f
             group by 1""";

    private final AgroalDataSource dataSource;

    InsightQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every defined technique with its activity days and attributed prospects up to {@code asOf}, by slug. A
     * technique is known once its {@code MarketingTechniqueDefined} was applied: its cadence comes from there.
     */
    @Transactional
    List<TechniqueHistory> histories(LocalDate asOf) {
        OffsetDateTime endOfAsOf = asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        try (Connection connection = snapshot()) {
            Map<String, NavigableSet<LocalDate>> days = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(ACTIVITY_DAYS)) {
                statement.setObject(1, asOf);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        days.computeIfAbsent(row.getString("technique"), technique -> new TreeSet<>())
                                .add(row.getObject("performed_on", LocalDate.class));
                    }
                }
            }
            Map<String, Long> prospects = new HashMap<>();
            Map<String, LocalDate> firstProspect = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(ATTRIBUTED)) {
                statement.setObject(1, endOfAsOf);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        String technique = row.getString("technique");
                        prospects.put(technique, row.getLong("prospects"));
                        firstProspect.put(technique, row.getObject("first_found_at", OffsetDateTime.class)
                                .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
                    }
                }
            }
            List<TechniqueHistory> histories = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(TECHNIQUES);
                    ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String technique = row.getString("technique");
                    histories.add(new TechniqueHistory(technique, row.getString("name"),
                            Cadence.valueOf(row.getString("cadence")),
                            row.getObject("defined_on", LocalDate.class),
                            days.getOrDefault(technique, new TreeSet<>()), prospects.getOrDefault(technique, 0L),
                            firstProspect.get(technique)));
                }
            }
            histories.sort((a, b) -> a.technique().compareTo(b.technique()));
            return histories;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the techniques' histories", e);
        }
    }

    /** The prospects found in the range per source, and the marketing effort of its days. */
    @Transactional
    CohortRows cohorts(DateRange range) {
        try (Connection connection = snapshot()) {
            Map<ProspectSource, CohortRow> cohorts = new EnumMap<>(ProspectSource.class);
            try (PreparedStatement statement = connection.prepareStatement(COHORTS)) {
                bindInstants(statement, range);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        cohorts.put(ProspectSource.valueOf(row.getString("source")), new CohortRow(
                                row.getLong("found"), row.getLong("won"), row.getLong("lost"),
                                row.getLong("objected"), decimal(row, "median_days"), decimal(row, "p90_days"),
                                new TreeMap<>()));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(WON_VALUE)) {
                bindInstants(statement, range);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        CohortRow cohort = cohorts.get(ProspectSource.valueOf(row.getString("source")));
                        if (cohort != null) {
                            cohort.wonValueMinor().put(row.getString("won_currency"), whole(row, "value"));
                        }
                    }
                }
            }
            long activities = 0;
            long minutes = 0;
            SortedMap<String, BigInteger> cost = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(EFFORT)) {
                statement.setObject(1, range.from());
                statement.setObject(2, range.to());
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        // Counts and minutes (at most 1,440 an activity) cannot reach a long's limit.
                        activities = Math.addExact(activities, row.getLong("activities"));
                        minutes = Math.addExact(minutes, row.getLong("minutes"));
                        cost.put(row.getString("currency"), whole(row, "cost"));
                    }
                }
            }
            return new CohortRows(cohorts, activities, minutes, cost);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the cohorts", e);
        }
    }

    /** Per Monday of an ISO week with effort or prospects in the range: what happened on the range's days. */
    @Transactional
    Map<LocalDate, WeekRow> weeks(DateRange range) {
        try (Connection connection = snapshot()) {
            Map<LocalDate, WeekRow> weeks = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(WEEKLY_EFFORT)) {
                statement.setObject(1, range.from());
                statement.setObject(2, range.to());
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        weeks.put(row.getObject("monday", LocalDate.class),
                                new WeekRow(row.getLong("minutes"), row.getLong("techniques"), 0));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(WEEKLY_PROSPECTS)) {
                bindInstants(statement, range);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        LocalDate monday = row.getObject("monday", LocalDate.class);
                        WeekRow effort = weeks.getOrDefault(monday, WeekRow.NONE);
                        weeks.put(monday, new WeekRow(effort.minutes(), effort.techniques(), row.getLong("found")));
                    }
                }
            }
            return weeks;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the weekly harvest", e);
        }
    }

    private Connection snapshot() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        return connection;
    }

    private static void bindInstants(PreparedStatement statement, DateRange range) throws SQLException {
        statement.setObject(1, range.start());
        statement.setObject(2, range.end());
    }

    private static Double decimal(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    /** A sum of amounts, exactly: it may exceed a long. */
    private static BigInteger whole(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column).toBigIntegerExact();
    }

    /** One source's cohort as SQL counts it; {@code wonValueMinor} is filled per currency afterwards. */
    record CohortRow(long found, long won, long lost, long objected, Double medianDaysToWin, Double p90DaysToWin,
            SortedMap<String, BigInteger> wonValueMinor) {

        static final CohortRow NONE = new CohortRow(0, 0, 0, 0, null, null, Collections.emptySortedMap());
    }

    /** The cohorts by source, and the marketing effort (every activity) over the same days. */
    record CohortRows(Map<ProspectSource, CohortRow> bySource, long activities, long minutes,
            SortedMap<String, BigInteger> costMinor) {
    }

    /** One ISO week's effort minutes, techniques worked and marketing prospects found. */
    record WeekRow(long minutes, long techniques, long prospects) {

        static final WeekRow NONE = new WeekRow(0, 0, 0);
    }
}
