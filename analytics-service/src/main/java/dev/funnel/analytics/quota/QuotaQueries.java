package dev.funnel.analytics.quota;

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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the quotas of a span of months and what their sellers won in them, from one snapshot. */
@ApplicationScoped
class QuotaQueries {

    private static final String QUOTAS = """
            select q.owner, q.month, q.customers_target, q.value_target_minor, q.currency
              from quota_fact q
             where q.month >= ? and q.month <= ? and (?::text is null or q.owner = ?::text)""";

    // A prospect counts for the seller who owns it (ProspectFound's owner), in the month it was won (UTC).
    private static final String WON = """
            select p.owner, date_trunc('month', p.won_at at time zone 'UTC')::date as month, p.won_currency,
                   count(*) as customers, sum(p.won_value_minor) as value_minor
              from prospect_fact p
             where p.outcome = 'WON' and p.owner is not null and p.won_at >= ? and p.won_at < ?
               and (?::text is null or p.owner = ?::text)
             group by 1, 2, 3""";

    private final AgroalDataSource dataSource;

    QuotaQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param first the first month asked about
     * @param last the last month asked about
     * @param until the end of what counts as won (the end of the day the question is asked), exclusive
     * @param owner one seller only, or every seller
     */
    @Transactional
    QuotaFacts read(YearMonth first, YearMonth last, Instant until, Optional<String> owner) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction isolation level repeatable read, read only");
            }
            List<QuotaFacts.Target> targets = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(QUOTAS)) {
                statement.setObject(1, first.atDay(1));
                statement.setObject(2, last.atDay(1));
                statement.setString(3, owner.orElse(null));
                statement.setString(4, owner.orElse(null));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        targets.add(new QuotaFacts.Target(row.getString("owner"),
                                YearMonth.from(row.getObject("month", LocalDate.class)),
                                (Integer) row.getObject("customers_target"),
                                (Long) row.getObject("value_target_minor"), row.getString("currency")));
                    }
                }
            }
            Map<QuotaFacts.SellerMonth, QuotaFacts.Won> won = new HashMap<>();
            Instant start = first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant lastEnd = last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            try (PreparedStatement statement = connection.prepareStatement(WON)) {
                statement.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
                statement.setObject(2, OffsetDateTime.ofInstant(until.isBefore(lastEnd) ? until : lastEnd,
                        ZoneOffset.UTC));
                statement.setString(3, owner.orElse(null));
                statement.setString(4, owner.orElse(null));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        QuotaFacts.SellerMonth key = new QuotaFacts.SellerMonth(row.getString("owner"),
                                YearMonth.from(row.getObject("month", LocalDate.class)));
                        QuotaFacts.Won sofar = won.getOrDefault(key, QuotaFacts.Won.NONE);
                        won.put(key, sofar.plus(row.getLong("customers"), row.getString("won_currency"),
                                row.getBigDecimal("value_minor").toBigIntegerExact()));
                    }
                }
            }
            return new QuotaFacts(targets, won);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the quotas", e);
        }
    }
}
