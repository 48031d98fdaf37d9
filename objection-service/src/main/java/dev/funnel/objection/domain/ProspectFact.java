package dev.funnel.objection.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What one prospect event tells the replica: that the prospect exists ({@link ProspectStage#OPEN}, from a
 * found or contacted event) or that it closed as won or lost, and when; a found event also names its owner.
 *
 * @param eventId the CloudEvents id, which the replica de-duplicates on
 * @param eventType the event's name, kept with the id for operators
 * @param prospectId the prospect
 * @param stage the stage the event reports
 * @param occurredAt the event's own time
 * @param owner the seller who owns the prospect, as {@code ProspectFound} names it; {@code null} for the other
 *     events ({@code ProspectContacted} names who made contact, which need not be the owner)
 */
public record ProspectFact(UUID eventId, String eventType, UUID prospectId, ProspectStage stage,
        Instant occurredAt, String owner) {

    public ProspectFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(prospectId, "prospectId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
