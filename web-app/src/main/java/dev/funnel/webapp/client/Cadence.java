package dev.funnel.webapp.client;

/**
 * How often a technique is meant to be worked, as activity-service defines it: DAILY every day, WEEKDAYS Monday to
 * Friday, WEEKLY once per ISO week (Monday to Sunday).
 */
public enum Cadence {
    DAILY,
    WEEKDAYS,
    WEEKLY
}
