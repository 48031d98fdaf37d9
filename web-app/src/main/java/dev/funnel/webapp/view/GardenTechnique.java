package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ActivityApi.Technique;
import dev.funnel.webapp.client.Cadence;
import dev.funnel.webapp.client.GardenInsightsApi.Status;
import dev.funnel.webapp.client.GardenInsightsApi.TechniqueConsistency;
import dev.funnel.webapp.client.GardenInsightsApi.TechniqueLag;
import dev.funnel.webapp.client.GardenInsightsApi.TypicalLag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One technique on the Garden page: its calendar of the last weeks, its habit strength at the end of each of them,
 * and where it stands today, all as analytics-service and activity-service answered.
 *
 * @param now its consistency as of today; null while analytics-service does not list it yet
 * @param givenUpEarly for an ABANDONED_EARLY technique, when it was given up against when the sprouts come; or null
 */
public record GardenTechnique(String slug, String name, Cadence cadence, TechniqueConsistency now, String sprout,
        String givenUpEarly, GardenCalendar calendar, List<WeekStrength> strengths) {

    /**
     * Habit strength at the end of one week of the calendar (today for the running week), and the week's periods
     * planned and kept as the service counts them; all null for a week before the technique began.
     */
    public record WeekStrength(LocalDate asOf, Double strength, Long planned, Long kept) {

        public String percent() {
            return strength == null ? "" : Percent.of(strength);
        }

        /** The exact value for {@code data-strength} and the chart; empty before the technique began. */
        public String exact() {
            return strength == null ? "" : strength.toString();
        }
    }

    /**
     * @param weekly its consistency as of each week's end, oldest first, each entry null when it was not started yet
     * @param weekEnds the day each of {@code weekly} was asked as of
     * @param lag its sprout lag as of today; null while the service does not list it
     * @param minutesByDay the minutes it was worked per day over the calendar's weeks
     */
    public static GardenTechnique of(Technique technique, List<TechniqueConsistency> weekly, List<LocalDate> weekEnds,
            TechniqueLag lag, TypicalLag typical, Map<LocalDate, Integer> minutesByDay, LocalDate today) {
        TechniqueConsistency now = weekly.isEmpty() ? null : weekly.get(weekly.size() - 1);
        LocalDate start = start(technique, now, minutesByDay);
        GardenCalendar calendar = GardenCalendar.of(technique.cadence(), start, minutesByDay, today,
                GardenCalendar.WEEKS);
        List<WeekStrength> strengths = new ArrayList<>();
        for (int week = 0; week < weekly.size(); week++) {
            TechniqueConsistency then = weekly.get(week);
            strengths.add(then == null ? new WeekStrength(weekEnds.get(week), null, null, null)
                    : new WeekStrength(weekEnds.get(week), then.habitStrength(), then.plannedPeriods(),
                            then.activePeriods()));
        }
        String givenUpEarly = now != null && now.status() == Status.ABANDONED_EARLY
                ? SproutLagWords.givenUpEarly(now.firstActivityOn() == null ? null : now.activeForDays(),
                        typical.weeks())
                : null;
        return new GardenTechnique(technique.slug(), technique.name(), technique.cadence(), now,
                lag == null ? "" : SproutLagWords.of(lag, typical), givenUpEarly, calendar, strengths);
    }

    /**
     * The day its clock started, as the service counts it: the first activity, or the day of its latest definition
     * if it was never worked. An activity the calendar fetched before that (logged while the service catches up)
     * moves it back, so no worked day is drawn as "not planned".
     */
    private static LocalDate start(Technique technique, TechniqueConsistency now, Map<LocalDate, Integer> minutes) {
        LocalDate start = now != null && now.firstActivityOn() != null ? now.firstActivityOn()
                : technique.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day : minutes.keySet()) {
            if (day.isBefore(start)) {
                start = day;
            }
        }
        return start;
    }

    public boolean figures() {
        return now != null;
    }

    public String statusWords() {
        return now == null ? "No figures yet" : Words.label(now.status().name());
    }

    /** The status code for the badge's class and {@code data-status}; empty while there are no figures. */
    public String statusCode() {
        return now == null ? "" : now.status().name();
    }

    public String strengthExact() {
        return now == null ? "0.0" : Double.toString(now.habitStrength());
    }

    public String strengthPercent() {
        return Percent.of(now == null ? 0 : now.habitStrength());
    }

    public long currentStreak() {
        return now == null ? 0 : now.currentStreak();
    }

    public long longestStreak() {
        return now == null ? 0 : now.longestStreak();
    }

    public String streakUnit() {
        return CadencePeriods.of(cadence).unit(currentStreak());
    }

    public String longestUnit() {
        return CadencePeriods.of(cadence).unit(longestStreak());
    }

    public String cadenceWords() {
        return cadence.name().charAt(0) + cadence.name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** What the chart shows, for those who cannot see it. */
    public String chartWords() {
        List<WeekStrength> known = strengths.stream().filter(week -> week.strength() != null).toList();
        if (known.isEmpty()) {
            return "Habit strength over the last " + strengths.size() + " weeks: not started yet";
        }
        return "Habit strength over the last " + strengths.size() + " weeks, from " + known.get(0).percent()
                + " on " + known.get(0).asOf() + " to " + known.get(known.size() - 1).percent() + " on "
                + known.get(known.size() - 1).asOf();
    }
}
