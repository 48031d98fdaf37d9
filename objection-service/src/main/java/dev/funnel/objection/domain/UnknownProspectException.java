package dev.funnel.objection.domain;

import java.util.UUID;

/**
 * The replica has never seen this prospect. It learns of prospects from their events, a moment after
 * prospect-service records them, so a prospect found a second ago may simply not be here yet.
 */
public class UnknownProspectException extends RuntimeException {

    public UnknownProspectException(UUID prospectId) {
        super("Prospect " + prospectId + " is not known to objection-service. It may not be replicated yet from"
                + " funnel.prospects.v1: retry in a few seconds.");
    }
}
