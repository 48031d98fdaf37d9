package dev.funnel.objection.api;

import dev.funnel.events.ObjectionCategory;
import dev.funnel.objection.domain.Objection;
import dev.funnel.objection.domain.ObjectionStatus;
import java.time.Instant;
import java.util.UUID;

/** One objection with its statement and, once resolved, its bridge ({@code null} while open). */
public record ObjectionResponse(
        UUID id,
        UUID prospectId,
        ObjectionCategory category,
        String statement,
        Instant raisedAt,
        ObjectionStatus status,
        String bridge,
        Instant resolvedAt) {

    static ObjectionResponse of(Objection objection) {
        return new ObjectionResponse(objection.id(), objection.prospectId(), objection.category(),
                objection.statement(), objection.raisedAt(), objection.status(), objection.bridge(),
                objection.resolvedAt());
    }
}
