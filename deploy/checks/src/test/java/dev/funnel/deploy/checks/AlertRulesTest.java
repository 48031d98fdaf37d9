package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule's alerts, checked and unit-tested by Prometheus' own promtool where it is installed
 * ({@link Promtool}): the scenarios in {@code src/test/resources/alerts-test.yaml} feed series and say which alerts
 * must fire and when.
 */
class AlertRulesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Test
    void everyAlertSaysHowBadItIsAndWhatItMeans() {
        for (JsonNode rule : Kustomize.parse(Repository.read(rules()))) {
            rule.path("spec").path("groups").forEach(group -> group.path("rules").forEach(alert -> {
                String name = alert.path("alert").asText();
                assertThat(name).as("every rule is an alert").isNotEmpty();
                assertThat(alert.path("labels").path("severity").asText()).as(name)
                        .isIn("critical", "warning", "info");
                assertThat(alert.path("annotations").path("summary").asText()).as(name).isNotEmpty();
                assertThat(alert.path("annotations").path("description").asText()).as(name).isNotEmpty();
                assertThat(Repository.read(Repository.deploy().resolve("README.md")))
                        .as("deploy/README.md explains " + name).contains(name);
            }));
        }
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirScenariosPass(@TempDir Path directory) throws Exception {
        Promtool.require("the alert expressions were checked only for the metrics they read, not parsed or "
                + "unit-tested", System.getenv());
        // promtool reads plain rule files: the PrometheusRule's spec is one.
        ObjectNode plain = plainRules();
        Path checked = directory.resolve("checked-alerts.yaml");
        YAML.writeValue(checked.toFile(), plain);
        assertThat(promtool(directory, "check", "rules", checked.toString())).startsWith("ok");

        writeScenarioRules(directory);
        Path scenarios = directory.resolve("alerts-test.yaml");
        Files.copy(Path.of(AlertRulesTest.class.getResource("/alerts-test.yaml").toURI()), scenarios);
        assertThat(promtool(directory, "test", "rules", scenarios.toString())).startsWith("ok");
    }

    /**
     * The lag alerts over the gauge values that the services' lag tests (analytics-service's ProjectionLagTest,
     * objection-service's ReplicaLagTest) scraped against the real broker with transactional producers: once
     * everything was applied, with commit markers after the committed offsets, no lag alert fires; with records
     * held back from the database, the alert fires for the topic or pod that has them. Each value the run went
     * through becomes one minute's sample and the last one stays, as it does on a system left alone.
     */
    @Test
    void theLagAlertsStayQuietOnACaughtUpRunAndFireOnItsBacklog(@TempDir Path directory) throws Exception {
        Promtool.require("the lag alerts were not run over the captured lag", System.getenv());
        writeScenarioRules(directory);
        ObjectNode file = YAML.createObjectNode();
        file.putArray("rule_files").add("funnel-alerts.yaml");
        file.put("evaluation_interval", "1m");
        ArrayNode tests = file.putArray("tests");
        for (LagAlert lag : LagAlert.values()) {
            ServiceFacts service = ServiceFacts.of(lag.service);
            for (String phase : List.of("caught-up", "backlog")) {
                List<String> captured = service.lagSeries(phase);
                assertThat(captured).as(lag.service + " captured its " + phase + " lag").isNotEmpty();
                tests.add(lagScenario(lag, phase, captured));
            }
        }
        Path scenarios = directory.resolve("captured-lag-test.yaml");
        YAML.writeValue(scenarios.toFile(), file);
        assertThat(promtool(directory, "test", "rules", scenarios.toString()))
                .as(Files.readString(scenarios)).startsWith("ok");
    }

    /** Each lag gauge with its alert, and the labels that alert keeps from the series. */
    private enum LagAlert {
        PROJECTION("analytics-service", "FunnelProjectionLagging", List.of("namespace", "topic")),
        REPLICA("objection-service", "FunnelProspectReplicaLagging", List.of("namespace", "job", "pod"));

        final String service;
        final String alert;
        final List<String> keptLabels;

        LagAlert(String service, String alert, List<String> keptLabels) {
            this.service = service;
            this.alert = alert;
            this.keptLabels = keptLabels;
        }
    }

    private static ObjectNode lagScenario(LagAlert lag, String phase, List<String> captured) {
        ObjectNode test = YAML.createObjectNode();
        test.put("name", lag.service + ", " + phase + ", as its lag test saw it");
        test.put("interval", "1m");
        ArrayNode input = test.putArray("input_series");
        ArrayNode expected = YAML.createArrayNode();
        for (String line : captured) {
            // The series as /q/metrics names it, then its values: the scrape adds namespace, job and pod.
            String[] parts = line.trim().split(" ");
            Matcher series = SERIES.matcher(parts[0]);
            assertThat(series.matches()).as(parts[0]).isTrue();
            Map<String, String> labels = new TreeMap<>();
            LABEL.matcher(series.group(2) == null ? "" : series.group(2)).results()
                    .forEach(label -> labels.put(label.group(1), label.group(2)));
            labels.put("namespace", "funnel");
            labels.put("job", lag.service);
            labels.put("pod", lag.service + "-0");
            List<String> values = new ArrayList<>(List.of(parts).subList(1, parts.length));
            String last = values.get(values.size() - 1);
            values.add(last + "x10");
            input.addObject()
                    .put("series", series.group(1) + labels.entrySet().stream()
                            .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                            .collect(Collectors.joining(",", "{", "}")))
                    .put("values", String.join(" ", values));
            // Caught up expects silence whatever the values; a backlog expects the alert where records wait.
            if ("backlog".equals(phase) && Long.parseLong(last) > 0) {
                ObjectNode alert = expected.addObject().putObject("exp_labels");
                alert.put("severity", "warning");
                lag.keptLabels.stream().filter(labels::containsKey).forEach(name -> alert.put(name, labels.get(name)));
            }
        }
        if ("backlog".equals(phase)) {
            assertThat(expected).as(lag.service + "'s backlog run ended with records waiting").isNotEmpty();
        }
        // The run's values, then 5 minutes and more of the last ones: the alerts' whole window.
        int longest = captured.stream().mapToInt(line -> line.trim().split(" ").length - 1).max().orElse(1);
        ObjectNode check = test.putArray("alert_rule_test").addObject();
        check.put("eval_time", (longest + 9) + "m");
        check.put("alertname", lag.alert);
        check.set("exp_alerts", expected);
        return test;
    }

    /** The rules as promtool's scenarios read them: a plain rule file, without annotations. */
    private static void writeScenarioRules(Path directory) throws IOException {
        ObjectNode plain = plainRules();
        // The scenarios compare labels; annotations would make them repeat every description.
        plain.path("groups").forEach(group -> group.path("rules")
                .forEach(alert -> ((ObjectNode) alert).remove("annotations")));
        YAML.writeValue(directory.resolve("funnel-alerts.yaml").toFile(), plain);
    }

    private static ObjectNode plainRules() {
        JsonNode rule = Kustomize.parse(Repository.read(rules())).get(0);
        ObjectNode plain = YAML.createObjectNode();
        plain.set("groups", rule.path("spec").path("groups").deepCopy());
        return plain;
    }

    private static Path rules() {
        return Repository.deploy().resolve("k8s/base/monitoring/prometheusrule.yaml");
    }

    private static String promtool(Path directory, String... arguments) throws IOException, InterruptedException {
        return Promtool.run(directory, "", arguments).toString();
    }
}
