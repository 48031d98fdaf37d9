package dev.funnel.objection.monitoring;

import dev.funnel.events.ObjectionCategory;
import dev.funnel.objection.domain.ObjectionBridged;
import dev.funnel.objection.domain.ObjectionRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code funnel_objections_raised_total{category}} and {@code funnel_objections_resolved_total{category}},
 * counted only once their transaction committed, so a refused or repeated request never counts. Every
 * category is there from the start at 0, so a rate over a category is defined before its first objection.
 */
// Created at startup, not on first use, so the meters are on /q/metrics before anything happened.
@Startup
@ApplicationScoped
public class ObjectionMetrics {

    private final Map<ObjectionCategory, Counter> raised = new EnumMap<>(ObjectionCategory.class);
    private final Map<ObjectionCategory, Counter> resolved = new EnumMap<>(ObjectionCategory.class);

    ObjectionMetrics(MeterRegistry registry) {
        for (ObjectionCategory category : ObjectionCategory.values()) {
            raised.put(category, Counter.builder("funnel.objections.raised")
                    .description("Objections raised by prospects")
                    .tag("category", category.name())
                    .register(registry));
            resolved.put(category, Counter.builder("funnel.objections.resolved")
                    .description("Objections resolved by a bridge")
                    .tag("category", category.name())
                    .register(registry));
        }
    }

    void countRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) ObjectionRecorded event) {
        raised.get(event.category()).increment();
    }

    void countResolved(@Observes(during = TransactionPhase.AFTER_SUCCESS) ObjectionBridged event) {
        resolved.get(event.category()).increment();
    }
}
