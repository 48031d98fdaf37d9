package dev.funnel.activity.service;

import dev.funnel.activity.domain.Activity;
import dev.funnel.activity.domain.ActivityDraft;
import dev.funnel.activity.domain.ActivityNotFoundException;
import dev.funnel.activity.domain.RejectedActivitiesException;
import dev.funnel.activity.domain.RejectedActivitiesException.Reason;
import dev.funnel.activity.domain.RejectedActivitiesException.Rejection;
import dev.funnel.activity.domain.Technique;
import dev.funnel.activity.messaging.ActivityEvents;
import dev.funnel.audit.AuditTrail;
import dev.funnel.persistence.UniqueViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Logging marketing activities, one or many at a time, all or nothing. A client may choose each
 * activity's id: repeating a request with the same ids and content stores and announces nothing new,
 * so a client can retry after a timeout without counting the work twice.
 */
@ApplicationScoped
public class ActivityLog {

    private final Clock clock;
    private final ActivityEvents events;
    private final Event<ActivitiesLogged> logged;
    private final AuditTrail audit;

    ActivityLog(Clock clock, ActivityEvents events, Event<ActivitiesLogged> logged, AuditTrail audit) {
        this.clock = clock;
        this.events = events;
        this.logged = logged;
        this.audit = audit;
    }

    /**
     * Stores every new activity and publishes its event in one transaction, or stores nothing and throws
     * {@link RejectedActivitiesException} naming each rejected item.
     */
    public List<LoggedActivity> log(List<NewActivity> activities) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> logInTransaction(activities));
        } catch (PersistenceException e) {
            if (!UniqueViolation.causedIt(e)) {
                throw e;
            }
            // A concurrent request stored one of these ids first. Run again: this time the stored rows are
            // seen, and each is either the same activity (a replay) or a conflict.
            return QuarkusTransaction.requiringNew().call(() -> logInTransaction(activities));
        }
    }

    private List<LoggedActivity> logInTransaction(List<NewActivity> activities) {
        List<UUID> ids = activities.stream()
                .map(activity -> activity.id().orElseGet(UUID::randomUUID))
                .collect(Collectors.toList());
        Map<UUID, Activity> stored = storedActivities(ids);
        Set<String> knownTechniques = knownTechniques(activities);

        List<Rejection> rejections = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < activities.size(); i++) {
            ActivityDraft draft = activities.get(i).draft();
            UUID id = ids.get(i);
            if (!seen.add(id)) {
                rejections.add(new Rejection(i, "id", Reason.DUPLICATE_IN_REQUEST,
                        "id " + id + " appears more than once in this request"));
            } else if (!knownTechniques.contains(draft.technique())) {
                rejections.add(new Rejection(i, "technique", Reason.UNKNOWN_TECHNIQUE,
                        "technique '" + draft.technique() + "' does not exist; define it first"));
            } else if (stored.containsKey(id) && !stored.get(id).matches(draft)) {
                rejections.add(new Rejection(i, "id", Reason.ID_CONFLICT,
                        "activity " + id + " exists with different content"));
            }
        }
        if (!rejections.isEmpty()) {
            throw new RejectedActivitiesException(rejections);
        }

        Instant now = clock.instant();
        List<LoggedActivity> results = new ArrayList<>();
        List<Activity> created = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            UUID id = ids.get(i);
            Activity existing = stored.get(id);
            if (existing != null) {
                results.add(new LoggedActivity(existing, false));
                continue;
            }
            Activity activity = new Activity(id, activities.get(i).draft(), now);
            activity.persist();
            events.activityLogged(activity);
            created.add(activity);
            results.add(new LoggedActivity(activity, true));
        }
        Activity.flush();
        // One entry per activity this request created; a replayed one was recorded when it was created.
        created.forEach(activity -> audit.record("activity.logged", "activity", activity.id()));
        logged.fire(new ActivitiesLogged(created.stream().map(Activity::technique).collect(Collectors.toList())));
        return results;
    }

    private static Map<UUID, Activity> storedActivities(List<UUID> ids) {
        List<Activity> found = Activity.list("id in ?1", ids);
        return found.stream().collect(Collectors.toMap(Activity::id, Function.identity()));
    }

    private static Set<String> knownTechniques(List<NewActivity> activities) {
        Set<String> slugs = activities.stream().map(a -> a.draft().technique()).collect(Collectors.toSet());
        List<Technique> found = Technique.list("slug in ?1", slugs);
        return found.stream().map(Technique::slug).collect(Collectors.toSet());
    }

    public Activity get(UUID id) {
        Activity activity = Activity.findById(id);
        if (activity == null) {
            throw new ActivityNotFoundException(id);
        }
        return activity;
    }

    /** Activities newest first (by day performed, then by time logged), filtered and paged. */
    public ActivityPage list(Optional<String> technique, Optional<LocalDate> from, Optional<LocalDate> to,
            int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        technique.ifPresent(slug -> {
            conditions.add("technique = :technique");
            parameters.put("technique", slug);
        });
        from.ifPresent(day -> {
            conditions.add("performedOn >= :from");
            parameters.put("from", day);
        });
        to.ifPresent(day -> {
            conditions.add("performedOn <= :to");
            parameters.put("to", day);
        });
        String query = conditions.isEmpty() ? "" : String.join(" and ", conditions);
        Sort newestFirst = Sort.descending("performedOn", "loggedAt").and("id");
        Parameters params = new Parameters();
        parameters.forEach(params::and);
        var found = Activity.<Activity>find(query, newestFirst, params).page(Page.of(page, size));
        return new ActivityPage(found.list(), page, size, found.count());
    }

    /** One activity of a request: the id the client chose, if any, and what it describes. */
    public record NewActivity(Optional<UUID> id, ActivityDraft draft) {
    }

    /** The stored activity, and whether this request created it (false: a repeat of an earlier one). */
    public record LoggedActivity(Activity activity, boolean created) {
    }

    /** A page of activities and how many match in all. */
    public record ActivityPage(List<Activity> items, int page, int size, long total) {
    }

    /** Fired inside the transaction that stored new activities; observers act once it has committed. */
    public record ActivitiesLogged(List<String> techniques) {
    }
}
