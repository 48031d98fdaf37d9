package dev.funnel.objection.domain;

import java.time.Instant;
import java.util.UUID;

/** The objection has its bridge already; the playbook keeps the first one. */
public class ObjectionAlreadyResolvedException extends RuntimeException {

    public ObjectionAlreadyResolvedException(UUID id, Instant resolvedAt) {
        super("Objection " + id + " was already resolved at " + resolvedAt);
    }
}
