package dev.funnel.objection.domain;

import java.util.UUID;

/** The prospect was won or lost: there is no gap left to bridge. */
public class ProspectClosedException extends RuntimeException {

    private final ProspectStage stage;

    public ProspectClosedException(UUID prospectId, ProspectStage stage) {
        super("Prospect " + prospectId + " is " + stage + "; objections are recorded for open prospects only");
        this.stage = stage;
    }

    public ProspectStage stage() {
        return stage;
    }
}
