package dev.funnel.objection.domain;

/** Where a prospect stands, as far as objections care: still open, or closed as won or lost. */
public enum ProspectStage {
    OPEN,
    WON,
    LOST;

    public boolean closed() {
        return this != OPEN;
    }
}
