package dev.funnel.prospect.monitoring;

import dev.funnel.events.ProspectSource;
import dev.funnel.prospect.domain.Stage;
import dev.funnel.prospect.service.Prospects.ProspectRegistered;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code funnel_prospects_found_total{source}}, counted once the prospect's transaction committed, and
 * {@code funnel_prospects_open{stage}}: prospects still FOUND or CONTACTED, read from the database on a
 * schedule so every replica reports the same, true number (and a scrape never queries the database).
 */
@ApplicationScoped
public class ProspectMetrics {

    private static final List<Stage> OPEN_STAGES = List.of(Stage.FOUND, Stage.CONTACTED);

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final Map<Stage, AtomicLong> open = new EnumMap<>(Stage.class);

    ProspectMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
        for (Stage stage : OPEN_STAGES) {
            AtomicLong count = new AtomicLong();
            open.put(stage, count);
            Gauge.builder("funnel.prospects.open", count, AtomicLong::get)
                    .description("Prospects not yet won or lost, by stage")
                    .tag("stage", stage.name())
                    .register(registry);
        }
        for (ProspectSource source : ProspectSource.values()) {
            foundCounter(source); // present at zero, so dashboards see both sources from the start
        }
    }

    void countFound(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProspectRegistered registered) {
        foundCounter(registered.source()).increment();
    }

    @Scheduled(every = "${funnel.prospect.open-gauge-refresh:15s}", delayed = "1s")
    void refreshOpenProspects() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select stage, count(*) from prospect where stage in ('FOUND', 'CONTACTED') group by stage")
                .getResultList();
        OPEN_STAGES.forEach(stage -> open.get(stage).set(0));
        for (Object[] row : rows) {
            open.get(Stage.valueOf((String) row[0])).set(((Number) row[1]).longValue());
        }
    }

    private Counter foundCounter(ProspectSource source) {
        return Counter.builder("funnel.prospects.found")
                .description("Prospects found, by where they came from")
                .tag("source", source.name())
                .register(registry);
    }
}
