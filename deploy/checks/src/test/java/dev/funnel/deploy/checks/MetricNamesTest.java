package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every metric an alert or a dashboard reads exists in the real /q/metrics output of a service, as its tests
 * captured it after exercising it: a renamed metric otherwise leaves an alert that can never fire and a panel
 * that shows "No data", and nobody notices until it matters.
 */
class MetricNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePromQlReaderFindsMetricsAndOnlyMetrics() {
        assertThat(PromQl.metricNames("sum by (namespace, job) (increase(a_total{x=\"y\"}[15m])) > 0 "
                + "unless on (namespace) b offset 3d or label_values(c, namespace) "
                + "/ ignoring(le) d_bucket{pod=~\"$pod\"}[$__rate_interval] * 1e3"))
                .containsExactlyInAnyOrder("a_total", "b", "c", "d_bucket");
    }

    @Test
    void everyMetricOfTheAlertsIsExposedByAService() {
        assertKnown(alertExpressions());
    }

    @Test
    void everyMetricOfTheDashboardsIsExposedByAService() {
        assertKnown(dashboardExpressions());
    }

    @Test
    void metricsListedAsArrivingLaterAreNotHereYet() {
        Set<String> exposed = exposedMetrics();
        Repository.ARRIVING_METRICS.forEach((metric, when) -> assertThat(exposed)
                .as("%s is exposed now: take it off Repository.ARRIVING_METRICS (%s)", metric, when)
                .noneMatch(name -> name.equals(metric) || name.startsWith(metric + "_")));
    }

    @Test
    void everyServiceWasCaptured() {
        for (ServiceFacts service : ServiceFacts.workloads()) {
            assertThat(service.captured()).as(service + "'s OperationsCaptureTest wrote target/metrics/"
                    + service.name + ".prom; build the service with its tests first").isTrue();
        }
    }

    /** Where each expression came from, for the failure message. */
    static Map<String, String> alertExpressions() {
        Map<String, String> expressions = new TreeMap<>();
        Path rules = Repository.deploy().resolve("k8s/base/monitoring/prometheusrule.yaml");
        for (JsonNode rule : Kustomize.parse(Repository.read(rules))) {
            rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(alert ->
                    expressions.put("alert " + alert.path("alert").asText(), alert.path("expr").asText())));
        }
        assertThat(expressions).as("alerts in " + rules).isNotEmpty();
        return expressions;
    }

    static Map<String, String> dashboardExpressions() {
        Map<String, String> expressions = new TreeMap<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = readJson(file);
            String where = file.getFileName().toString();
            List<JsonNode> panels = new ArrayList<>();
            collectPanels(dashboard.path("panels"), panels);
            for (JsonNode panel : panels) {
                panel.path("targets").forEach(target -> {
                    if (target.has("expr")) {
                        expressions.put(where + " panel \"" + panel.path("title").asText() + "\" "
                                + target.path("refId").asText(), target.path("expr").asText());
                    }
                });
            }
            dashboard.path("templating").path("list").forEach(variable -> {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    expressions.put(where + " variable " + variable.path("name").asText(),
                            query.isObject() ? query.path("query").asText() : query.asText());
                }
            });
        }
        assertThat(expressions).as("queries in deploy/grafana").isNotEmpty();
        return expressions;
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(Repository.deploy().resolve("grafana"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid JSON", e);
        }
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        panels.forEach(panel -> {
            into.add(panel);
            // Rows keep their panels inside when collapsed.
            collectPanels(panel.path("panels"), into);
        });
    }

    private static void assertKnown(Map<String, String> expressions) {
        Set<String> exposed = exposedMetrics();
        SoftAssertions softly = new SoftAssertions();
        expressions.forEach((where, expression) -> {
            Set<String> names = PromQl.metricNames(expression);
            softly.assertThat(names).as(where + " reads no metric: " + expression).isNotEmpty();
            for (String name : names) {
                if (Repository.EXTERNAL_METRICS.contains(name) || Repository.ARRIVING_METRICS.containsKey(name)) {
                    continue;
                }
                softly.assertThat(exposed).as("%s reads %s, which no service exposes", where, name).contains(name);
            }
        });
        softly.assertAll();
    }

    private static Set<String> exposedMetrics() {
        Set<String> exposed = new TreeSet<>();
        ServiceFacts.workloads().forEach(service -> exposed.addAll(service.metricNames()));
        return exposed;
    }
}
