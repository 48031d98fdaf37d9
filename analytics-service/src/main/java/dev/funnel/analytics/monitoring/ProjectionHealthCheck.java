package dev.funnel.analytics.monitoring;

import dev.funnel.analytics.messaging.ProjectionRebuild;
import dev.funnel.analytics.messaging.Retrying;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the projection is stuck on a batch it keeps retrying (database or broker unreachable): the
 * figures served meanwhile are getting old. A rebuild in progress is reported but keeps the service ready.
 */
@Readiness
@ApplicationScoped
public class ProjectionHealthCheck implements HealthCheck {

    private final Retrying retrying;
    private final ProjectionRebuild rebuild;

    ProjectionHealthCheck(Retrying retrying, ProjectionRebuild rebuild) {
        this.retrying = retrying;
        this.rebuild = rebuild;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> failure = retrying.currentFailure();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Funnel projection")
                .status(failure.isEmpty())
                .withData("rebuilding", rebuild.running());
        failure.ifPresent(why -> response.withData("failing", why));
        return response.build();
    }
}
