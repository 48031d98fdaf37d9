package dev.funnel.webapp.view;

import dev.funnel.webapp.client.Cadence;
import dev.funnel.webapp.client.GardenInsightsApi.Status;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A technique at risk of being given up: the warning one period before analytics-service calls it abandoned.
 *
 * <p>Exactly: no activity on any day from the first day of the second complete period before the running one up to
 * {@code asOf} (weekend days included, as the service's "quiet" rule counts them), the technique is at least that old
 * (its first period is not after that second one), and its status is not ABANDONED or ABANDONED_EARLY already. In
 * other words: its last two complete periods were left unwatered and the running one is not watered yet. The service
 * calls a technique quiet after three such periods, so a technique is on this list for one period, while watering it
 * still saves the habit. Under WEEKDAYS on a Saturday or Sunday nothing is running: the last two complete periods
 * are Thursday and Friday.
 */
public final class AtRisk {

    /** Complete periods left unwatered that put a technique at risk (analytics-service's quiet rule takes three). */
    public static final int UNWATERED_PERIODS = 2;

    private AtRisk() {
    }

    /**
     * Why the technique is at risk, or empty when it is not.
     *
     * @param start its first activity, or the day it was defined if it was never worked
     * @param lastActivityOn its latest activity up to {@code asOf}; null if never worked
     * @param status where analytics-service says it stands as of {@code asOf}
     */
    public static Optional<String> check(Cadence cadence, LocalDate start, LocalDate lastActivityOn, Status status,
            LocalDate asOf) {
        if (status != null && status.abandoned()) {
            return Optional.empty();
        }
        CadencePeriods periods = CadencePeriods.of(cadence);
        long second = periods.latestComplete(asOf) - (UNWATERED_PERIODS - 1);
        if (second < periods.containingOrNext(start)) {
            return Optional.empty();
        }
        LocalDate since = periods.firstDay(second);
        if (lastActivityOn != null && !lastActivityOn.isBefore(since)) {
            return Optional.empty();
        }
        String missed = "No activity in the last " + UNWATERED_PERIODS + " " + periods.unit(UNWATERED_PERIODS);
        return Optional.of(lastActivityOn == null
                ? missed + " since it was started on " + DayWords.shortly(start) + ", and never worked yet"
                : missed + ": last worked on " + DayWords.shortly(lastActivityOn));
    }
}
