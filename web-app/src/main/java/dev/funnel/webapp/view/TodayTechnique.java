package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ActivityApi.Technique;
import dev.funnel.webapp.client.Cadence;
import dev.funnel.webapp.client.GardenInsightsApi.Status;
import dev.funnel.webapp.client.GardenInsightsApi.TechniqueConsistency;
import dev.funnel.webapp.client.GardenInsightsApi.TechniqueLag;
import dev.funnel.webapp.client.GardenInsightsApi.TypicalLag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * One technique on the Today page: its figures as of today (analytics-service's), whether today's period is kept
 * already, the sprout lag in words, the risk of giving it up, and its form to log today's work.
 *
 * @param figures false while analytics-service does not know the technique yet (defined a moment ago): the figures
 *                are then zeros, not measurements
 * @param keptNow the running period (today, this weekday, this week) has an activity already
 * @param weekendOff a Saturday or Sunday under WEEKDAYS: work today keeps no period (it still counts for strength)
 * @param risk why it is at risk ({@link AtRisk}), or null
 */
public record TodayTechnique(String slug, String name, Cadence cadence, boolean figures, long currentStreak,
        long longestStreak, double habitStrength, Status status, boolean keptNow, boolean weekendOff, String sprout,
        String risk, Water water) {

    /**
     * What the technique's form shows: a fresh id (a form sent twice, say by a double click, is the same activity,
     * so the service stores it once) and empty fields, or after a refusal the person's input and the messages.
     */
    public record Water(UUID id, String minutesSpent, String cost, String notes, FormErrors errors) {

        /** The inputs a form has; a refusal naming another field (the day, say) is shown above the form. */
        static final Set<String> INPUTS = Set.of("minutesSpent", "cost", "notes");

        public static Water blank() {
            return new Water(UUID.randomUUID(), "", "", "", FormErrors.NONE);
        }

        /** The refused fields that have no input of their own, with their messages: "performedOn: must be …". */
        public List<String> otherErrors() {
            return errors.fields().entrySet().stream().filter(field -> !INPUTS.contains(field.getKey()))
                    .map(field -> field.getKey() + ": " + field.getValue()).toList();
        }
    }

    /**
     * @param consistency its consistency as of today; null while analytics-service does not list it yet
     * @param lag its sprout lag as of today; null likewise
     */
    public static TodayTechnique of(Technique technique, TechniqueConsistency consistency, TechniqueLag lag,
            TypicalLag typical, LocalDate today, Water water) {
        CadencePeriods periods = CadencePeriods.of(technique.cadence());
        OptionalLong running = periods.containing(today);
        String sprout = lag == null ? "" : SproutLagWords.of(lag, typical);
        if (consistency == null) {
            return new TodayTechnique(technique.slug(), technique.name(), technique.cadence(), false, 0, 0, 0, null,
                    false, running.isEmpty(), sprout, null, water);
        }
        LocalDate last = consistency.lastActivityOn();
        boolean keptNow = last != null && running.isPresent()
                && periods.containing(last).equals(running);
        LocalDate start = consistency.firstActivityOn() != null ? consistency.firstActivityOn()
                : technique.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        String risk = AtRisk.check(technique.cadence(), start, last, consistency.status(), today).orElse(null);
        return new TodayTechnique(technique.slug(), technique.name(), technique.cadence(), true,
                consistency.currentStreak(), consistency.longestStreak(), consistency.habitStrength(),
                consistency.status(), keptNow, running.isEmpty(), sprout, risk, water);
    }

    public String streakUnit() {
        return CadencePeriods.of(cadence).unit(currentStreak);
    }

    public String longestUnit() {
        return CadencePeriods.of(cadence).unit(longestStreak);
    }

    /** Habit strength as a whole percentage, as Loop Habit Tracker shows its score: 0.8989 is "90%". */
    public String strengthPercent() {
        return Percent.of(habitStrength);
    }

    /** The running period in words, for "Today's work keeps …": "today", "this weekday", "this week". */
    public String runningPeriod() {
        return switch (cadence) {
            case DAILY -> "today";
            case WEEKDAYS -> "today's weekday";
            case WEEKLY -> "this week";
        };
    }

    public String statusWords() {
        return status == null ? "" : Words.label(status.name());
    }

    public String cadenceWords() {
        return cadence.name().charAt(0) + cadence.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
