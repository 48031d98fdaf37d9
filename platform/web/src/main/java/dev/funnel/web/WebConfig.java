package dev.funnel.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** {@code funnel.web.*}: the HTTP layer's settings, the same keys in every service ({@code FUNNEL_WEB_...}). */
@ConfigMapping(prefix = "funnel.web")
public interface WebConfig {

    /**
     * The most requests the application's HTTP port serves at once; one more is refused at once with a 503
     * ({@link LoadShedder}). The management port (health, metrics) has no such bound.
     */
    @WithDefault("256")
    @Min(value = 1, message = "must be at least 1: it is the number of requests served at once")
    int maxRequestsInFlight();

    /** The {@code Retry-After} of a request refused because {@link #maxRequestsInFlight()} was reached. */
    @WithDefault("PT1S")
    Duration shedRetryAfter();

    /** The {@code Retry-After} of a request that failed because the database is away or too slow. */
    @WithDefault("5S")
    Duration unavailableRetryAfter();

    /** A duration as the whole seconds of a {@code Retry-After} header: at least 1, so never "retry now". */
    static long retryAfterSeconds(Duration duration) {
        return Math.max(1, duration.toSeconds());
    }
}
