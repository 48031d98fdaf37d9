package dev.funnel.activity.domain;

import java.util.UUID;

/** The client reused an activity id for a different activity: a bug on its side, never a retry. */
public class ActivityIdConflictException extends RuntimeException {

    private final UUID id;

    public ActivityIdConflictException(UUID id) {
        super("Activity " + id + " exists with different content; a retry must repeat the same body");
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
