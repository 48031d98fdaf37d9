package dev.funnel.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the service's PostgreSQL answers a query; replaces Quarkus' datasource check
 * ({@code quarkus.datasource.health.enabled=false}), which waits on the pool and the connection without a bound.
 */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final BoundedProbe probe;

    DatabaseReadiness(DataSource dataSource, HealthConfig config) {
        this.probe = new BoundedProbe("Database", config.timeout(), () -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                // A probe left waiting by a hanging server ends by itself; the check does not wait for it.
                statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                statement.execute("select 1");
                return "PostgreSQL answered";
            }
        });
    }

    @Override
    public HealthCheckResponse call() {
        return probe.answer();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        probe.close();
    }
}
