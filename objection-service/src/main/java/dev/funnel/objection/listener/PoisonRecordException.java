package dev.funnel.objection.listener;

/**
 * A record on the prospects topic that can never be applied, however often it is read: unparseable, of an
 * unknown type, or breaking the contract. Its message becomes the {@code dead-letter-reason} header.
 */
public class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String reason) {
        super(reason);
    }
}
