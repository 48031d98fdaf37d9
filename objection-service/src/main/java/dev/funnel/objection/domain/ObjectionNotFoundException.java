package dev.funnel.objection.domain;

/** No objection has this id; it may not even be one, as in a path that names no UUID. */
public class ObjectionNotFoundException extends RuntimeException {

    public ObjectionNotFoundException(Object id) {
        super("No such objection: " + id);
    }
}
