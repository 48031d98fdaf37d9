package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ApiProblem;
import dev.funnel.webapp.client.FunnelApi;
import dev.funnel.webapp.view.FormErrors;
import dev.funnel.webapp.view.FunnelView;
import dev.funnel.webapp.view.IsoWeeks;
import dev.funnel.webapp.view.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The whole funnel of the prospects found in a range (the last twelve ISO weeks unless asked otherwise): found,
 * contacted, objected, won, lost and open with the conversions and drop-offs between them, broken down by source,
 * technique, owner or week, and the hunted prospects beside the farmed ones (analytics-service's figures).
 */
@Path("/funnel")
@RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
public class FunnelPage {

    static final String DEFAULT_BY = "technique";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance funnel(IsoWeeks range, String by, List<String> groupings, FormErrors errors,
                FunnelView funnel);
    }

    @Inject
    @RestClient
    FunnelApi analytics;

    @GET
    public Response funnel(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("by") String by) {
        IsoWeeks range = IsoWeeks.last(IsoWeeks.DEFAULT_WEEKS, LocalDate.now(ZoneOffset.UTC)).orTyped(from, to);
        String grouping = by == null || by.isBlank() ? DEFAULT_BY : by.strip();
        try {
            // The breakdown first: it checks the range and the grouping at once, so one refusal names both.
            FunnelApi.Breakdown breakdown = analytics.breakdown(grouping, range.from(), range.to());
            FunnelApi.Funnel totals = analytics.funnel(range.from(), range.to());
            FunnelApi.HuntingVsFarming sides = analytics.huntingVsFarming(range.from(), range.to());
            return Response.ok(Templates.funnel(range, grouping, FunnelApi.GROUPINGS, FormErrors.NONE,
                    FunnelView.of(breakdown.by(), totals, breakdown, sides))).type(MediaType.TEXT_HTML_TYPE).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.funnel(range, grouping, FunnelApi.GROUPINGS, FormErrors.of(problem), null))
                    .build();
        }
    }
}
