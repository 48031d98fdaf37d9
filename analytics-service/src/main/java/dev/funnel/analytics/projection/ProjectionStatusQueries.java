package dev.funnel.analytics.projection;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads what the projection has done from its own tables. */
@ApplicationScoped
public class ProjectionStatusQueries {

    @Transactional
    public ProjectionStatus read() {
        Map<String, Long> applied = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> perType = Panache.getEntityManager()
                .createNativeQuery("select event_type, count(*) from processed_event group by event_type")
                .getResultList();
        perType.forEach(row -> applied.put((String) row[0], ((Number) row[1]).longValue()));

        Map<String, Long> duplicates = new TreeMap<>();
        Map<String, Long> deadLettered = new TreeMap<>();
        SkipCounter.<SkipCounter>listAll().forEach(counter -> {
            duplicates.put(counter.eventType(), counter.duplicates());
            deadLettered.put(counter.eventType(), counter.deadLettered());
        });

        Object[] state = (Object[]) Panache.getEntityManager()
                .createNativeQuery("select max(last_event_time), max(last_applied_at) from projection_progress")
                .getSingleResult();
        return new ProjectionStatus(applied, duplicates, deadLettered, instant(state[0]), instant(state[1]),
                RebuildRun.latest());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
