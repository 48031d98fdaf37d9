package dev.funnel.objection.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the replica cannot apply prospect events (the consumer retries the same event until the
 * database takes it): objections checked against a replica that stopped moving could be accepted for
 * prospects already won. SmallRye's own messaging checks cover the consumer's connection and partitions.
 */
@Readiness
@ApplicationScoped
class ReplicaHealthCheck implements HealthCheck {

    private final ReplicaMonitor monitor;

    ReplicaHealthCheck(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Prospect replica consumer")
                .status(monitor.failure().isEmpty())
                .withData("deadLettered", (long) monitor.deadLetteredCount());
        if (!Double.isNaN(monitor.lag())) {
            response.withData("lagRecords", (long) monitor.lag());
        }
        monitor.lastAppliedAt().ifPresent(at -> response.withData("lastAppliedAt", at.toString()));
        monitor.failure().ifPresent(failure -> response.withData("failure", failure));
        return response.build();
    }
}
