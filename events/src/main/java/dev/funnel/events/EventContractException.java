package dev.funnel.events;

/**
 * An event that breaks the published contract, refused when it is built.
 *
 * <p>Thrown by the constructors of the event records, so an invalid event can never exist in memory, be written to
 * an outbox or reach a topic. {@link #field()} names the offending field exactly as it appears in the JSON payload.
 */
public class EventContractException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the JSON field name that breaks the contract
     * @param message what is wrong; it names the field
     */
    public EventContractException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the JSON field name that breaks the contract, for example {@code "technique"} */
    public String field() {
        return field;
    }
}
