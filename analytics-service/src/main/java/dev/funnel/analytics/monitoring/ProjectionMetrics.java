package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.messaging.RecordDecoder.Unreadable;
import dev.funnel.analytics.projection.ApplyResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The projection's counters, incremented once the batch's transaction committed:
 * {@code funnel_analytics_events_applied_total{type,path}},
 * {@code funnel_analytics_events_duplicates_total{type}} and
 * {@code funnel_analytics_events_dead_lettered_total{type,topic}}. {@code path} tells the live consumer from a
 * rebuild's replay. And how the live consumer's batches go: {@code funnel_analytics_batch_records} (records per
 * batch) and {@code funnel_analytics_batch_seconds} (decoding, dead letters and the transaction).
 */
@ApplicationScoped
public class ProjectionMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchRecords;
    private final Timer batchTime;

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchRecords = DistributionSummary.builder("funnel.analytics.batch.records")
                .description("Records per batch of the live consumer")
                .register(registry);
        this.batchTime = Timer.builder("funnel.analytics.batch")
                .description("Time the live consumer spent on a batch, from decoding to commit")
                .register(registry);
    }

    public void batch(int records, long nanos) {
        batchRecords.record(records);
        batchTime.record(nanos, TimeUnit.NANOSECONDS);
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
