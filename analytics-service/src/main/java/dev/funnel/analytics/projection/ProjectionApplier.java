package dev.funnel.analytics.projection;

import dev.funnel.events.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one way events enter the read model, for the live consumer and the rebuild alike: a whole batch in one
 * database transaction, de-duplicated on {@code ce_id} in that same transaction, merged into the facts
 * whatever order the events come in.
 */
@ApplicationScoped
public class ProjectionApplier {

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
     * @param countDuplicates whether skipped duplicates are added to the persisted counts; a rebuild does not,
     *     because what it skips is mostly what the live consumer applied meanwhile, not a second delivery
     * @return what was applied and what was skipped
     */
    @Transactional
    public ApplyResult apply(List<IncomingEvent> events, Map<String, Long> deadLettered, boolean countDuplicates) {
        try (Connection connection = dataSource.getConnection()) {
            Instant newest = events.stream().map(e -> e.event().occurredAt()).max(Comparator.naturalOrder())
                    .orElse(null);
            ProjectionWriter.lockState(connection, newest, clock.instant());

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
            return new ApplyResult(applied, duplicates);
        } catch (SQLException e) {
            throw new ProjectionWriteException("Could not apply a batch of " + events.size() + " events", e);
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

    private static Map<String, Long> byName(Map<EventType, Long> counts) {
        Map<String, Long> named = new TreeMap<>();
        counts.forEach((type, count) -> named.put(type.eventName(), count));
        return named;
    }
}
