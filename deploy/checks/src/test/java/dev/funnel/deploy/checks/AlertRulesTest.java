package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule's alerts, checked and unit-tested by Prometheus' own promtool where it is installed (Debian's
 * {@code prometheus} package; {@code .ci/run} installs it when apt is available): the scenarios in
 * {@code src/test/resources/alerts-test.yaml} feed series and say which alerts must fire and when.
 */
class AlertRulesTest {

    private static final YAMLMapper YAML = new YAMLMapper();

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
        String skipped = "promtool is not installed here: the alert expressions were checked only for the metrics "
                + "they read, not parsed or unit-tested (apt-get install prometheus brings promtool)";
        if (!promtoolPresent()) {
            // Surefire lists skipped tests without their reason: say it where the build log shows it.
            System.err.println("[deploy/checks] " + skipped);
        }
        Assumptions.assumeTrue(promtoolPresent(), skipped);
        // promtool reads plain rule files: the PrometheusRule's spec is one.
        JsonNode rule = Kustomize.parse(Repository.read(rules())).get(0);
        ObjectNode plain = YAML.createObjectNode();
        plain.set("groups", rule.path("spec").path("groups").deepCopy());
        Path checked = directory.resolve("checked-alerts.yaml");
        YAML.writeValue(checked.toFile(), plain);
        assertThat(promtool(directory, "check", "rules", checked.toString())).startsWith("ok");

        // The scenarios compare labels; annotations would make them repeat every description.
        plain.path("groups").forEach(group -> group.path("rules")
                .forEach(alert -> ((ObjectNode) alert).remove("annotations")));
        YAML.writeValue(directory.resolve("funnel-alerts.yaml").toFile(), plain);
        Path scenarios = directory.resolve("alerts-test.yaml");
        Files.copy(Path.of(AlertRulesTest.class.getResource("/alerts-test.yaml").toURI()), scenarios);
        assertThat(promtool(directory, "test", "rules", scenarios.toString())).startsWith("ok");
    }

    private static Path rules() {
        return Repository.deploy().resolve("k8s/base/monitoring/prometheusrule.yaml");
    }

    /** "ok" and the output, or the output of a failure, so the assertion message shows what promtool said. */
    private static String promtool(Path directory, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "promtool";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        return (finished && process.exitValue() == 0 ? "ok\n" : "failed\n") + output;
    }

    private static boolean promtoolPresent() {
        try {
            Process process = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
