package dev.funnel.prospect.domain;

import java.util.UUID;

/** No prospect has this id. */
public class ProspectNotFoundException extends RuntimeException {

    public ProspectNotFoundException(UUID id) {
        super("Prospect " + id + " does not exist");
    }

    /** An id that is no UUID at all: nothing can have it. */
    public ProspectNotFoundException(String malformedId) {
        super("No such prospect: '" + malformedId + "' is not a prospect id");
    }
}
