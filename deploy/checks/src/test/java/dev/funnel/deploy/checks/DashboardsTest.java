package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Grafana dashboards: importable JSON, and the same JSON in the ConfigMaps Grafana's sidecar loads. */
class DashboardsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @Test
    void dashboardsHaveUniqueIdsAndAskForTheirPrometheus() {
        List<Path> dashboards = MetricNamesTest.dashboards();
        assertThat(dashboards).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("funnel.json", "marketing-consistency.json", "operations.json");
        List<JsonNode> parsed = dashboards.stream().map(MetricNamesTest::readJson).toList();
        assertThat(parsed).extracting(dashboard -> dashboard.path("uid").asText()).doesNotHaveDuplicates()
                .allMatch(uid -> !uid.isEmpty());
        for (JsonNode dashboard : parsed) {
            assertThat(dashboard.path("title").asText()).isNotEmpty();
            // A datasource variable, so the JSON imports into any Grafana whatever its Prometheus is called.
            assertThat(dashboard.path("templating").path("list").findValuesAsText("type")).contains("datasource");
            assertThat(dashboard.path("panels")).isNotEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachDashboardShipsAsALabelledConfigMapWithTheSameJson(String overlay) {
        List<JsonNode> configMaps = Kustomize.resources(Kustomize.render(Kustomize.overlay(overlay)), "ConfigMap")
                .stream().filter(map -> "1".equals(map.path("metadata").path("labels").path("grafana_dashboard")
                        .asText())).toList();

        List<String> files = MetricNamesTest.dashboards().stream().map(file -> file.getFileName().toString())
                .toList();
        assertThat(configMaps.stream().flatMap(map -> iterable(map.path("data").fieldNames()).stream())
                .collect(Collectors.toList())).containsExactlyInAnyOrderElementsOf(files);
        for (JsonNode map : configMaps) {
            map.path("data").fields().forEachRemaining(entry -> assertThat(entry.getValue().asText())
                    .as(entry.getKey()).isEqualTo(Repository.read(Repository.deploy().resolve("grafana")
                            .resolve(entry.getKey()))));
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
