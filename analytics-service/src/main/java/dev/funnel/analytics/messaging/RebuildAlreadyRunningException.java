package dev.funnel.analytics.messaging;

/** A rebuild was asked for while one is replaying, here or in another replica. */
public class RebuildAlreadyRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RebuildAlreadyRunningException(String message) {
        super(message);
    }
}
