package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ActivityApi;
import dev.funnel.webapp.client.ApiProblem;
import dev.funnel.webapp.client.GardenInsightsApi;
import dev.funnel.webapp.view.Amounts;
import dev.funnel.webapp.view.DayWords;
import dev.funnel.webapp.view.FormErrors;
import dev.funnel.webapp.view.FormIds;
import dev.funnel.webapp.view.Roles;
import dev.funnel.webapp.view.TodayTechnique;
import dev.funnel.webapp.view.TodayTechnique.Water;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The marketer's daily page: log today's work per technique (one "watered" form each), see each one's streak and
 * habit strength as of today, and the techniques at risk of being given up, with how far they are into the wait
 * for their first prospect.
 */
@Path("/today")
@RolesAllowed(Roles.MARKETER)
public class TodayPage {

    /** The API's names of the fields the form has an input for; the cost is typed in units, sent in minor units. */
    private static final Map<String, String> INPUT_OF_FIELD = Map.of("minutesSpent", "minutesSpent",
            "costMinor", "cost", "currency", "cost", "notes", "notes");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(String day, String notice, String problem, String currency,
                List<TodayTechnique> techniques, List<TodayTechnique> atRisk);
    }

    @Inject
    @RestClient
    ActivityApi activities;

    @Inject
    @RestClient
    GardenInsightsApi insights;

    /**
     * The currency of the costs logged here. Sent with every activity, so the amount typed, its minor units and the
     * currency stored always agree, whatever activity-service's own default is.
     */
    @ConfigProperty(name = "funnel.web.default-currency", defaultValue = "USD")
    Currency currency;

    @GET
    public TemplateInstance today(@QueryParam("watered") String watered) {
        List<ActivityApi.Technique> techniques = activities.techniques();
        return page(techniques, notice(watered, techniques), null, null);
    }

    @POST
    @Path("water")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response water(@RestForm String technique, @RestForm String id, @RestForm String minutesSpent,
            @RestForm String cost, @RestForm String notes) {
        UUID activityId = FormIds.parse(id).orElseGet(UUID::randomUUID);
        Water typed = new Water(activityId, text(minutesSpent), text(cost), text(notes), FormErrors.NONE);
        Integer minutes;
        Long costMinor;
        try {
            minutes = minutes(typed.minutesSpent());
        } catch (NumberFormatException notWhole) {
            return refused(technique, typed, FormErrors.field("minutesSpent", notWhole.getMessage()), 400);
        }
        try {
            costMinor = Amounts.minorUnits(typed.cost(), currency);
        } catch (Amounts.NotAnAmount notAnAmount) {
            return refused(technique, typed, FormErrors.field("cost", notAnAmount.getMessage()), 400);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            ActivityApi.Activity logged = activities.log(new ActivityApi.NewActivity(activityId, technique, today,
                    minutes, costMinor, currency.getCurrencyCode(), typed.notes().isBlank() ? null : typed.notes()));
            return Response.seeOther(URI.create("/today?watered=" + logged.id())).build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403) {
                throw problem;
            }
            return refused(technique, typed, onInputs(FormErrors.of(problem)), problem.status());
        }
    }

    private Response refused(String slug, Water typed, FormErrors errors, int status) {
        List<ActivityApi.Technique> techniques = activities.techniques();
        Water shown = new Water(typed.id(), typed.minutesSpent(), typed.cost(), typed.notes(), errors);
        boolean onAForm = techniques.stream().anyMatch(technique -> technique.slug().equals(slug));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(techniques, null, onAForm ? null : errors.summary(), onAForm ? Map.of(slug, shown)
                        : Map.of()))
                .build();
    }

    private TemplateInstance page(List<ActivityApi.Technique> techniques, String notice, String problem,
            Map<String, Water> refused) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String day = today.toString();
        Map<String, GardenInsightsApi.TechniqueConsistency> consistency = insights.consistency(day, day, day)
                .techniques().stream().collect(Collectors.toMap(GardenInsightsApi.TechniqueConsistency::technique,
                        Function.identity()));
        GardenInsightsApi.SproutLag lags = insights.sproutLag(day);
        Map<String, GardenInsightsApi.TechniqueLag> lagOf = lags.techniques().stream()
                .collect(Collectors.toMap(GardenInsightsApi.TechniqueLag::technique, Function.identity()));
        List<TodayTechnique> rows = techniques.stream()
                .map(technique -> TodayTechnique.of(technique, consistency.get(technique.slug()),
                        lagOf.get(technique.slug()), lags.typicalLag(), today,
                        refused == null ? Water.blank() : refused.getOrDefault(technique.slug(), Water.blank())))
                .toList();
        List<TodayTechnique> atRisk = rows.stream().filter(row -> row.risk() != null).toList();
        return Templates.today(DayWords.fully(today), notice, problem, currency.getCurrencyCode(), rows, atRisk);
    }

    /** "Watered: Daily posts, 30 minutes." from the stored activity, so the notice says what was really logged. */
    private String notice(String watered, List<ActivityApi.Technique> techniques) {
        Optional<UUID> id = FormIds.parse(watered);
        if (id.isEmpty()) {
            return null;
        }
        ActivityApi.Activity activity;
        try {
            activity = activities.activity(id.get());
        } catch (ApiProblem notThere) {
            if (notThere.status() == 404) {
                return null;
            }
            throw notThere;
        }
        String name = techniques.stream().filter(technique -> technique.slug().equals(activity.technique()))
                .map(ActivityApi.Technique::name).findFirst().orElse(activity.technique());
        return "Watered: " + name + ", " + activity.minutesSpent()
                + (activity.minutesSpent() == 1 ? " minute" : " minutes") + ". The streak updates in a moment.";
    }

    /** The API's violations moved onto the inputs that hold them (a refused {@code costMinor} is the cost typed). */
    static FormErrors onInputs(FormErrors errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, message) -> fields.merge(INPUT_OF_FIELD.getOrDefault(field, field),
                message, (first, next) -> first + "; " + next));
        return new FormErrors(errors.summary(), fields);
    }

    /** Minutes as typed; empty is refused here, since the service would only say "must not be null". */
    private static Integer minutes(String typed) {
        if (typed.isBlank()) {
            throw new NumberFormatException("is required: the minutes you spent today");
        }
        if (!typed.strip().matches("-?\\d{1,18}")) {
            throw new NumberFormatException("must be a whole number of minutes, such as 30");
        }
        long minutes = Long.parseLong(typed.strip());
        if (minutes != (int) minutes) {
            throw new NumberFormatException("is far too many minutes for a day");
        }
        return (int) minutes;
    }


    private static String text(String typed) {
        return typed == null ? "" : typed;
    }
}
