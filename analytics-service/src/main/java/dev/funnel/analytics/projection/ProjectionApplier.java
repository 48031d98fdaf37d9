package dev.funnel.analytics.projection;

import dev.funnel.events.EventType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one way events enter the read model, for the live consumer and the rebuild alike: a whole batch in one
 * database transaction, de-duplicated on {@code ce_id} in that same transaction, merged into the facts
 * whatever order the events come in.
 *
 * <p>Batches take no lock of their own: replicas of one consumer group apply their partitions' batches at the
 * same time. That is safe because every fact is merged by a total order (the same rows whatever the order of
 * the batches), and deadlock-free because every batch writes the tables in one order and each table's rows in
 * key order. Only emptying the read model for a rebuild waits for the batches in flight and holds the others
 * back ({@link ProjectionWriter#truncate}).
 */
@ApplicationScoped
public class ProjectionApplier {

    private static final Logger LOG = Logger.getLogger(ProjectionApplier.class);

    /** How long a writer may apply nothing before its progress row is folded; longer than any batch takes. */
    static final Duration IDLE_WRITER = Duration.ofMinutes(10);

    /** This process among the replicas: its progress rows are its own. */
    private static final String INSTANCE = UUID.randomUUID().toString();

    private final AgroalDataSource dataSource;
    private final Clock clock;

    ProjectionApplier(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Applies the events that were not applied before and records their ids, all in one transaction.
     *
     * @param events decoded events, in the order they were read
     * @param deadLettered records of this batch sent to a dead-letter topic, by event type name
     *     ({@code unknown} when the type could not be told), added to the persisted counts
     * @param countDuplicates whether this is the live consumer's batch, whose skipped duplicates are added to the
     *     persisted counts; a rebuild's are not, because what it skips is mostly what the live consumer applied
     *     meanwhile, not a second delivery. It also tells whose progress row the batch records.
     * @return what was applied and what was skipped
     */
    @Transactional
    public ApplyResult apply(List<IncomingEvent> events, Map<String, Long> deadLettered, boolean countDuplicates) {
        try (Connection connection = dataSource.getConnection()) {
            Instant newest = events.stream().map(e -> e.event().occurredAt()).max(Comparator.naturalOrder())
                    .orElse(null);
            ProjectionWriter.shareTheLock(connection);

            Map<EventType, Long> duplicates = new EnumMap<>(EventType.class);
            Map<UUID, IncomingEvent> unique = new LinkedHashMap<>();
            for (IncomingEvent event : events) {
                if (unique.putIfAbsent(event.eventId(), event) != null) {
                    duplicates.merge(event.type(), 1L, Long::sum);
                }
            }
            Set<UUID> fresh = ProjectionWriter.recordProcessed(connection, unique.values());

            Map<EventType, Long> applied = new EnumMap<>(EventType.class);
            FactBatch facts = new FactBatch();
            for (IncomingEvent event : unique.values()) {
                if (fresh.contains(event.eventId())) {
                    facts.add(event);
                    applied.merge(event.type(), 1L, Long::sum);
                } else {
                    duplicates.merge(event.type(), 1L, Long::sum);
                }
            }
            ProjectionWriter.write(connection, facts);
            ProjectionWriter.countSkipped(connection, countDuplicates ? byName(duplicates) : Map.of(), deadLettered);
            // Last: the one row this writer owns, so that no lock of it is held while the facts are written.
            ProjectionWriter.recordProgress(connection, writer(countDuplicates), newest, clock.instant());
            return new ApplyResult(applied, duplicates);
        } catch (SQLException e) {
            throw new ProjectionWriteException("Could not apply a batch of " + events.size() + " events", e);
        }
    }

    /**
     * Folds the progress rows of writers that applied nothing for {@link #IDLE_WRITER} (replicas stopped or
     * restarted) into one, so that the table holds about one row per running replica. At startup; a database
     * that cannot be reached then only leaves the rows for the next start.
     */
    void foldIdleWriters(@Observes StartupEvent started) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    ProjectionWriter.shareTheLock(connection);
                    ProjectionWriter.foldProgress(connection, clock.instant().minus(IDLE_WRITER));
                } catch (SQLException e) {
                    throw new ProjectionWriteException("Could not fold the progress of idle writers", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("The progress rows of idle writers stay until the next start: %s", e.getMessage());
        }
    }

    /**
     * Empties the read model and forgets which events were applied, in one transaction, so that replaying the
     * topics applies every event again. Counters of duplicates and dead letters stay.
     */
    @Transactional
    public void emptyReadModel() {
        try (Connection connection = dataSource.getConnection()) {
            ProjectionWriter.truncate(connection);
        } catch (SQLException e) {
            throw new ProjectionWriteException("Could not empty the read model", e);
        }
    }

    /** The live consumer and a rebuild each apply one batch at a time, so each has a row of its own. */
    private static String writer(boolean live) {
        return INSTANCE + (live ? "/live" : "/rebuild");
    }

    private static Map<String, Long> byName(Map<EventType, Long> counts) {
        Map<String, Long> named = new TreeMap<>();
        counts.forEach((type, count) -> named.put(type.eventName(), count));
        return named;
    }
}
