package dev.funnel.analytics.insights;

import dev.funnel.events.Cadence;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.NavigableSet;

/**
 * What the read model knows of a defined technique up to a day: its days of work and the prospects it brought.
 *
 * @param technique the slug
 * @param name its name
 * @param cadence its planned cadence
 * @param definedOn the UTC day of its (latest) definition
 * @param activityDays the days with at least one activity, up to the day asked about
 * @param prospects the MARKETING prospects it brought, found up to the day asked about
 * @param firstProspectOn the UTC day the first of them was found; null without any
 */
record TechniqueHistory(String technique, String name, Cadence cadence, LocalDate definedOn,
        NavigableSet<LocalDate> activityDays, long prospects, LocalDate firstProspectOn) {

    LocalDate firstActivity() {
        return activityDays.isEmpty() ? null : activityDays.first();
    }

    LocalDate lastActivity() {
        return activityDays.isEmpty() ? null : activityDays.last();
    }

    /**
     * The day the technique's clock starts: its first activity, the day the seeds went in. A technique never worked
     * starts on the day it was defined, so that one defined and left alone goes quiet like one abandoned.
     */
    LocalDate start() {
        return activityDays.isEmpty() ? definedOn : activityDays.first();
    }

    /** Days from the first to the last activity; 0 for a technique worked on one day or never. */
    long activeForDays() {
        return activityDays.isEmpty() ? 0 : ChronoUnit.DAYS.between(activityDays.first(), activityDays.last());
    }
}
