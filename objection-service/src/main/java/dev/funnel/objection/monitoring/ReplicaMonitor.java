package dev.funnel.objection.monitoring;

import dev.funnel.objection.domain.ProspectFact;
import dev.funnel.objection.domain.ReplicaApplied;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * How the prospect replica keeps up, for Prometheus and the readiness check:
 * {@code funnel_prospect_events_consumed_total{type}} (applied for the first time),
 * {@code funnel_prospect_events_deduplicated_total}, {@code funnel_prospect_events_dead_lettered_total}
 * and {@code funnel_prospect_replica_lag_records} (data records of the topic the consumer group has not
 * committed yet, transaction markers not counted, so a caught-up replica reads 0; NaN until the first reading).
 */
// Created at startup, not on first use, so the meters are on /q/metrics before anything happened.
@Startup
@ApplicationScoped
public class ReplicaMonitor {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter deduplicated;
    private final Counter deadLettered;
    private volatile double lag = Double.NaN;
    private volatile Instant lastAppliedAt;
    private volatile String failure;

    ReplicaMonitor(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.deduplicated = Counter.builder("funnel.prospect.events.deduplicated")
                .description("Prospect events skipped because their ce_id was applied before")
                .register(registry);
        this.deadLettered = Counter.builder("funnel.prospect.events.dead.lettered")
                .description("Prospect records sent to funnel.prospects.v1.dlq because they can never be applied")
                .register(registry);
        Gauge.builder("funnel.prospect.replica.lag", this, monitor -> monitor.lag)
                .description("Data records of funnel.prospects.v1 the consumer group has not committed yet")
                .baseUnit("records")
                .register(registry);
    }

    public void applied(ProspectFact fact, ReplicaApplied applied) {
        if (applied == ReplicaApplied.DUPLICATE) {
            deduplicated.increment();
        } else {
            Counter.builder("funnel.prospect.events.consumed")
                    .description("Prospect events applied to the replica for the first time")
                    .tag("type", fact.eventType())
                    .register(registry)
                    .increment();
        }
        lastAppliedAt = clock.instant();
        failure = null;
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    /** The database refused an event; it is retried, and the replica is not ready until it succeeds. */
    public void applyFailed(Throwable cause) {
        failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    void lag(double records) {
        lag = records;
    }

    double lag() {
        return lag;
    }

    Optional<Instant> lastAppliedAt() {
        return Optional.ofNullable(lastAppliedAt);
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    double deadLetteredCount() {
        return deadLettered.count();
    }
}
