package dev.funnel.prospect.domain;

/** A time given for a step (or for finding the prospect) is in the future, before 2000 or before the previous step. */
public class InvalidStepTimeException extends RuntimeException {

    private final String field;

    public InvalidStepTimeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
