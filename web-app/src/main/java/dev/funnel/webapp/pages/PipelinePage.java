package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ApiProblem;
import dev.funnel.webapp.client.ProspectApi;
import dev.funnel.webapp.view.Amounts;
import dev.funnel.webapp.view.FormErrors;
import dev.funnel.webapp.view.FormIds;
import dev.funnel.webapp.view.NewProspectForm;
import dev.funnel.webapp.view.PipelineBoard;
import dev.funnel.webapp.view.Roles;
import dev.funnel.webapp.view.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The seller's hunt: their prospects in a column per stage, and a form to register the next one. A seller sees
 * only their own (prospect-service lists nothing else to them), a manager everyone's, with the owner on each card.
 */
@Path("/pipeline")
@RolesAllowed({Roles.SELLER, Roles.MANAGER})
public class PipelinePage {

    /**
     * The most prospects the board lists: {@value} pages of the API's largest, newest first. A pipeline longer than
     * that is an archive; the page says how many it left out rather than pretend they are not there.
     */
    static final int MAX_PAGES = 4;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pipeline(PipelineBoard board, long total, boolean namesOwner,
                String currency, NewProspectForm form);
    }

    @Inject
    @RestClient
    ProspectApi prospects;

    @Inject
    Viewer viewer;

    /** The currency estimated values are typed in and sent with, as on Today. */
    @ConfigProperty(name = "funnel.web.default-currency", defaultValue = "USD")
    Currency currency;

    @GET
    public TemplateInstance pipeline() {
        return page(NewProspectForm.blank());
    }

    @POST
    @Path("prospects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String id, @RestForm String displayName, @RestForm String company,
            @RestForm String email, @RestForm String phone, @RestForm String source, @RestForm String technique,
            @RestForm String owner, @RestForm String estimatedValue) {
        NewProspectForm typed = NewProspectForm.typed(FormIds.parse(id).orElseGet(UUID::randomUUID), displayName, company,
                email, phone, source, technique, owner, estimatedValue);
        ProspectApi.NewProspect request;
        try {
            request = typed.request(currency, namesOwner());
        } catch (Amounts.NotAnAmount notAnAmount) {
            return refused(typed.refused(FormErrors.field("estimatedValue", notAnAmount.getMessage())), 400);
        }
        try {
            ProspectApi.Prospect registered = prospects.register(request);
            return Response.seeOther(URI.create("/pipeline/prospects/" + registered.id() + "?done=registered"))
                    .build();
        } catch (ApiProblem problem) {
            if (problem.status() >= 500 || problem.status() == 401) {
                throw problem;
            }
            return refused(typed.refused(FormErrors.of(problem)), problem.status());
        }
    }

    /** A seller's prospects are their own: only a manager names the seller a prospect is for. */
    private boolean namesOwner() {
        return !viewer.has(Roles.SELLER) && viewer.has(Roles.MANAGER);
    }

    private Response refused(NewProspectForm form, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page(form)).build();
    }

    private TemplateInstance page(NewProspectForm form) {
        List<ProspectApi.Prospect> listed = new ArrayList<>();
        long total = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            ProspectApi.ProspectPage answer = prospects.prospects(null, page, ProspectApi.MAX_PAGE_SIZE);
            listed.addAll(answer.items());
            total = answer.total();
            if (answer.items().isEmpty() || listed.size() >= total) {
                break;
            }
        }
        return Templates.pipeline(PipelineBoard.of(listed), total, namesOwner(), currency.getCurrencyCode(), form);
    }
}
