package dev.funnel.activity.api;

import dev.funnel.activity.ActivityConfig;
import dev.funnel.activity.domain.ActivityDraft;
import dev.funnel.activity.domain.ActivityLog;
import dev.funnel.activity.domain.ActivityLog.LoggedActivity;
import dev.funnel.activity.domain.ActivityLog.NewActivity;
import dev.funnel.activity.domain.RejectedActivitiesException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

    private final ActivityLog activityLog;
    private final ActivityConfig config;

    ActivityResource(ActivityLog activityLog, ActivityConfig config) {
        this.activityLog = activityLog;
        this.config = config;
    }

    /**
     * Logs one activity: 201 when stored, 200 when the same id and content were stored before (nothing is
     * published again), 409 when the id holds a different activity, 422 for an unknown technique.
     */
    @POST
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
    public Response logBatch(@Valid @NotNull ActivityBatchRequest batch) {
        List<LoggedActivity> logged;
        try {
            logged = activityLog.log(batch.activities().stream().map(this::toNewActivity).toList());
        } catch (RejectedActivitiesException rejected) {
            throw ActivityProblems.batch(rejected);
        }
        int created = (int) logged.stream().filter(LoggedActivity::created).count();
        BatchResponse body = new BatchResponse(created, logged.size() - created,
                logged.stream().map(l -> ActivityResponse.of(l.activity())).toList());
        return Response.status(created > 0 ? Response.Status.CREATED : Response.Status.OK).entity(body).build();
    }

    /** Activities newest first; {@code from} and {@code to} are inclusive days ({@code YYYY-MM-DD}). */
    @GET
    public ActivityPageResponse list(
            @QueryParam("technique") String technique,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Optional<LocalDate> fromDay = QueryDates.parse("from", from);
        Optional<LocalDate> toDay = QueryDates.parse("to", to);
        QueryDates.requireOrdered(fromDay, toDay);
        ActivityLog.ActivityPage found = activityLog.list(Optional.ofNullable(technique), fromDay, toDay, page, size);
        return new ActivityPageResponse(found.items().stream().map(ActivityResponse::of).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    public ActivityResponse get(@PathParam("id") UUID id) {
        return ActivityResponse.of(activityLog.get(id));
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
