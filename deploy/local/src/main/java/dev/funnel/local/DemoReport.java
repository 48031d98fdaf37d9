package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the demo shows once it loaded the story: the funnel from analytics-service, hunting next to
 * farming, and each technique's harvest, read through the public API like any dashboard would, signed in as
 * the analyst.
 */
final class DemoReport {

    static final String ANALYST = "ana";

    private final RestClient client;
    private final String analytics;
    private final LocalDate from;
    private final LocalDate to;

    DemoReport(Map<String, String> urls, AccessTokens tokens, LocalDate from, LocalDate to) {
        this.client = new RestClient(tokens.of(ANALYST));
        this.analytics = urls.get("analytics-service");
        this.from = from;
        this.to = to;
    }

    /** Waits until the projection holds everything the story did; returns the funnel it answers. */
    JsonNode awaitCaughtUp(DemoStory.Tally tally, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode funnel = null;
        while (System.nanoTime() < deadline) {
            RestClient.Reply reply = client.get(funnelUrl(""));
            funnel = reply.body();
            if (reply.status() == 200 && caughtUp(funnel, tally)) {
                return funnel;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("analytics-service did not catch up within " + timeout.toSeconds()
                + " s; last answer: " + funnel);
    }

    private static boolean caughtUp(JsonNode funnel, DemoStory.Tally tally) {
        JsonNode stages = funnel.path("stages");
        long found = tally.cohorts.values().stream().mapToLong(c -> c.found).sum();
        long contacted = tally.cohorts.values().stream().mapToLong(c -> c.contacted).sum();
        long objected = tally.cohorts.values().stream().mapToLong(c -> c.objected).sum();
        long won = tally.cohorts.values().stream().mapToLong(c -> c.won).sum();
        long lost = tally.cohorts.values().stream().mapToLong(c -> c.lost).sum();
        // Every stage the story moved prospects through: the last event it sent may be of any kind.
        return stages.path("found").asLong() == found
                && stages.path("contacted").asLong() == contacted
                && stages.path("objected").asLong() == objected
                && stages.path("won").asLong() == won
                && stages.path("lost").asLong() == lost
                && funnel.path("effort").path("activities").asLong() == tally.activities
                && funnel.path("objections").path("raised").asLong() == tally.objectionsRaised
                && funnel.path("objections").path("resolved").asLong() == tally.objectionsResolved;
    }

    void print(JsonNode funnel, PrintStream out) throws IOException, InterruptedException {
        out.println();
        out.println("Twelve weeks of farming and hunting, " + from + " to " + to);
        out.println();
        JsonNode effort = funnel.path("effort");
        out.printf("Effort: %d marketing activities, %d hours, cost %s%n", effort.path("activities").asLong(),
                effort.path("minutes").asLong() / 60, money(effort.path("costMinor")));
        JsonNode stages = funnel.path("stages");
        out.printf("Funnel: found %d -> contacted %d -> won %d (lost %d, open %d; %d objected)%n",
                stages.path("found").asLong(), stages.path("contacted").asLong(), stages.path("won").asLong(),
                stages.path("lost").asLong(), stages.path("open").asLong(), stages.path("objected").asLong());
        out.printf("Win rate %s, median days to win %s, p90 %s; objections raised %d, bridged %d%n",
                percent(funnel.path("winRate")), funnel.path("daysToWin").path("median"),
                funnel.path("daysToWin").path("p90"), funnel.path("objections").path("raised").asLong(),
                funnel.path("objections").path("resolved").asLong());

        out.println();
        out.println("Hunting vs farming");
        huntingVsFarming(client.get(insightsUrl("/hunting-vs-farming")).body(), out);
        out.println();
        out.println("Is the garden watered every day? (as of " + to + ")");
        consistency(client.get(insightsUrl("/consistency")).body(), out);
        out.println();
        out.println("What each technique harvested: the radio ad, dropped after two weeks, brought nothing");
        table(client.get(funnelUrl("/breakdown") + "&by=technique").body(), out);
    }

    private static void huntingVsFarming(JsonNode comparison, PrintStream out) {
        out.printf("  %-10s %6s %6s %6s %9s %12s %14s %9s %17s%n", "source", "found", "won", "lost", "win rate",
                "median days", "won value", "objected", "minutes/prospect");
        for (String side : new String[] {"marketing", "sales"}) {
            JsonNode cohort = comparison.path(side);
            JsonNode minutesPerProspect = cohort.path("effort").path("minutesPerProspectFound");
            out.printf("  %-10s %6d %6d %6d %9s %12s %14s %9s %17s%n", cohort.path("source").asText(),
                    cohort.path("found").asLong(), cohort.path("won").asLong(), cohort.path("lost").asLong(),
                    percent(cohort.path("winRate")), days(cohort.path("daysToWin").path("median")),
                    money(cohort.path("wonValueMinor")), percent(cohort.path("objectedShare")),
                    minutesPerProspect.isNumber() ? String.format("%.0f", minutesPerProspect.asDouble()) : "-");
        }
    }

    private static void consistency(JsonNode answer, PrintStream out) {
        out.printf("  %-18s %-9s %9s %8s %8s %6s %s%n", "technique", "cadence", "adherence", "streak",
                "longest", "habit", "status");
        for (JsonNode technique : answer.path("techniques")) {
            out.printf("  %-18s %-9s %9s %8d %8d %6.2f %s%n", technique.path("technique").asText(),
                    technique.path("cadence").asText(), percent(technique.path("adherence")),
                    technique.path("currentStreak").asLong(), technique.path("longestStreak").asLong(),
                    technique.path("habitStrength").asDouble(), technique.path("status").asText());
        }
        out.println("  typical sprout lag: " + answer.path("typicalSproutLagDays").asLong() + " days");
    }

    private void table(JsonNode breakdown, PrintStream out) {
        out.printf("  %-18s %8s %10s %6s %6s %6s %6s %9s %12s%n", "group", "effort h", "cost", "found", "won",
                "lost", "open", "win rate", "median days");
        for (JsonNode row : breakdown.path("rows")) {
            JsonNode stages = row.path("stages");
            String group = row.path("group").isNull() ? "(hunted)" : row.path("group").asText();
            JsonNode effort = row.path("effort");
            out.printf("  %-18s %8s %10s %6d %6d %6d %6d %9s %12s%n", group,
                    effort.isNull() || effort.isMissingNode() ? "-"
                            : Long.toString(effort.path("minutes").asLong() / 60),
                    money(effort.path("costMinor")), stages.path("found").asLong(), stages.path("won").asLong(),
                    stages.path("lost").asLong(), stages.path("open").asLong(), percent(row.path("winRate")),
                    days(row.path("daysToWin").path("median")));
        }
    }

    /** {"USD": 74500} as "USD 745.00"; several currencies side by side, never added up. */
    private static String money(JsonNode costMinor) {
        if (costMinor == null || !costMinor.isObject() || costMinor.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        costMinor.fields().forEachRemaining(cost -> text.append(text.length() == 0 ? "" : " ")
                .append(cost.getKey()).append(' ').append(String.format("%.2f", cost.getValue().asLong() / 100.0)));
        return text.toString();
    }

    private String insightsUrl(String path) {
        return analytics + "/insights" + path + "?from=" + from + "&to=" + to;
    }

    private static String days(JsonNode value) {
        return value == null || !value.isNumber() ? "-" : String.format("%.1f", value.asDouble());
    }

    private String funnelUrl(String path) {
        return analytics + "/funnel" + path + "?from=" + from + "&to=" + to;
    }

    private static String percent(JsonNode ratio) {
        return ratio == null || ratio.isNull() || ratio.isMissingNode() ? "-"
                : String.format("%.0f%%", ratio.asDouble() * 100);
    }
}
