package dev.funnel.persistence;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Recognises a lost update race: another transaction changed the same row since this one read it. */
public final class LostUpdate {

    private LostUpdate() {
    }

    /** True for Hibernate's version check failing, however the transaction manager wrapped it. */
    public static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
