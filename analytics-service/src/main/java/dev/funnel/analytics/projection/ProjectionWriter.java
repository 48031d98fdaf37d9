package dev.funnel.analytics.projection;

import dev.funnel.analytics.projection.FactBatch.ActivityRow;
import dev.funnel.analytics.projection.FactBatch.ObjectionDelta;
import dev.funnel.analytics.projection.FactBatch.ProspectDelta;
import dev.funnel.analytics.projection.FactBatch.QuotaRow;
import dev.funnel.analytics.projection.FactBatch.TechniqueRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL of the write side: one statement per table per batch, each row of the batch passed as one element of
 * a column array and unpacked with {@code unnest}. That is what makes a batch of a thousand events cost a
 * handful of round trips instead of thousands (measured 13 to 37 times the per-event rate: see BENCHMARKS.md).
 *
 * <p>Values travel as text arrays cast in SQL ({@code ?::uuid[]}, {@code ?::timestamptz[]}), which the
 * driver handles for every type alike; instants are written to the microsecond (see {@link Stamp}).
 */
final class ProjectionWriter {

    /**
     * Every batch's share of the projection's lock: batches of any number of replicas hold it together; only
     * {@link #truncate} takes it alone. A table lock, not a row lock, because PostgreSQL queues table locks fairly:
     * a waiting rebuild is not starved by a stream of batches that keep sharing a row.
     */
    private static final String SHARE_THE_LOCK = "lock table projection_state in row share mode";

    private static final String TAKE_THE_LOCK_ALONE = "lock table projection_state in exclusive mode";

    private static final String RECORD_PROGRESS = """
            insert into projection_progress as t (writer, last_event_time, last_applied_at)
            values (?, ?::timestamptz, ?::timestamptz)
            on conflict (writer) do update
               set last_event_time = greatest(t.last_event_time, excluded.last_event_time),
                   last_applied_at = greatest(t.last_applied_at, excluded.last_applied_at)""";

    /** The rows of writers that have not applied anything lately, folded into one; the newest figures stay. */
    private static final String FOLD_PROGRESS = """
            with gone as (
                delete from projection_progress
                 where writer <> 'folded' and last_applied_at < ?::timestamptz
             returning last_event_time, last_applied_at)
            insert into projection_progress as t (writer, last_event_time, last_applied_at)
            select 'folded', max(last_event_time), max(last_applied_at) from gone having count(*) > 0
            on conflict (writer) do update
               set last_event_time = greatest(t.last_event_time, excluded.last_event_time),
                   last_applied_at = greatest(t.last_applied_at, excluded.last_applied_at)""";

    private static final String INSERT_PROCESSED = """
            insert into processed_event (event_id, event_type, occurred_at)
            select * from unnest(?::uuid[], ?::text[], ?::timestamptz[])
            on conflict (event_id) do nothing
            returning event_id""";

    private static final String UPSERT_TECHNIQUES = """
            insert into technique_fact as t (technique, name, cadence, defined_at, event_id)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[])
            on conflict (technique) do update
               set name = excluded.name, cadence = excluded.cadence,
                   defined_at = excluded.defined_at, event_id = excluded.event_id
             where (excluded.defined_at, excluded.event_id) > (t.defined_at, t.event_id)""";

    private static final String UPSERT_ACTIVITIES = """
            insert into activity_fact as t
                   (activity_id, technique, performed_on, minutes_spent, cost_minor, currency, logged_at, event_id)
            select * from unnest(?::uuid[], ?::text[], ?::date[], ?::int4[], ?::int8[], ?::text[],
                                 ?::timestamptz[], ?::uuid[])
            on conflict (activity_id) do update
               set technique = excluded.technique, performed_on = excluded.performed_on,
                   minutes_spent = excluded.minutes_spent, cost_minor = excluded.cost_minor,
                   currency = excluded.currency, logged_at = excluded.logged_at, event_id = excluded.event_id
             where (excluded.logged_at, excluded.event_id) > (t.logged_at, t.event_id)""";

    private static final String UPSERT_PROSPECTS = """
            insert into prospect_fact as t
                   (prospect_id,
                    source, technique, owner, estimated_value_minor, estimated_currency, found_at, found_event_id,
                    contacted_at, contacted_by, contacted_event_id,
                    won_at, won_value_minor, won_currency, won_event_id,
                    lost_at, lost_reason, lost_event_id)
            select * from unnest(?::uuid[],
                                 ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::timestamptz[], ?::uuid[],
                                 ?::timestamptz[], ?::text[], ?::uuid[],
                                 ?::timestamptz[], ?::int8[], ?::text[], ?::uuid[],
                                 ?::timestamptz[], ?::text[], ?::uuid[])
            on conflict (prospect_id) do update set
            """
            + earliestWins("found", "source", "technique", "owner", "estimated_value_minor", "estimated_currency")
            + ",\n" + earliestWins("contacted", "contacted_by")
            + ",\n" + earliestWins("won", "won_value_minor", "won_currency")
            + ",\n" + earliestWins("lost", "lost_reason");

    private static final String UPSERT_OBJECTIONS = """
            insert into objection_fact as t
                   (objection_id, prospect_id, category, raised_at, raised_event_id, resolved_at, resolved_event_id)
            select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::uuid[],
                                 ?::timestamptz[], ?::uuid[])
            on conflict (objection_id) do update set
            """
            + earliestWins("raised", "prospect_id", "category")
            + ",\n" + earliestWins("resolved");

    private static final String UPSERT_QUOTAS = """
            insert into quota_fact as t
                   (owner, month, customers_target, value_target_minor, currency, set_by, set_at, event_id)
            select * from unnest(?::text[], ?::date[], ?::int4[], ?::int8[], ?::text[], ?::text[],
                                 ?::timestamptz[], ?::uuid[])
            on conflict (owner, month) do update
               set customers_target = excluded.customers_target, value_target_minor = excluded.value_target_minor,
                   currency = excluded.currency, set_by = excluded.set_by, set_at = excluded.set_at,
                   event_id = excluded.event_id
             where (excluded.set_at, excluded.event_id) > (t.set_at, t.event_id)""";

    private static final String COUNT_SKIPPED = """
            insert into projection_counter as t (event_type, duplicates, dead_lettered)
            select * from unnest(?::text[], ?::int8[], ?::int8[])
            on conflict (event_type) do update
               set duplicates = t.duplicates + excluded.duplicates,
                   dead_lettered = t.dead_lettered + excluded.dead_lettered""";

    /**
     * PostgreSQL's order of uuids, byte by byte, which is also the order of their texts. Not {@link UUID#compareTo}:
     * it compares the two halves as signed numbers. Comparing the texts would make two strings per comparison.
     */
    static final Comparator<UUID> AS_STORED = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private ProjectionWriter() {
    }

    /**
     * The {@code SET} items that take the columns of group {@code <group>_at}/{@code <group>_event_id} from the
     * incoming row when the stored row has none yet or the incoming event is earlier. Every item tests the old
     * values, as PostgreSQL evaluates all of them against the row before the update.
     */
    private static String earliestWins(String group, String... payloadColumns) {
        String at = group + "_at";
        String eventId = group + "_event_id";
        String wins = "excluded." + at + " is not null and (t." + at + " is null or (excluded." + at
                + ", excluded." + eventId + ") < (t." + at + ", t." + eventId + "))";
        return Stream.concat(Stream.of(at, eventId), Arrays.stream(payloadColumns))
                .map(column -> "    " + column + " = case when " + wins + " then excluded." + column
                        + " else t." + column + " end")
                .collect(Collectors.joining(",\n"));
    }

    /** Takes this batch's share of the projection's lock; see {@link #SHARE_THE_LOCK}. */
    static void shareTheLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SHARE_THE_LOCK)) {
            statement.execute();
        }
    }

    /**
     * Records the newest event time this writer applied and when, in its own row: no other writer touches it, so
     * batches of different replicas never wait for each other here.
     */
    static void recordProgress(Connection connection, String writer, Instant newestEventTime, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD_PROGRESS)) {
            statement.setString(1, writer);
            statement.setString(2, newestEventTime == null ? null : Stamp.micros(newestEventTime).toString());
            statement.setString(3, now.toString());
            statement.executeUpdate();
        }
    }

    /** Folds the rows of writers idle since {@code before} into the row {@code folded}. */
    static void foldProgress(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FOLD_PROGRESS)) {
            statement.setString(1, before.toString());
            statement.executeUpdate();
        }
    }

    /** Records the events as processed; returns the ids that were not recorded before. */
    static Set<UUID> recordProcessed(Connection connection, Collection<IncomingEvent> events) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        if (events.isEmpty()) {
            return fresh;
        }
        List<IncomingEvent> sorted = events.stream().sorted(Comparator.comparing(IncomingEvent::eventId, AS_STORED))
                .toList();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_PROCESSED)) {
            statement.setArray(1, texts(connection, sorted, e -> e.eventId().toString()));
            statement.setArray(2, texts(connection, sorted, e -> e.type().eventName()));
            statement.setArray(3, texts(connection, sorted, e -> Stamp.micros(e.event().occurredAt()).toString()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    static void write(Connection connection, FactBatch batch) throws SQLException {
        writeTechniques(connection, List.copyOf(batch.techniques()));
        writeActivities(connection, List.copyOf(batch.activities()));
        writeProspects(connection, List.copyOf(batch.prospects()));
        writeObjections(connection, List.copyOf(batch.objections()));
        writeQuotas(connection, List.copyOf(batch.quotas()));
    }

    /** Adds to the per-type counts of skipped duplicates and dead-lettered records. */
    static void countSkipped(Connection connection, Map<String, Long> duplicates, Map<String, Long> deadLettered)
            throws SQLException {
        Set<String> types = new TreeSet<>(duplicates.keySet());
        types.addAll(deadLettered.keySet());
        if (types.isEmpty()) {
            return;
        }
        List<String> rows = List.copyOf(types);
        try (PreparedStatement statement = connection.prepareStatement(COUNT_SKIPPED)) {
            statement.setArray(1, texts(connection, rows, type -> type));
            statement.setArray(2, longs(connection, rows, type -> duplicates.getOrDefault(type, 0L)));
            statement.setArray(3, longs(connection, rows, type -> deadLettered.getOrDefault(type, 0L)));
            statement.executeUpdate();
        }
    }

    static void truncate(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TAKE_THE_LOCK_ALONE)) {
            // First, like every writer's share of it: it waits for the batches in flight, and the batches that
            // come after wait for it, so none is half in the old read model and half in the new.
            statement.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                truncate table technique_fact, activity_fact, prospect_fact, objection_fact, quota_fact,
                               processed_event, projection_progress""")) {
            statement.executeUpdate();
        }
    }

    private static void writeTechniques(Connection connection, List<TechniqueRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_TECHNIQUES)) {
            statement.setArray(1, texts(connection, rows, TechniqueRow::technique));
            statement.setArray(2, texts(connection, rows, TechniqueRow::name));
            statement.setArray(3, texts(connection, rows, TechniqueRow::cadence));
            statement.setArray(4, texts(connection, rows, row -> row.stamp().at().toString()));
            statement.setArray(5, texts(connection, rows, row -> row.stamp().eventId().toString()));
            statement.executeUpdate();
        }
    }

    private static void writeActivities(Connection connection, List<ActivityRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_ACTIVITIES)) {
            statement.setArray(1, texts(connection, rows, row -> row.activityId().toString()));
            statement.setArray(2, texts(connection, rows, ActivityRow::technique));
            statement.setArray(3, texts(connection, rows, row -> row.performedOn().toString()));
            statement.setArray(4, connection.createArrayOf("int4",
                    rows.stream().map(ActivityRow::minutesSpent).toArray(Integer[]::new)));
            statement.setArray(5, longs(connection, rows, ActivityRow::costMinor));
            statement.setArray(6, texts(connection, rows, ActivityRow::currency));
            statement.setArray(7, texts(connection, rows, row -> row.stamp().at().toString()));
            statement.setArray(8, texts(connection, rows, row -> row.stamp().eventId().toString()));
            statement.executeUpdate();
        }
    }

    private static void writeProspects(Connection connection, List<ProspectDelta> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_PROSPECTS)) {
            int i = 1;
            statement.setArray(i++, texts(connection, rows, row -> row.prospectId().toString()));
            statement.setArray(i++, texts(connection, rows, row -> row.found() == null ? null : row.found().source()));
            statement.setArray(i++, texts(connection, rows,
                    row -> row.found() == null ? null : row.found().technique()));
            statement.setArray(i++, texts(connection, rows, row -> row.found() == null ? null : row.found().owner()));
            statement.setArray(i++, longs(connection, rows,
                    row -> row.found() == null ? null : row.found().estimatedValueMinor()));
            statement.setArray(i++, texts(connection, rows,
                    row -> row.found() == null ? null : row.found().currency()));
            statement.setArray(i++, at(connection, rows, ProspectDelta::found));
            statement.setArray(i++, eventIds(connection, rows, ProspectDelta::found));
            statement.setArray(i++, at(connection, rows, ProspectDelta::contacted));
            statement.setArray(i++, texts(connection, rows,
                    row -> row.contacted() == null ? null : row.contacted().owner()));
            statement.setArray(i++, eventIds(connection, rows, ProspectDelta::contacted));
            statement.setArray(i++, at(connection, rows, ProspectDelta::won));
            statement.setArray(i++, longs(connection, rows, row -> row.won() == null ? null : row.won().valueMinor()));
            statement.setArray(i++, texts(connection, rows, row -> row.won() == null ? null : row.won().currency()));
            statement.setArray(i++, eventIds(connection, rows, ProspectDelta::won));
            statement.setArray(i++, at(connection, rows, ProspectDelta::lost));
            statement.setArray(i++, texts(connection, rows, row -> row.lost() == null ? null : row.lost().reason()));
            statement.setArray(i, eventIds(connection, rows, ProspectDelta::lost));
            statement.executeUpdate();
        }
    }

    private static void writeObjections(Connection connection, List<ObjectionDelta> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_OBJECTIONS)) {
            statement.setArray(1, texts(connection, rows, row -> row.objectionId().toString()));
            statement.setArray(2, texts(connection, rows,
                    row -> row.raised() == null ? null : row.raised().prospectId().toString()));
            statement.setArray(3, texts(connection, rows,
                    row -> row.raised() == null ? null : row.raised().category()));
            statement.setArray(4, at(connection, rows, ObjectionDelta::raised));
            statement.setArray(5, eventIds(connection, rows, ObjectionDelta::raised));
            statement.setArray(6, at(connection, rows, ObjectionDelta::resolved));
            statement.setArray(7, eventIds(connection, rows, ObjectionDelta::resolved));
            statement.executeUpdate();
        }
    }

    private static void writeQuotas(Connection connection, List<QuotaRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_QUOTAS)) {
            statement.setArray(1, texts(connection, rows, QuotaRow::owner));
            statement.setArray(2, texts(connection, rows, row -> row.month().atDay(1).toString()));
            statement.setArray(3, connection.createArrayOf("int4",
                    rows.stream().map(QuotaRow::customersTarget).toArray(Integer[]::new)));
            statement.setArray(4, longs(connection, rows, QuotaRow::valueTargetMinor));
            statement.setArray(5, texts(connection, rows, QuotaRow::currency));
            statement.setArray(6, texts(connection, rows, QuotaRow::setBy));
            statement.setArray(7, texts(connection, rows, row -> row.stamp().at().toString()));
            statement.setArray(8, texts(connection, rows, row -> row.stamp().eventId().toString()));
            statement.executeUpdate();
        }
    }

    private static <R> Array at(Connection connection, List<R> rows, Function<R, ? extends Stamp.Stamped> part)
            throws SQLException {
        return texts(connection, rows, row -> {
            Stamp.Stamped stamped = part.apply(row);
            return stamped == null ? null : stamped.stamp().at().toString();
        });
    }

    private static <R> Array eventIds(Connection connection, List<R> rows,
            Function<R, ? extends Stamp.Stamped> part) throws SQLException {
        return texts(connection, rows, row -> {
            Stamp.Stamped stamped = part.apply(row);
            return stamped == null ? null : stamped.stamp().eventId().toString();
        });
    }

    private static <R> Array texts(Connection connection, List<R> rows, Function<R, String> column)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
    }

    private static <R> Array longs(Connection connection, List<R> rows, Function<R, Long> column)
            throws SQLException {
        return connection.createArrayOf("int8", rows.stream().map(column).toArray(Long[]::new));
    }
}
