package dev.funnel.objection.domain;

import java.time.Instant;
import java.util.UUID;

/** A bridge cannot have been built before the gap was named. */
public class ResolvedBeforeRaisedException extends RuntimeException {

    public ResolvedBeforeRaisedException(UUID id, Instant raisedAt, Instant resolvedAt) {
        super("resolvedAt " + resolvedAt + " is before objection " + id + " was raised (" + raisedAt + ")");
    }
}
