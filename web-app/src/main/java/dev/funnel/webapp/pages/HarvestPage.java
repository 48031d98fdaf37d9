package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ApiProblem;
import dev.funnel.webapp.client.HarvestInsightsApi;
import dev.funnel.webapp.view.FormErrors;
import dev.funnel.webapp.view.HarvestView;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * When does the harvest come? Weekly marketing effort and the marketing prospects found on one chart, with the
 * adstock of the effort and the lag at which the prospects follow it most closely (analytics-service's harvest curve),
 * for the last twelve ISO weeks or the range asked for.
 */
@Path("/harvest")
@RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
public class HarvestPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance harvest(IsoWeeks range, String theta, FormErrors errors, HarvestView harvest);
    }

    @Inject
    @RestClient
    HarvestInsightsApi insights;

    /** {@code from}, {@code to} and {@code theta} as typed: analytics-service says what is wrong with them. */
    @GET
    public Response harvest(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("theta") String theta) {
        IsoWeeks range = IsoWeeks.last(IsoWeeks.DEFAULT_WEEKS, LocalDate.now(ZoneOffset.UTC)).orTyped(from, to);
        String carryOver = theta == null || theta.isBlank() ? null : theta.strip();
        try {
            HarvestView view = HarvestView.of(insights.harvest(range.from(), range.to(), carryOver));
            return Response.ok(Templates.harvest(range, carryOver == null ? "" : carryOver, FormErrors.NONE, view))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.harvest(range, carryOver == null ? "" : carryOver, FormErrors.of(problem), null))
                    .build();
        }
    }
}
