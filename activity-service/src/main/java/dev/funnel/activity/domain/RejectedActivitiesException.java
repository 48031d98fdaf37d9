package dev.funnel.activity.domain;

import java.util.List;

/**
 * Some activities of a request refer to something that does not exist (an unknown technique) or reuse
 * an id; nothing of the request was stored.
 */
public class RejectedActivitiesException extends RuntimeException {

    private final List<Rejection> rejections;
    private final boolean conflict;

    public RejectedActivitiesException(List<Rejection> rejections) {
        super(rejections.size() + " activities rejected");
        this.rejections = List.copyOf(rejections);
        this.conflict = rejections.stream().allMatch(r -> r.reason() == Reason.ID_CONFLICT);
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** True when every rejection is a reused id (409), not a reference to something missing. */
    public boolean onlyConflicts() {
        return conflict;
    }

    /** Why one activity was rejected. */
    public enum Reason {
        UNKNOWN_TECHNIQUE,
        ID_CONFLICT,
        DUPLICATE_IN_REQUEST
    }

    /** One rejected activity: its position in the request (0 for a single activity), the field and why. */
    public record Rejection(int index, String field, Reason reason, String message) {
    }
}
