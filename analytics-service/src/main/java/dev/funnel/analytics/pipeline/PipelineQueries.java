package dev.funnel.analytics.pipeline;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.events.ObjectionCategory;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the paths of the prospects found in a range, and the objections of the lost ones. The stage timings are
 * percentiles over a few thousand prospects at most a small business finds in five years, so the walk is done in
 * Java, where "as of a moment" is one method of {@link ProspectPath} rather than a case in every column.
 */
@ApplicationScoped
class PipelineQueries {

    private static final String PATHS = """
            select p.prospect_id, p.source, p.technique, p.owner, p.found_at, p.contacted_at, p.won_at, p.lost_at,
                   p.lost_reason
              from prospect_fact p
             where p.found_at >= ? and p.found_at < ?""";

    private static final String LOST_OBJECTIONS = """
            select o.prospect_id, o.category, o.resolved_at is not null as resolved
              from objection_fact o
              join prospect_fact p on p.prospect_id = o.prospect_id
             where p.found_at >= ? and p.found_at < ? and p.outcome = 'LOST' and o.raised_at is not null""";

    private final AgroalDataSource dataSource;

    PipelineQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The prospects found in the range, and the objections their lost ones raised, from one snapshot. */
    @Transactional
    Cohort cohort(DateRange range) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
            }
            List<ProspectPath> paths = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(PATHS)) {
                bind(statement, range);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        paths.add(new ProspectPath(row.getObject("prospect_id", UUID.class),
                                ProspectSource.valueOf(row.getString("source")), row.getString("technique"),
                                row.getString("owner"), instant(row, "found_at"), instant(row, "contacted_at"),
                                instant(row, "won_at"), instant(row, "lost_at"), row.getString("lost_reason")));
                    }
                }
            }
            List<LostObjection> objections = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(LOST_OBJECTIONS)) {
                bind(statement, range);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        objections.add(new LostObjection(row.getObject("prospect_id", UUID.class),
                                ObjectionCategory.valueOf(row.getString("category")), row.getBoolean("resolved")));
                    }
                }
            }
            return new Cohort(paths, objections);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the prospects' paths", e);
        }
    }

    private static void bind(PreparedStatement statement, DateRange range) throws SQLException {
        statement.setObject(1, range.start());
        statement.setObject(2, range.end());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The prospects of a range and the objections of its lost ones. */
    record Cohort(List<ProspectPath> paths, List<LostObjection> lostObjections) {
    }

    /** An objection a lost prospect raised, and whether it was resolved. */
    record LostObjection(UUID prospectId, ObjectionCategory category, boolean resolved) {
    }
}
