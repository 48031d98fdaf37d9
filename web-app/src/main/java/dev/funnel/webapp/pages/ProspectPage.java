package dev.funnel.webapp.pages;

import dev.funnel.webapp.client.ApiProblem;
import dev.funnel.webapp.client.ObjectionApi;
import dev.funnel.webapp.client.ProspectApi;
import dev.funnel.webapp.view.Amounts;
import dev.funnel.webapp.view.FormErrors;
import dev.funnel.webapp.view.FormIds;
import dev.funnel.webapp.view.FormRefusal;
import dev.funnel.webapp.view.ObjectionItem;
import dev.funnel.webapp.view.ProspectDetail;
import dev.funnel.webapp.view.Roles;
import dev.funnel.webapp.view.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One prospect, with its steps in place (contact, win, lose) and its objections: raise one, see the bridges that won
 * customers over the same kind of objection, and resolve it with the bridge used. Every step is a plain form
 * (POST, then a redirect to this page saying what was done); a refusal shows the form again with the API's words.
 */
@Path("/pipeline/prospects/{id}")
@RolesAllowed({Roles.SELLER, Roles.MANAGER})
public class ProspectPage {

    /**
     * How long raising an objection waits for objection-service to learn of the prospect: it does so from Kafka,
     * within a second or two of the registration, and answers 422 until then. Longer, and the person is told to
     * try again in a moment rather than kept waiting.
     */
    static final Duration REPLICA_WAIT = Duration.ofSeconds(5);
    private static final Duration REPLICA_POLL = Duration.ofMillis(500);

    /** The bridges asked of the playbook per category; the page shows the winners among them. */
    static final int PLAYBOOK_LIMIT = 20;

    static final Map<String, String> DONE = Map.of(
            "registered", "Registered. Next: make contact, and write down any objection they raise.",
            "contacted", "Marked as contacted.",
            "won", "Won: a new customer.",
            "lost", "Marked as lost.",
            "raised", "Objection written down. The bridges that won others over are shown with it.",
            "resolved", "Objection resolved: the bridge is in the playbook now.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance prospect(ProspectDetail detail, List<ObjectionItem> objections,
                List<String> categories, List<String> lostReasons, String notice, FormRefusal refusal,
                String objectionId);
    }

    @Inject
    @RestClient
    ProspectApi prospects;

    @Inject
    @RestClient
    ObjectionApi objections;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance prospect(@PathParam("id") String id, @QueryParam("done") String done) {
        return page(prospectId(id), done == null ? null : DONE.get(done), FormRefusal.NONE);
    }

    @POST
    @Path("contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contact(@PathParam("id") String id) {
        UUID prospect = prospectId(id);
        return step(prospect, "contact", Map.of(), FormErrors::of,
                () -> prospects.contact(prospect, new ProspectApi.Contact(viewer.name())), "contacted");
    }

    @POST
    @Path("win")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response win(@PathParam("id") String id, @RestForm String value) {
        UUID prospectId = prospectId(id);
        Map<String, String> typed = Map.of("value", text(value));
        ProspectApi.Prospect prospect = prospects.prospect(prospectId);
        Long valueMinor;
        try {
            valueMinor = Amounts.minorUnits(value, Currency.getInstance(prospect.currency()));
        } catch (Amounts.NotAnAmount notAnAmount) {
            return refused(prospectId, new FormRefusal("win", typed,
                    FormErrors.field("value", notAnAmount.getMessage())), 400);
        } catch (IllegalArgumentException unknownCurrency) {
            valueMinor = value == null || value.isBlank() || !value.strip().matches("\\d{1,18}") ? null
                    : Long.parseLong(value.strip());
        }
        Long sent = valueMinor;
        return step(prospectId, "win", typed, problem -> onInputs(FormErrors.of(problem),
                Map.of("valueMinor", "value", "currency", "value")),
                () -> prospects.win(prospectId, new ProspectApi.Win(sent, null)), "won");
    }

    @POST
    @Path("lose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lose(@PathParam("id") String id, @RestForm String reason) {
        UUID prospect = prospectId(id);
        String chosen = text(reason).isBlank() ? null : reason;
        return step(prospect, "lose", Map.of("reason", text(reason)), FormErrors::of,
                () -> prospects.lose(prospect, new ProspectApi.Loss(chosen)), "lost");
    }

    @POST
    @Path("objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raise(@PathParam("id") String id, @RestForm String objectionId, @RestForm String category,
            @RestForm String statement) {
        UUID prospect = prospectId(id);
        UUID objection = FormIds.parse(objectionId).orElseGet(UUID::randomUUID);
        Map<String, String> typed = Map.of("objectionId", objection.toString(), "category", text(category),
                "statement", text(statement));
        ObjectionApi.NewObjection request = new ObjectionApi.NewObjection(objection, prospect,
                text(category).isBlank() ? null : category, text(statement));
        try {
            raiseOnceKnown(objections, request, REPLICA_WAIT);
            return Response.seeOther(URI.create("/pipeline/prospects/" + prospect + "?done=raised#objection-"
                    + objection)).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 422) {
                // Not known to objection-service yet (or, for a seller, not theirs: prospect-service just showed
                // it is, so it is the replica still catching up).
                return refused(prospect, new FormRefusal("raise", typed, new FormErrors("objection-service has "
                        + "not heard of this prospect yet: it learns of new prospects within seconds. Nothing was "
                        + "written down; send the objection again in a moment.", Map.of())), 422);
            }
            return refusal(prospect, "raise", typed, problem, FormErrors.of(problem));
        }
    }

    @POST
    @Path("objections/{objection}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") String id, @PathParam("objection") String objectionId,
            @RestForm String bridge, @RestForm String suggested) {
        UUID prospect = prospectId(id);
        UUID objection = FormIds.parse(objectionId).orElseThrow(NotFoundException::new);
        // A suggestion's button sends its bridge; words typed in the field win over it.
        String used = text(bridge).isBlank() ? text(suggested) : bridge;
        return step(prospect, "resolve-" + objection, Map.of("bridge", text(bridge)), FormErrors::of,
                () -> objections.resolve(objection, new ObjectionApi.Resolution(used)), "resolved");
    }

    /**
     * Raises the objection, again while objection-service answers 422 (the prospect not in its replica yet), for
     * at most {@code wait}. The objection's id is the same each time, so it is recorded once.
     */
    static void raiseOnceKnown(ObjectionApi objections, ObjectionApi.NewObjection request, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                objections.raise(request);
                return;
            } catch (ApiProblem problem) {
                if (problem.status() != 422 || System.nanoTime() + REPLICA_POLL.toNanos() > deadline) {
                    throw problem;
                }
            }
            try {
                Thread.sleep(REPLICA_POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for objection-service", interrupted);
            }
        }
    }

    private Response step(UUID prospect, String form, Map<String, String> typed,
            Function<ApiProblem, FormErrors> errors, Supplier<?> call, String done) {
        try {
            call.get();
            return Response.seeOther(URI.create("/pipeline/prospects/" + prospect + "?done=" + done)).build();
        } catch (ApiProblem problem) {
            return refusal(prospect, form, typed, problem, errors.apply(problem));
        }
    }

    /**
     * A refusal of a form: shown on it, but for what is no fault of the input: a prospect or objection not there
     * (or not this seller's), a role the person lacks, an outage; those are pages of their own (ErrorPages).
     */
    private Response refusal(UUID prospect, String form, Map<String, String> typed, ApiProblem problem,
            FormErrors errors) {
        if (problem.status() >= 500 || problem.status() == 401 || problem.status() == 403
                || problem.status() == 404) {
            throw problem;
        }
        return refused(prospect, new FormRefusal(form, typed, errors), problem.status());
    }

    private Response refused(UUID prospect, FormRefusal refusal, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page(prospect, null, refusal)).build();
    }

    private TemplateInstance page(UUID id, String notice, FormRefusal refusal) {
        ProspectApi.Prospect prospect = prospects.prospect(id);
        Map<String, ObjectionApi.Playbook> playbooks = new HashMap<>();
        List<ObjectionItem> items = objections.objections(id, 0, ProspectApi.MAX_PAGE_SIZE).items().stream()
                .map(objection -> ObjectionItem.of(objection, objection.open()
                        ? playbooks.computeIfAbsent(objection.category(),
                                category -> objections.playbook(category, PLAYBOOK_LIMIT))
                        : null))
                .toList();
        String objectionId = refusal.on("raise") ? refusal.typed().get("objectionId") : UUID.randomUUID().toString();
        return Templates.prospect(ProspectDetail.of(prospect), items, ObjectionApi.CATEGORIES,
                ProspectApi.LOST_REASONS, notice, refusal, objectionId);
    }

    /** The API's violations moved onto the inputs that hold them (a refused {@code valueMinor} is the value typed). */
    static FormErrors onInputs(FormErrors errors, Map<String, String> inputOfField) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, message) -> fields.merge(inputOfField.getOrDefault(field, field),
                message, (first, next) -> first + "; " + next));
        return new FormErrors(errors.summary(), fields);
    }

    /** An id that is no UUID names no prospect: the 404 prospect-service gives it. */
    private static UUID prospectId(String id) {
        return FormIds.parse(id).orElseThrow(NotFoundException::new);
    }

    private static String text(String typed) {
        return typed == null ? "" : typed;
    }
}
