package dev.funnel.objection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of objection-service, overridable by environment variables ({@code FUNNEL_OBJECTION_...}). */
@ConfigMapping(prefix = "funnel.objection")
public interface ObjectionConfig {

    /** The SmallRye channel that feeds the replica; its {@code mp.messaging.incoming.prospect-events.*} settings. */
    String PROSPECT_EVENTS_CHANNEL = "prospect-events";

    Replica replica();

    /** The prospect replica fed from {@code funnel.prospects.v1}. */
    interface Replica {

        /**
         * First wait before applying a prospect event again after the database refused it. The same event is
         * retried, never skipped: a replica with a hole would accept objections for a prospect already won.
         */
        @WithDefault("PT0.5S")
        Duration retryInitialBackoff();

        /** Longest wait between two attempts; the wait doubles up to it. */
        @WithDefault("PT10S")
        Duration retryMaxBackoff();

        /** How often the consumer lag gauge is read from the broker. */
        @WithDefault("PT5S")
        Duration lagRefreshInterval();
    }
}
