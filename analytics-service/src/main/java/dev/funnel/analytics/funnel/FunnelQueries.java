package dev.funnel.analytics.funnel;

import dev.funnel.analytics.funnel.FunnelFigures.Counts;
import dev.funnel.analytics.funnel.FunnelFigures.Effort;
import dev.funnel.analytics.funnel.FunnelFigures.Stages;
import dev.funnel.analytics.funnel.ObjectionFigures.CategoryFigures;
import dev.funnel.analytics.funnel.ObjectionFigures.NeverObjected;
import dev.funnel.events.ObjectionCategory;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * The funnel, computed by SQL from the facts at the moment it is asked, so a late or out-of-order event always
 * counts on its own day. Each answer reads one consistent snapshot (repeatable read), so its figures agree with
 * each other even while batches are being applied.
 */
@ApplicationScoped
public class FunnelQueries {

    private static final String DAYS_TO_WIN = "case when c.outcome = 'WON' then "
            + "(extract(epoch from c.won_at) - extract(epoch from c.found_at)) / 86400 end";

    private static final String COHORT = """
            with cohort as (
                select p.prospect_id, p.contacted_at, p.outcome, p.found_at, p.won_at, %s as grp
                  from prospect_fact p
                 where p.found_at >= ? and p.found_at < ?%s
            ), raised as (
                select o.prospect_id, count(*) as raised, count(o.resolved_at) as resolved
                  from objection_fact o
                  join cohort c on c.prospect_id = o.prospect_id
                 where o.raised_at is not null
                 group by o.prospect_id
            )
            select c.grp,
                   count(*) as found,
                   count(*) filter (where c.contacted_at is not null or c.outcome = 'WON') as contacted,
                   count(r.prospect_id) as objected,
                   count(*) filter (where c.outcome = 'WON') as won,
                   count(*) filter (where c.outcome = 'LOST') as lost,
                   coalesce(sum(r.raised), 0) as raised,
                   coalesce(sum(r.resolved), 0) as resolved,
                   percentile_disc(0.5) within group (order by %s) as median_days,
                   percentile_disc(0.9) within group (order by %s) as p90_days
              from cohort c
              left join raised r on r.prospect_id = c.prospect_id
             group by c.grp""";

    // Sums of bigint are numeric in PostgreSQL, so the cost is summed exactly and read as such.
    private static final String EFFORT = """
            select %s as grp, a.currency, count(*) as activities, sum(a.minutes_spent) as minutes,
                   sum(a.cost_minor) as cost
              from activity_fact a
             where a.performed_on between ? and ?%s
             group by 1, 2""";

    private static final String OBJECTIONS = """
            with cohort as (
                select p.prospect_id, p.outcome
                  from prospect_fact p
                 where p.found_at >= ? and p.found_at < ?%s
            ), per_prospect as (
                select o.prospect_id, o.category, count(*) as raised, count(o.resolved_at) as resolved
                  from objection_fact o
                  join cohort c on c.prospect_id = o.prospect_id
                 where o.raised_at is not null
                 group by o.prospect_id, o.category
            )
            select pp.category,
                   sum(pp.raised) as raised,
                   sum(pp.resolved) as resolved,
                   count(*) as prospects,
                   count(*) filter (where pp.resolved = pp.raised and c.outcome = 'WON') as all_resolved_won,
                   count(*) filter (where pp.resolved = pp.raised and c.outcome is not null) as all_resolved_decided,
                   count(*) filter (where pp.resolved < pp.raised and c.outcome = 'WON') as some_open_won,
                   count(*) filter (where pp.resolved < pp.raised and c.outcome is not null) as some_open_decided
              from per_prospect pp
              join cohort c on c.prospect_id = pp.prospect_id
             group by pp.category""";

    private static final String NEVER_OBJECTED = """
            select count(*) as prospects,
                   count(*) filter (where p.outcome = 'WON') as won,
                   count(*) filter (where p.outcome is not null) as decided
              from prospect_fact p
             where p.found_at >= ? and p.found_at < ?%s
               and not exists (select 1 from objection_fact o
                                where o.prospect_id = p.prospect_id and o.raised_at is not null)""";

    /** Every prospect found so far, per stage, grouped by %s (a column of prospect_fact). */
    private static final String TOTALS = """
            select p.%1$s as grouping,
                   count(*) as found,
                   count(*) filter (where p.contacted_at is not null or p.outcome = 'WON') as contacted,
                   count(*) filter (where exists (select 1 from objection_fact o
                                                   where o.prospect_id = p.prospect_id
                                                     and o.raised_at is not null)) as objected,
                   count(*) filter (where p.outcome = 'WON') as won,
                   count(*) filter (where p.outcome = 'LOST') as lost
              from prospect_fact p
             where p.found_at is not null and p.%1$s is not null
             group by p.%1$s""";

    private final AgroalDataSource dataSource;

    FunnelQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The figures of the whole cohort. */
    @Transactional
    public FunnelFigures funnel(Cohort cohort) {
        try (Connection connection = snapshot()) {
            Counts counts = cohortCounts(connection, cohort, null).getOrDefault(null, Counts.NONE);
            Effort effort = effort(connection, cohort, null).getOrDefault(null, Effort.NONE);
            return FunnelFigures.of(effort, counts);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the funnel", e);
        }
    }

    /** The figures of each group of the cohort, groups in order (source: MARKETING, SALES; others by name). */
    @Transactional
    public List<GroupFigures> breakdown(Cohort cohort, Grouping grouping) {
        try (Connection connection = snapshot()) {
            Map<String, Counts> counts = cohortCounts(connection, cohort, grouping);
            Map<String, Effort> effort = grouping == Grouping.OWNER ? Map.of() : effort(connection, cohort, grouping);
            Set<String> groups = new LinkedHashSet<>();
            if (grouping == Grouping.SOURCE) {
                groups.add(ProspectSource.MARKETING.name());
                groups.add(ProspectSource.SALES.name());
            } else {
                Set<String> sorted = new TreeSet<>(Comparator.nullsLast(Comparator.<String>naturalOrder()));
                sorted.addAll(counts.keySet());
                sorted.addAll(effort.keySet());
                groups.addAll(sorted);
            }
            List<GroupFigures> rows = new ArrayList<>();
            for (String group : groups) {
                Effort groupEffort = grouping == Grouping.OWNER ? null : effort.getOrDefault(group, Effort.NONE);
                rows.add(new GroupFigures(group, FunnelFigures.of(groupEffort,
                        counts.getOrDefault(group, Counts.NONE))));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the funnel breakdown", e);
        }
    }

    /** Objections of the cohort per category, and the prospects who never objected. */
    @Transactional
    public ObjectionFigures objections(Cohort cohort) {
        try (Connection connection = snapshot()) {
            Filter filter = Filter.of(cohort);
            Map<ObjectionCategory, CategoryFigures> byCategory = new EnumMap<>(ObjectionCategory.class);
            try (PreparedStatement statement = connection.prepareStatement(
                    OBJECTIONS.formatted(filter.sql()))) {
                filter.bind(statement, cohort);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        ObjectionCategory category = ObjectionCategory.valueOf(row.getString("category"));
                        long raised = row.getLong("raised");
                        long resolved = row.getLong("resolved");
                        byCategory.put(category, new CategoryFigures(category, raised, resolved,
                                FunnelFigures.ratio(resolved, raised), row.getLong("prospects"),
                                FunnelFigures.ratio(row.getLong("all_resolved_won"),
                                        row.getLong("all_resolved_decided")),
                                FunnelFigures.ratio(row.getLong("some_open_won"),
                                        row.getLong("some_open_decided"))));
                    }
                }
            }
            List<CategoryFigures> categories = new ArrayList<>();
            for (ObjectionCategory category : ObjectionCategory.values()) {
                categories.add(byCategory.getOrDefault(category,
                        new CategoryFigures(category, 0, 0, null, 0, null, null)));
            }
            categories.sort(Comparator.comparingLong(CategoryFigures::raised).reversed()
                    .thenComparing(figures -> figures.category().name()));
            NeverObjected neverObjected;
            try (PreparedStatement statement = connection.prepareStatement(
                    NEVER_OBJECTED.formatted(filter.sql()))) {
                filter.bind(statement, cohort);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    neverObjected = new NeverObjected(row.getLong("prospects"),
                            FunnelFigures.ratio(row.getLong("won"), row.getLong("decided")));
                }
            }
            return new ObjectionFigures(categories, neverObjected);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the objections", e);
        }
    }

    /** Every prospect found so far, per source and stage: what the gauges show. */
    @Transactional
    public Map<ProspectSource, Stages> totals() {
        Map<ProspectSource, Stages> totals = new EnumMap<>(ProspectSource.class);
        totalsBy("source").forEach((source, stages) -> totals.put(ProspectSource.valueOf(source), stages));
        return totals;
    }

    /** Every marketing-sourced prospect found so far, per stage, by the technique that brought it. */
    @Transactional
    public Map<String, Stages> totalsByTechnique() {
        return totalsBy("technique");
    }

    private Map<String, Stages> totalsBy(String column) {
        Map<String, Stages> totals = new TreeMap<>();
        try (Connection connection = snapshot();
                PreparedStatement statement = connection.prepareStatement(TOTALS.formatted(column));
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                long found = row.getLong("found");
                long won = row.getLong("won");
                long lost = row.getLong("lost");
                totals.put(row.getString("grouping"), new Stages(found, row.getLong("contacted"),
                        row.getLong("objected"), won, lost, found - won - lost));
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the prospect totals by " + column, e);
        }
    }

    private Connection snapshot() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        return connection;
    }

    private static Map<String, Counts> cohortCounts(Connection connection, Cohort cohort, Grouping grouping)
            throws SQLException {
        Filter filter = Filter.of(cohort);
        String days = DAYS_TO_WIN;
        String sql = COHORT.formatted(prospectGroup(grouping), filter.sql(), days, days);
        Map<String, Counts> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            filter.bind(statement, cohort);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String group = grouping == null ? null : row.getString("grp");
                    counts.put(group, new Counts(row.getLong("found"), row.getLong("contacted"),
                            row.getLong("objected"), row.getLong("won"), row.getLong("lost"), row.getLong("raised"),
                            row.getLong("resolved"), decimal(row, "median_days"), decimal(row, "p90_days")));
                }
            }
        }
        return counts;
    }

    private static Map<String, Effort> effort(Connection connection, Cohort cohort, Grouping grouping)
            throws SQLException {
        Map<String, Effort> effort = new HashMap<>();
        if (cohort.source() == ProspectSource.SALES) {
            return effort; // hunting has no marketing effort
        }
        String sql = EFFORT.formatted(effortGroup(grouping), cohort.technique() == null ? "" : " and a.technique = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, cohort.from());
            statement.setObject(2, cohort.to());
            if (cohort.technique() != null) {
                statement.setString(3, cohort.technique());
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String group = grouping == null ? null : row.getString("grp");
                    effort.put(group, effort.getOrDefault(group, Effort.NONE).plus(row.getLong("activities"),
                            row.getLong("minutes"), row.getString("currency"), whole(row, "cost")));
                }
            }
        }
        return effort;
    }

    private static String prospectGroup(Grouping grouping) {
        if (grouping == null) {
            return "'all'";
        }
        return switch (grouping) {
            case SOURCE -> "p.source";
            case TECHNIQUE -> "p.technique";
            case OWNER -> "p.owner";
            case WEEK -> "to_char(p.found_at at time zone 'UTC', 'IYYY-\"W\"IW')";
        };
    }

    private static String effortGroup(Grouping grouping) {
        if (grouping == null) {
            return "'all'";
        }
        return switch (grouping) {
            // All marketing effort is the MARKETING source's; SALES has none.
            case SOURCE -> "'" + ProspectSource.MARKETING.name() + "'";
            case TECHNIQUE -> "a.technique";
            case WEEK -> "to_char(a.performed_on, 'IYYY-\"W\"IW')";
            case OWNER -> throw new IllegalArgumentException("Effort has no owner");
        };
    }

    private static Double decimal(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    /** A sum of amounts, exactly: it may exceed a long. */
    private static BigInteger whole(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column).toBigIntegerExact();
    }

    /** The optional cohort filters, as SQL conditions on {@code prospect_fact p} and their parameters. */
    private record Filter(String sql) {

        static Filter of(Cohort cohort) {
            StringBuilder sql = new StringBuilder();
            if (cohort.source() != null) {
                sql.append(" and p.source = ?");
            }
            if (cohort.technique() != null) {
                sql.append(" and p.technique = ?");
            }
            if (cohort.owner() != null) {
                sql.append(" and p.owner = ?");
            }
            return new Filter(sql.toString());
        }

        void bind(PreparedStatement statement, Cohort cohort) throws SQLException {
            int i = 1;
            statement.setObject(i++, cohort.start());
            statement.setObject(i++, cohort.end());
            if (cohort.source() != null) {
                statement.setString(i++, cohort.source().name());
            }
            if (cohort.technique() != null) {
                statement.setString(i++, cohort.technique());
            }
            if (cohort.owner() != null) {
                statement.setString(i, cohort.owner());
            }
        }
    }

    /**
     * The figures of one group of a breakdown.
     *
     * @param group the group's key: a source, technique, owner or ISO week; null for the prospects without a
     *     technique in a breakdown by technique
     * @param figures its figures
     */
    public record GroupFigures(String group, FunnelFigures figures) {
    }
}
