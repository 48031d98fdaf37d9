package dev.funnel.prospect.domain;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Recognises a lost update race: another transaction changed the same row first, so the version check failed,
 * whether at a flush (OptimisticLockException) or at commit (wrapped in the transaction manager's exception).
 */
final class LostUpdate {

    private LostUpdate() {
    }

    static boolean causedIt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
