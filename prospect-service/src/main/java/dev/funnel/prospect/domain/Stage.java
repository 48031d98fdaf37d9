package dev.funnel.prospect.domain;

/** Where a prospect is on the path to customer. WON and LOST are final. */
public enum Stage {
    FOUND,
    CONTACTED,
    WON,
    LOST;

    public boolean isFinal() {
        return this == WON || this == LOST;
    }
}
