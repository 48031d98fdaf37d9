package dev.funnel.events;

import java.util.Optional;

/**
 * A payload that cannot be read as a contract event: malformed JSON, an unknown {@code ce_type}, a missing or
 * {@code null} required field, a value of the wrong type, an unknown enum constant or a contract violation.
 *
 * <p>Consumers typically send such a record to the dead-letter topic with {@link #getMessage()} as the reason.
 * {@link #field()} names the offending JSON field when the problem is in one field.
 */
public class EventDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * A problem with the payload as a whole, such as malformed JSON or an unknown {@code ce_type}.
     *
     * @param message the reason
     * @param cause the underlying failure, may be {@code null}
     */
    public EventDecodingException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param message the reason; it names the field when there is one
     * @param field the offending JSON field name, may be {@code null}
     * @param cause the underlying failure, may be {@code null}
     */
    public EventDecodingException(String message, String field, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** @return the offending JSON field name, or empty when the payload as a whole is unreadable */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
