package dev.funnel.events;

/** How often a marketing technique is meant to be done: the planned repetitions a habit score is measured against. */
public enum Cadence {
    /** Every day. */
    DAILY,
    /** Monday to Friday: five of every seven days. */
    WEEKDAYS,
    /** Once a week. */
    WEEKLY
}
