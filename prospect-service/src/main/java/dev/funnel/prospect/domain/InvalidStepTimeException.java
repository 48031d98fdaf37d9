package dev.funnel.prospect.domain;

/** A step's time is in the future or before the prospect's previous step. */
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
