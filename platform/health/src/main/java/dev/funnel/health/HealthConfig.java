package dev.funnel.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code funnel.health.*}: how long a health check waits for a dependency before it answers DOWN. */
@ConfigMapping(prefix = "funnel.health")
public interface HealthConfig {

    /**
     * The longest a readiness check waits for the database's or the broker's answer. Kept below the 2 s every
     * health endpoint must answer within, with room for the rest of the response.
     */
    @WithDefault("1S")
    Duration timeout();
}
