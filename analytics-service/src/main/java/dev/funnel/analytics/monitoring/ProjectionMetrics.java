package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.messaging.RecordDecoder.Unreadable;
import dev.funnel.analytics.projection.ApplyResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The projection's counters, incremented once the batch's transaction committed:
 * {@code funnel_analytics_events_applied_total{type,path}},
 * {@code funnel_analytics_events_duplicates_total{type}} and
 * {@code funnel_analytics_events_dead_lettered_total{type,topic}}. {@code path} tells the live consumer from a
 * rebuild's replay.
 */
@ApplicationScoped
public class ProjectionMetrics {

    private final MeterRegistry registry;

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void applied(ApplyResult result, boolean rebuild) {
        result.applied().forEach((type, count) -> Counter.builder("funnel.analytics.events.applied")
                .description("Events applied to the read model")
                .tag("type", type.eventName())
                .tag("path", rebuild ? "rebuild" : "live")
                .register(registry)
                .increment(count));
        if (!rebuild) {
            result.duplicates().forEach((type, count) -> Counter.builder("funnel.analytics.events.duplicates")
                    .description("Events skipped because their ce_id was applied before")
                    .tag("type", type.eventName())
                    .register(registry)
                    .increment(count));
        }
    }

    public void deadLettered(List<Unreadable> records) {
        records.forEach(unreadable -> Counter.builder("funnel.analytics.events.dead.lettered")
                .description("Records sent to a dead-letter topic because they are not valid contract events")
                .tag("type", unreadable.eventType())
                .tag("topic", unreadable.record().topic())
                .register(registry)
                .increment());
    }
}
