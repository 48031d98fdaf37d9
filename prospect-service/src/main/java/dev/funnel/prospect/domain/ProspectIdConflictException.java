package dev.funnel.prospect.domain;

import java.util.UUID;

/** The client reused a prospect id for a different prospect: a bug on its side, never a retry. */
public class ProspectIdConflictException extends RuntimeException {

    public ProspectIdConflictException(UUID id) {
        super("Prospect " + id + " exists with different content; a retry must repeat the same body");
    }
}
