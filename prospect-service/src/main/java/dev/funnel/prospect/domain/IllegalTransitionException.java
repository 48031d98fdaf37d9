package dev.funnel.prospect.domain;

import java.util.UUID;

/** The prospect's stage does not allow this step (WON and LOST are final; contact only from FOUND). */
public class IllegalTransitionException extends RuntimeException {

    private final Stage current;

    public IllegalTransitionException(UUID id, Stage current, String step) {
        super("Prospect " + id + " is " + current + "; it cannot be " + step);
        this.current = current;
    }

    public Stage current() {
        return current;
    }
}
