package dev.funnel.outbox;

/** The outbox table could not be read or written; the caller's transaction must not commit without it. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
