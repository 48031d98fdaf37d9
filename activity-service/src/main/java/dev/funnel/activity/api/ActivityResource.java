package dev.funnel.activity.api;

import dev.funnel.activity.ActivityConfig;
import dev.funnel.activity.domain.ActivityDraft;
import dev.funnel.activity.domain.ActivityNotFoundException;
import dev.funnel.activity.domain.RejectedActivitiesException;
import dev.funnel.activity.service.ActivityLog;
import dev.funnel.activity.service.ActivityLog.LoggedActivity;
import dev.funnel.activity.service.ActivityLog.NewActivity;
import dev.funnel.events.CanonicalUuid;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.csv.CsvRequests;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The marketing work itself: what was done for which technique, on which day, at what cost. */
@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    /** Keeps page * size within what an SQL offset takes. */
    private static final int MAX_PAGE = 1_000_000;
    private static final int MAX_PAGE_SIZE = 500;

    /** As many rows as a batch takes items. */
    private static final int MAX_SHEET_ROWS = 1_000;

    private final ActivityLog activityLog;
    private final ActivityConfig config;
    private final Validator validator;

    ActivityResource(ActivityLog activityLog, ActivityConfig config, Validator validator) {
        this.activityLog = activityLog;
        this.config = config;
        this.validator = validator;
    }

    /**
     * Logs one activity: 201 when stored, 200 when the same id and content were stored before (nothing is
     * published again), 409 when the id holds a different activity, 422 for an unknown technique.
     */
    @POST
    @RolesAllowed(Roles.MARKETER)
    public Response log(@Valid @NotNull ActivityRequest request, @Context UriInfo uri) {
        LoggedActivity logged;
        try {
            logged = activityLog.log(List.of(toNewActivity(request))).get(0);
        } catch (RejectedActivitiesException rejected) {
            throw ActivityProblems.single(rejected);
        }
        ActivityResponse body = ActivityResponse.of(logged.activity());
        if (!logged.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body)
                .build();
    }

    /** Logs up to 1,000 activities in one transaction; any invalid item and nothing is stored (400). */
    @POST
    @Path("batch")
    @RolesAllowed(Roles.MARKETER)
    public Response logBatch(@Valid @NotNull ActivityBatchRequest batch) {
        List<LoggedActivity> logged;
        try {
            logged = activityLog.log(batch.activities().stream().map(this::toNewActivity).toList());
        } catch (RejectedActivitiesException rejected) {
            throw ActivityProblems.batch(rejected);
        }
        return batchAnswer(logged);
    }

    /** 201 when anything was stored, 200 when every activity was a replay. */
    private static Response batchAnswer(List<LoggedActivity> logged) {
        int created = (int) logged.stream().filter(LoggedActivity::created).count();
        BatchResponse body = new BatchResponse(created, logged.size() - created,
                logged.stream().map(l -> ActivityResponse.of(l.activity())).toList());
        return Response.status(created > 0 ? Response.Status.CREATED : Response.Status.OK).entity(body).build();
    }

    /**
     * A spreadsheet of up to 1,000 activities ({@code text/csv}, a header row naming the JSON fields), stored
     * together or not at all, answered as a batch is. Any refusal names its row and column (400).
     */
    @POST
    @Consumes(CsvRequests.TEXT_CSV)
    @RolesAllowed(Roles.MARKETER)
    public Response logSheet(String sheet) {
        List<ActivityRequest> rows = CsvRequests.read(sheet, ActivityRequest.class, MAX_SHEET_ROWS, validator);
        List<LoggedActivity> logged;
        try {
            logged = activityLog.log(rows.stream().map(this::toNewActivity).toList());
        } catch (RejectedActivitiesException rejected) {
            throw ActivityProblems.sheet(rejected);
        }
        return batchAnswer(logged);
    }

    /**
     * Activities newest first; {@code from} and {@code to} are inclusive days ({@code YYYY-MM-DD}), {@code page}
     * from 0, {@code size} 1-500. Every parameter is read before any is refused, so one 400 names them all.
     */
    @GET
    @RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
    public ActivityPageResponse list(
            @QueryParam("technique") String technique,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        Optional<String> slug = parameters.techniqueSlug("technique", technique);
        Optional<LocalDate> fromDay = parameters.date("from", from);
        Optional<LocalDate> toDay = parameters.date("to", to);
        int pageNumber = parameters.integer("page", page, 0, 0, MAX_PAGE);
        int pageSize = parameters.integer("size", size, 50, 1, MAX_PAGE_SIZE);
        if (fromDay.isPresent() && toDay.isPresent() && fromDay.get().isAfter(toDay.get())) {
            parameters.invalid("to", "must not be before from (" + fromDay.get() + ")");
        }
        parameters.throwIfInvalid();
        ActivityLog.ActivityPage found = activityLog.list(slug, fromDay, toDay, pageNumber, pageSize);
        return new ActivityPageResponse(found.items().stream().map(ActivityResponse::of).toList(),
                found.page(), found.size(), found.total());
    }

    /**
     * One activity. An id that is no UUID in its 36-character form is as unknown as any other (404), not a bare
     * JAX-RS 404: a shortened form such as {@code 1-1-1-1-1} would otherwise name a second path to one activity.
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MARKETER, Roles.MANAGER, Roles.ANALYST})
    public ActivityResponse get(@PathParam("id") String id) {
        UUID uuid = CanonicalUuid.parse(id).orElseThrow(() -> new ActivityNotFoundException(id));
        return ActivityResponse.of(activityLog.get(uuid));
    }

    private NewActivity toNewActivity(ActivityRequest request) {
        return new NewActivity(Optional.ofNullable(request.id()), new ActivityDraft(
                request.technique(),
                request.performedOn(),
                request.minutesSpent(),
                request.costMinor() == null ? 0 : request.costMinor(),
                request.currency() == null ? config.defaultCurrency() : request.currency(),
                request.notes()));
    }
}
