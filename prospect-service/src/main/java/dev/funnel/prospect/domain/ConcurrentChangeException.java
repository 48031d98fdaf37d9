package dev.funnel.prospect.domain;

import java.util.UUID;

/** Other requests kept changing the prospect while this one tried to: nothing was changed, a retry may succeed. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(UUID id) {
        super("Prospect " + id + " was changed by another request at the same time; nothing was changed, retry");
    }
}
