package dev.funnel.objection.domain;

import dev.funnel.events.ObjectionCategory;

/**
 * What this service's own observers (its metrics) hear of objections: CDI events fired inside the transaction
 * that recorded or resolved one, so an observer of {@code AFTER_SUCCESS} counts only what committed. They are
 * facts about objections, not about HTTP or Kafka, so they stay in the domain while the application service
 * that fires them, of the same name, lives in {@code service}.
 */
public final class Objections {

    private Objections() {
    }

    /** An objection was recorded; not fired for a repeated request. */
    public record Raised(ObjectionCategory category) {
    }

    /** An objection was resolved. */
    public record Resolved(ObjectionCategory category) {
    }
}
