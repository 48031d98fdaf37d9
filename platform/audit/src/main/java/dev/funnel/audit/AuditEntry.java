package dev.funnel.audit;

import java.time.Instant;

/** One write: who ({@code actor}, the caller's name) did what ({@code action}) to which subject, and when. */
public record AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId) {
}
