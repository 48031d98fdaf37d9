package dev.funnel.objection.domain;

/** An objection is open until a bridge resolves it. */
public enum ObjectionStatus {
    OPEN,
    RESOLVED
}
