package dev.funnel.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Settings of the outbox relay, all overridable by environment variables ({@code FUNNEL_OUTBOX_...}). */
@ConfigMapping(prefix = "funnel.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/funnel/${quarkus.application.name}")
    String source();

    /**
     * Where this service serves the contract's schemas (platform/web's {@code EventSchemaResource}); each record's
     * {@code ce_dataschema} is its schema's file under it. The default is the service's address in the cluster: its
     * Kubernetes Service is named after it and listens on its HTTP port. Set the address other teams reach it by.
     */
    @WithDefault("http://${quarkus.application.name}:${quarkus.http.port}/schemas/")
    URI dataSchemaBase();

    /** How long sent rows are kept (for inspection) before they are deleted. */
    @WithDefault("PT24H")
    Duration retention();

    /** How often sent rows past their retention are deleted. */
    @WithDefault("PT1M")
    Duration pruneInterval();

    Relay relay();

    interface Relay {

        /** Turn off to run a replica that only writes (or a test that drives the relay itself). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often the relay looks for rows when nothing woke it. A commit in this process wakes it at
         * once; polling catches rows committed by other replicas and rows left by a crash.
         */
        @WithDefault("PT0.1S")
        Duration pollInterval();

        /** Rows claimed and sent per round. */
        @WithDefault("500")
        int batchSize();

        /** First wait after a failed round; doubled after each further failure up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /**
         * How long the relay keeps retrying a Kafka commit that timed out before it gives up on it. Meanwhile it holds
         * the relay lock, so no replica sends; after it, the rows go again, as duplicates if the commit had completed.
         * Longer than the producer's transaction timeout (30 s), after which Kafka has decided the transaction.
         */
        @WithDefault("PT1M")
        Duration pendingCommitTimeout();

        /** How often the backlog gauges (pending rows, oldest pending age) are read from the table. */
        @WithDefault("PT1S")
        Duration metricsRefreshInterval();
    }
}
