package dev.funnel.objection.domain;

/** What applying one prospect event to the replica came to: applied for the first time, or applied before. */
public enum ReplicaApplied {
    NEW,
    DUPLICATE
}
