package dev.funnel.objection.domain;

import java.util.UUID;

/** No objection has this id. */
public class ObjectionNotFoundException extends RuntimeException {

    public ObjectionNotFoundException(UUID id) {
        super("Objection " + id + " does not exist");
    }
}
