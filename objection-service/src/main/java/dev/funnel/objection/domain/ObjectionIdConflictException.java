package dev.funnel.objection.domain;

import java.util.UUID;

/** The client reused an objection id for a different objection: a bug on its side, never a retry. */
public class ObjectionIdConflictException extends RuntimeException {

    public ObjectionIdConflictException(UUID id) {
        super("Objection " + id + " exists with different content; a retry must repeat the same body");
    }
}
