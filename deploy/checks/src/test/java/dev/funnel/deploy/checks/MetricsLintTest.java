package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus' own linter, {@code promtool check metrics}, over every workload's captured /q/metrics: a metric this
 * project defines (every one is named {@code funnel_*}) has help text, a base unit (seconds, not days) and the
 * suffixes its type asks for, or the build fails naming it. Library metrics have problems we cannot fix without
 * renaming metrics everybody's dashboards know; those are accepted one by one in
 * {@link Repository#LIBRARY_METRIC_PROBLEMS}, so a new one fails too until someone decides about it.
 */
class MetricsLintTest {

    /**
     * The Accept header of the captures promtool reads: Prometheus' classic text format (asked for anything, Quarkus
     * answers OpenMetrics, whose escaped quotes in HELP lines promtool refuses). The services' captures use the
     * same, dev.funnel.testing.OperationsCapture.TEXT_FORMAT.
     */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    /** What this project names its metrics: every other name on /q/metrics comes from a library. */
    static final String PROJECT_PREFIX = "funnel_";

    /** One problem promtool reports: the metric's name, a space, what is wrong. */
    private static final Pattern PROBLEM = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]* \\S.*");

    @Test
    void promtoolFindsNoProblemInTheProjectsMetricsAndOnlyTheAcceptedOnesInLibraries(@TempDir Path directory)
            throws Exception {
        Promtool.require("the captured metrics were not linted", System.getenv());
        Set<String> accepted = new TreeSet<>();
        Repository.LIBRARY_METRIC_PROBLEMS.values().forEach(accepted::addAll);
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.workloads()) {
            String metrics = service.metricsInTextFormat();
            softly.assertThat(metrics.stripTrailing())
                    .as(service + "'s capture is OpenMetrics: scrape with Accept: " + TEXT_FORMAT)
                    .doesNotEndWith("# EOF");
            Set<String> problems = problems(Promtool.run(directory, metrics, "check", "metrics"));
            // Each assertion lists only its own kind of problem, so the failure names what to fix.
            softly.assertThat(problems.stream().filter(MetricsLintTest::isUnreadable))
                    .as(service + ": promtool could not read the capture").isEmpty();
            softly.assertThat(problems.stream().filter(problem -> problem.startsWith(PROJECT_PREFIX)))
                    .as(service + ": problems of metrics this project defines").isEmpty();
            softly.assertThat(problems.stream().filter(problem -> !problem.startsWith(PROJECT_PREFIX)
                    && !isUnreadable(problem) && !accepted.contains(problem)))
                    .as(service + ": problems of library metrics that are not in "
                            + "Repository.LIBRARY_METRIC_PROBLEMS (fix them, or list them there under their library)")
                    .isEmpty();
        }
        softly.assertAll();
    }

    /** What the check above fails on, as promtool reports it: the problems the services' metrics had before. */
    @Test
    void promtoolReportsAMetricWithoutHelpANonBaseUnitAndAnOpenMetricsEscape(@TempDir Path directory)
            throws Exception {
        Promtool.require("the linter's report was not read", System.getenv());
        String scrape = """
                # HELP funnel_typical_sprout_lag_days Median days to a first prospect
                # TYPE funnel_typical_sprout_lag_days gauge
                funnel_typical_sprout_lag_days 30.0
                # TYPE funnel_activities_logged_total counter
                funnel_activities_logged_total{technique="blog"} 1.0
                """;
        assertThat(problems(Promtool.run(directory, scrape, "check", "metrics"))).containsExactlyInAnyOrder(
                "funnel_typical_sprout_lag_days use base unit \"seconds\" instead of \"days\"",
                "funnel_activities_logged_total no help text");
        // Longer than a pipe holds: promtool stops reading at the bad line while the rest is still being written.
        String openMetrics = """
                # TYPE system_cpu_usage gauge
                # HELP system_cpu_usage The \\"recent cpu usage\\" of the system
                system_cpu_usage 0.0
                """ + "# TYPE filler gauge\n" + "filler 0.0\n".repeat(50_000) + "# EOF\n";
        assertThat(problems(Promtool.run(directory, openMetrics, "check", "metrics")))
                .singleElement().asString().startsWith("error while linting:").contains("invalid escape sequence");
    }

    @Test
    void theAcceptedLibraryProblemsAreNoneOfTheProjectsAndEachNamesAMetric() {
        for (Map.Entry<String, List<String>> library : Repository.LIBRARY_METRIC_PROBLEMS.entrySet()) {
            assertThat(library.getValue()).as(library.getKey()).isNotEmpty()
                    .noneMatch(MetricsLintTest::isUnreadable)
                    .noneMatch(problem -> problem.startsWith(PROJECT_PREFIX));
        }
    }

    /** Not a problem of one metric: promtool could not parse the text, and stopped there. */
    private static boolean isUnreadable(String problem) {
        return problem.startsWith("error while linting:") || !PROBLEM.matcher(problem).matches();
    }

    /** promtool's report, one problem a line; a parse error is one line, too. */
    private static Set<String> problems(Promtool.Result result) {
        Set<String> problems = new TreeSet<>();
        result.output().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(problems::add);
        assertThat(result.ok() || !problems.isEmpty()).as("promtool failed without a word").isTrue();
        return problems;
    }
}
