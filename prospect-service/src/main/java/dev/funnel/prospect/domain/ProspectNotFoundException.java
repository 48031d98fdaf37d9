package dev.funnel.prospect.domain;

import java.util.UUID;

/** No prospect has this id. */
public class ProspectNotFoundException extends RuntimeException {

    public ProspectNotFoundException(UUID id) {
        super("Prospect " + id + " does not exist");
    }
}
