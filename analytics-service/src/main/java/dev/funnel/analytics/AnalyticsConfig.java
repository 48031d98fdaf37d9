package dev.funnel.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Settings of analytics-service, overridable by environment variables ({@code FUNNEL_ANALYTICS_...}). */
@ConfigMapping(prefix = "funnel.analytics")
public interface AnalyticsConfig {

    /** The Kafka consumer group of the live projection; also the group whose lag is reported. */
    @WithDefault("analytics-service")
    String consumerGroup();

    /** How a batch that could not be applied (database or broker unreachable) is retried. */
    Retry retry();

    /** The replay of every topic from offset 0. */
    Rebuild rebuild();

    /** How often the funnel gauges and the projection lag are read again. */
    @WithDefault("30S")
    Duration metricsRefreshInterval();

    interface Retry {

        /** The first pause after a failed attempt; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("0.5S")
        Duration initialBackoff();

        @WithDefault("30S")
        Duration maxBackoff();
    }

    interface Rebuild {

        /** Records fetched per poll, and so at most per transaction, by the replaying consumer. */
        @WithDefault("2000")
        @Min(1)
        @Max(100_000)
        int maxPollRecords();

        /** How long one poll of the replaying consumer waits for records. */
        @WithDefault("0.5S")
        Duration pollTimeout();
    }
}
