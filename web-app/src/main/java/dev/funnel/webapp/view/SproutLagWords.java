package dev.funnel.webapp.view;

import dev.funnel.webapp.client.GardenInsightsApi.TechniqueLag;
import dev.funnel.webapp.client.GardenInsightsApi.TypicalLag;

/**
 * The sprout lag in words: how far a technique is into the wait for its first prospect, measured against the typical
 * lag (analytics-service's README, "Sprout lag"). Marketing is farming: the point of saying it is that a gardener who
 * stops in week 3 of a 4-week lag gives up just before the sprouts come up.
 */
public final class SproutLagWords {

    private SproutLagWords() {
    }

    /**
     * The week a technique is in and what that means: before the typical lag, about to reach it (its last week
     * before), at it, or past it; "first prospect after N days" once it has one.
     */
    public static String of(TechniqueLag lag, TypicalLag typical) {
        if (lag.lagDays() != null) {
            return "first prospect after " + count(lag.lagDays(), "day");
        }
        if (lag.firstProspectOn() != null) {
            return "first prospect on " + lag.firstProspectOn() + ", before its first logged activity";
        }
        if (lag.daysSoFar() == null) {
            return "not worked yet: nothing is sown";
        }
        return waiting(lag.daysSoFar(), typical.weeks());
    }

    /**
     * A technique worked for {@code daysSoFar} days without a prospect, as the service numbers the weeks: days 0 to 6
     * are week 1; {@code typicalWeeks} is the typical lag in weeks, rounded up.
     */
    public static String waiting(long daysSoFar, long typicalWeeks) {
        long week = daysSoFar / 7 + 1;
        String where = "week " + week + " of a typical " + typicalWeeks + "-week lag: ";
        if (week < typicalWeeks - 1) {
            return where + "the sprouts usually come up in week " + typicalWeeks;
        }
        if (week == typicalWeeks - 1) {
            return where + "the sprouts are about to come up";
        }
        if (week == typicalWeeks) {
            return where + "the sprouts usually come up about now";
        }
        return where + count(week - typicalWeeks, "week") + " past the typical lag, and no prospect yet";
    }

    /**
     * Why an ABANDONED_EARLY technique is called out: the week of its last activity, counted from its first (days 0
     * to 6 are week 1), against the week the sprouts usually come up.
     *
     * @param activeForDays days from its first to its last activity; null when it was never worked
     */
    public static String givenUpEarly(Long activeForDays, long typicalWeeks) {
        if (activeForDays == null) {
            return "never worked: nothing was sown (the sprouts usually come up in week " + typicalWeeks + ")";
        }
        return "given up in week " + (activeForDays / 7 + 1) + ", just before the sprouts usually come up in week "
                + typicalWeeks;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
