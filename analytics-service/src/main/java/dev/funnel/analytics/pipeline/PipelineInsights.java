package dev.funnel.analytics.pipeline;

import dev.funnel.analytics.insights.DateRange;
import dev.funnel.analytics.pipeline.Losses.CategoryCount;
import dev.funnel.analytics.pipeline.Losses.LostObjections;
import dev.funnel.analytics.pipeline.Losses.ReasonCount;
import dev.funnel.analytics.pipeline.PipelineQueries.Cohort;
import dev.funnel.analytics.pipeline.PipelineQueries.LostObjection;
import dev.funnel.analytics.pipeline.TimeInStage.Group;
import dev.funnel.analytics.pipeline.TimeInStage.OpenStage;
import dev.funnel.analytics.pipeline.TimeInStage.StuckProspect;
import dev.funnel.events.ObjectionCategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The questions a pipeline raises once the funnel has answered what happened: where do prospects wait, which are
 * stuck, and why are deals lost. Every figure is defined in the README.
 */
@ApplicationScoped
public class PipelineInsights {

    /** Later than any event: the read model as it stands, for the figures that are not asked as of a day. */
    private static final Instant NOW_AND_EVER = Instant.MAX;
    /** Groups with no name sort last: hunted prospects have no technique. */
    private static final Comparator<String> NAMES_THEN_NONE = Comparator.nullsLast(Comparator.naturalOrder());

    private final PipelineQueries queries;

    PipelineInsights(PipelineQueries queries) {
        this.queries = queries;
    }

    /** The stage timings of the prospects found in the range, as of the end of {@code asOf}, and the stuck. */
    public TimeInStage timeInStage(DateRange range, LocalDate asOf, int windowDays) {
        Instant moment = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<ProspectPath> found = queries.cohort(range).paths().stream()
                .filter(prospect -> prospect.foundAt().isBefore(moment))
                .toList();
        StageTimes all = StageTimes.of(found, moment, windowDays);
        return new TimeInStage(all,
                groups(found, prospect -> prospect.source().name(), moment, windowDays),
                groups(found, ProspectPath::owner, moment, windowDays),
                stuck(found, all, moment));
    }

    /** Why the prospects found in the range were lost, as the read model stands. */
    public Losses losses(DateRange range) {
        Cohort cohort = queries.cohort(range);
        List<ProspectPath> found = cohort.paths();
        List<ProspectPath> lost = found.stream().filter(prospect -> prospect.lostBy(NOW_AND_EVER)).toList();
        long won = found.stream().filter(prospect -> prospect.wonBy(NOW_AND_EVER)).count();
        Map<String, Long> reasons = reasons(lost);
        List<ReasonCount> byReason = reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(reason -> new ReasonCount(reason.getKey(), reason.getValue(),
                        ratio(reason.getValue(), lost.size())))
                .toList();
        return new Losses(found.size(), won, lost.size(), ratio(lost.size(), won + lost.size()), byReason,
                lossGroups(found, prospect -> prospect.source().name()),
                lossGroups(found, ProspectPath::technique),
                lossGroups(found, ProspectPath::owner),
                lostObjections(lost, cohort.lostObjections()));
    }

    private static List<Group> groups(List<ProspectPath> prospects, Function<ProspectPath, String> key,
            Instant moment, int windowDays) {
        return grouped(prospects, key).entrySet().stream()
                .map(group -> new Group(group.getKey(), StageTimes.of(group.getValue(), moment, windowDays)))
                .toList();
    }

    /**
     * The open prospects that have waited in their stage longer than the stage usually lasts (its p90 over the
     * whole range): those nobody is working on. A stage with no p90 yet judges nobody.
     */
    private static List<StuckProspect> stuck(List<ProspectPath> prospects, StageTimes all, Instant moment) {
        Double foundP90 = all.foundToContacted().p90Days();
        Double contactedP90 = all.contactedToDecided().p90Days();
        List<StuckProspect> stuck = new ArrayList<>();
        for (ProspectPath prospect : prospects) {
            if (prospect.decidedAt(moment) != null) {
                continue;
            }
            boolean contacted = prospect.contactedBy(moment);
            Double p90 = contacted ? contactedP90 : foundP90;
            Instant since = contacted ? prospect.contactedAt() : prospect.foundAt();
            double days = ProspectPath.days(since, moment);
            if (p90 != null && days > p90) {
                stuck.add(new StuckProspect(prospect.prospectId(), prospect.source(), prospect.technique(),
                        prospect.owner(), contacted ? OpenStage.CONTACTED : OpenStage.FOUND, since, days, p90));
            }
        }
        stuck.sort(Comparator.comparingDouble(StuckProspect::daysInStage).reversed()
                .thenComparing(StuckProspect::prospectId));
        return stuck;
    }

    private static List<Losses.Group> lossGroups(List<ProspectPath> prospects, Function<ProspectPath, String> key) {
        List<Losses.Group> groups = new ArrayList<>();
        grouped(prospects, key).forEach((name, members) -> {
            List<ProspectPath> lost = members.stream().filter(prospect -> prospect.lostBy(NOW_AND_EVER)).toList();
            long won = members.stream().filter(prospect -> prospect.wonBy(NOW_AND_EVER)).count();
            groups.add(new Losses.Group(name, members.size(), won, lost.size(), ratio(lost.size(), won + lost.size()),
                    reasons(lost)));
        });
        return groups;
    }

    private static LostObjections lostObjections(List<ProspectPath> lost, List<LostObjection> objections) {
        Set<UUID> objected = new HashSet<>();
        Set<UUID> leftUnresolved = new HashSet<>();
        Map<ObjectionCategory, Set<UUID>> unresolved = new EnumMap<>(ObjectionCategory.class);
        for (LostObjection objection : objections) {
            objected.add(objection.prospectId());
            if (!objection.resolved()) {
                leftUnresolved.add(objection.prospectId());
                unresolved.computeIfAbsent(objection.category(), category -> new HashSet<>())
                        .add(objection.prospectId());
            }
        }
        List<CategoryCount> categories = unresolved.entrySet().stream()
                .map(category -> new CategoryCount(category.getKey(), category.getValue().size(),
                        ratio(category.getValue().size(), lost.size())))
                .sorted(Comparator.comparingLong(CategoryCount::lostProspects).reversed()
                        .thenComparing(CategoryCount::category))
                .toList();
        return new LostObjections(lost.size() - objected.size(), objected.size() - leftUnresolved.size(), categories);
    }

    /** Groups in order: by name, no name last; each group's prospects in the order read. */
    private static SortedMap<String, List<ProspectPath>> grouped(List<ProspectPath> prospects,
            Function<ProspectPath, String> key) {
        SortedMap<String, List<ProspectPath>> groups = new TreeMap<>(NAMES_THEN_NONE);
        prospects.forEach(prospect -> groups.computeIfAbsent(key.apply(prospect), name -> new ArrayList<>())
                .add(prospect));
        return groups;
    }

    /** Per reason given; a loss whose reason the event did not carry counts as OTHER. */
    private static SortedMap<String, Long> reasons(List<ProspectPath> lost) {
        return lost.stream().collect(Collectors.groupingBy(
                prospect -> Objects.requireNonNullElse(prospect.lostReason(), "OTHER"), TreeMap::new,
                Collectors.counting()));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
