package dev.funnel.objection.domain;

import dev.funnel.events.ObjectionCategory;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An objection as a client described it, already validated. {@code raisedAt} is empty when the client left
 * it to the service (it is then the time the objection is recorded).
 */
public record ObjectionDraft(UUID prospectId, ObjectionCategory category, String statement,
        Optional<Instant> raisedAt) {
}
