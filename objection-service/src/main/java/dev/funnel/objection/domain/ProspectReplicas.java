package dev.funnel.objection.domain;

/**
 * What applying one prospect event to the replica came to, for the consumer's metrics. The application service
 * of the same name, in {@code service}, applies the events.
 */
public final class ProspectReplicas {

    private ProspectReplicas() {
    }

    /** Whether an event was applied for the first time or had been applied before. */
    public enum Applied {
        NEW,
        DUPLICATE
    }
}
