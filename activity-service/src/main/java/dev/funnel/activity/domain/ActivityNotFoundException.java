package dev.funnel.activity.domain;

import java.util.UUID;

/** No activity has this id. */
public class ActivityNotFoundException extends RuntimeException {

    public ActivityNotFoundException(UUID id) {
        super("Activity " + id + " does not exist");
    }

    /** An id that is no UUID: no activity can have it. */
    public ActivityNotFoundException(String id) {
        super("Activity '" + id + "' does not exist");
    }
}
