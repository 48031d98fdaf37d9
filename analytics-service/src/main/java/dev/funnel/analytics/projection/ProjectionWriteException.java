package dev.funnel.analytics.projection;

/** The database refused or lost a write of the projection; the batch is retried as a whole. */
public class ProjectionWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProjectionWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
