package dev.funnel.persistence;

import java.sql.SQLException;

/** Recognises a lost insert race: another transaction stored the same key first. */
public final class UniqueViolation {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** True for PostgreSQL's unique violation, however Hibernate and the transaction manager wrapped it. */
    public static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
