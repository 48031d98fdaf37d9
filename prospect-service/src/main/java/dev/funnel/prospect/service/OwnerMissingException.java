package dev.funnel.prospect.service;

/**
 * A prospect registered without an owner by someone who is not limited to their own (a manager): they register for
 * a seller and must say which one. A seller who leaves it out owns the prospect.
 */
public class OwnerMissingException extends RuntimeException {

    OwnerMissingException() {
        super("owner must not be null: name the seller who owns the prospect");
    }
}
