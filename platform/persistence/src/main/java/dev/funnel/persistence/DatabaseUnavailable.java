package dev.funnel.persistence;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a failure that says nothing about the request and everything about the database: it could not be
 * reached, did not answer in time, or is shutting down. A client should try the same request again later (503),
 * where any other failure is the service's fault (500) or the client's (4xx).
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs of a database that is away or overloaded rather than of a statement that is wrong: too many
     * connections, a statement cancelled by {@code statement_timeout}, an administrator's shutdown, a server that
     * cannot accept connections now. Class 08 (connection exceptions) is recognised as a class.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57014", "57P01", "57P02", "57P03");
    /**
     * Failures to get a connection at all, which say so only in their messages (lower case here): Agroal's pool
     * waited {@code acquisition-timeout} in vain ("Acquisition timeout while waiting for new connection", "Sorry,
     * acquisition timeout!", a plain SQLException without a SQLSTATE); pgjdbc's connect was cut short by the pool
     * (SQLSTATE 99999, "Interrupted while attempting to connect"); Hibernate could not get one ("Unable to acquire
     * JDBC Connection"). The fault suite (deploy/local) met each of them with a paused PostgreSQL.
     */
    private static final List<String> NO_CONNECTION = List.of("acquisition timeout", "while attempting to connect",
            "unable to acquire jdbc connection");

    private DatabaseUnavailable() {
    }

    /**
     * True when the database, not the request, is why this failed, however the layers above wrapped it. The
     * suppressed exceptions count as much as the causes: a commit that fails in the transaction manager
     * (Narayana's "ARJUNA016053: Could not commit transaction") carries the resource's failure only as a suppressed
     * {@code XAException}.
     */
    public static boolean causedIt(Throwable failure) {
        return anyInTree(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean anyInTree(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (anyInTree(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable failure) {
        return failure instanceof SQLTransientException || failure instanceof SQLRecoverableException
                || failure instanceof SocketTimeoutException
                || (failure instanceof SQLException sql && isUnavailableState(sql))
                || isNoConnection(failure.getMessage());
    }

    private static boolean isUnavailableState(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    private static boolean isNoConnection(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return NO_CONNECTION.stream().anyMatch(lower::contains);
    }
}
