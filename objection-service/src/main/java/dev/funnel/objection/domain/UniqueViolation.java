package dev.funnel.objection.domain;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises a lost insert race: another transaction stored the same key first. */
final class UniqueViolation {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
