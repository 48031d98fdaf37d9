package dev.funnel.activity.monitoring;

import dev.funnel.activity.service.ActivityLog.ActivitiesLogged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * {@code funnel_activities_logged_total{technique}}: activities stored, counted only once their
 * transaction committed, so a rejected batch or a replayed request never counts.
 */
@ApplicationScoped
public class ActivityMetrics {

    private final MeterRegistry registry;

    ActivityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActivitiesLogged logged) {
        logged.techniques().forEach(technique -> Counter.builder("funnel.activities.logged")
                .description("Marketing activities logged")
                .tag("technique", technique)
                .register(registry)
                .increment());
    }
}
