package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ActivityApi;
import dev.funnel.webapp.client.GardenInsightsApi;
import dev.funnel.webapp.view.GardenCalendar;
import dev.funnel.webapp.view.GardenTechnique;
import dev.funnel.webapp.view.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Is the garden watered every day? Per technique the last twelve ISO weeks day by day (kept, missed, running,
 * planned, not planned), its habit strength at the end of each week, its status, and the techniques given up just
 * before their sprouts would have come up.
 */
@Path("/garden")
@RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
public class GardenPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance garden(String today, long typicalWeeks, List<GardenTechnique> techniques,
                List<GardenTechnique> givenUpEarly);
    }

    @Inject
    @RestClient
    ActivityApi activities;

    @Inject
    @RestClient
    GardenInsightsApi insights;

    @GET
    public TemplateInstance garden() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(GardenCalendar.WEEKS - 1);
        List<ActivityApi.Technique> techniques = activities.techniques();

        // One question per week, as of its Sunday (today for the running week): each answers every technique at
        // once, and its range (the week itself) gives the week's periods planned and kept as the service counts.
        List<LocalDate> weekEnds = new ArrayList<>();
        List<Map<String, GardenInsightsApi.TechniqueConsistency>> weekly = new ArrayList<>();
        for (int week = 0; week < GardenCalendar.WEEKS; week++) {
            LocalDate monday = firstMonday.plusWeeks(week);
            LocalDate end = week == GardenCalendar.WEEKS - 1 ? today : monday.plusDays(6);
            weekEnds.add(end);
            weekly.add(insights.consistency(monday.toString(), end.toString(), end.toString()).techniques().stream()
                    .collect(Collectors.toMap(GardenInsightsApi.TechniqueConsistency::technique,
                            Function.identity())));
        }
        GardenInsightsApi.SproutLag lags = insights.sproutLag(today.toString());
        Map<String, GardenInsightsApi.TechniqueLag> lagOf = lags.techniques().stream()
                .collect(Collectors.toMap(GardenInsightsApi.TechniqueLag::technique, Function.identity()));

        List<GardenTechnique> rows = new ArrayList<>();
        for (ActivityApi.Technique technique : techniques) {
            List<GardenInsightsApi.TechniqueConsistency> history = weekly.stream()
                    .map(answer -> answer.get(technique.slug())).toList();
            rows.add(GardenTechnique.of(technique, history, weekEnds, lagOf.get(technique.slug()), lags.typicalLag(),
                    minutesByDay(technique.slug(), firstMonday, today), today));
        }
        List<GardenTechnique> early = rows.stream().filter(row -> row.givenUpEarly() != null).toList();
        return Templates.garden(today.toString(), lags.typicalLag().weeks(), rows, early);
    }

    /** Every activity of the technique in the calendar's weeks, page by page: minutes per day worked. */
    private Map<LocalDate, Integer> minutesByDay(String technique, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> minutes = new TreeMap<>();
        for (int page = 0; ; page++) {
            ActivityApi.ActivityPage answer = activities.activities(technique, from.toString(), to.toString(), page,
                    ActivityApi.MAX_PAGE_SIZE);
            answer.items().forEach(activity -> minutes.merge(activity.performedOn(), activity.minutesSpent(),
                    Integer::sum));
            if (answer.items().isEmpty() || (long) (page + 1) * answer.size() >= answer.total()) {
                return minutes;
            }
        }
    }
}
