package dev.funnel.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Tracing and JSON logs where a cluster's collectors read them, nowhere else: every service's Deployment in each
 * overlay samples traces, sends them to an OTLP endpoint and logs one JSON object a line; the base, the services'
 * own defaults (which the tests run with) and the local stack's launcher sample none and keep the lines plain.
 */
class ObservabilityTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private static final String SAMPLED_SHARE = "QUARKUS_OTEL_TRACES_SAMPLER_ARG";
    private static final String OTLP_ENDPOINT = "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";
    private static final String JSON_LOGS = "QUARKUS_LOG_CONSOLE_JSON_ENABLED";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceInAnOverlayTracesToACollectorAndLogsJson(String overlay) {
        List<JsonNode> manifests = Kustomize.render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (String service : Repository.services()) {
            Map<String, String> environment = environment(manifests, service);
            // The share of new traces sampled: the services' default of 0 records none.
            softly.assertThat(share(environment.get(SAMPLED_SHARE))).as("%s (%s) %s", service, overlay, SAMPLED_SHARE)
                    .isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            softly.assertThat(environment.get(JSON_LOGS)).as("%s (%s) %s", service, overlay, JSON_LOGS)
                    .isEqualTo("true");
            String endpoint = environment.getOrDefault(OTLP_ENDPOINT, "");
            softly.assertThat(endpoint).as("%s (%s) %s", service, overlay, OTLP_ENDPOINT).isNotBlank();
            if (!endpoint.isBlank()) {
                URI uri = URI.create(endpoint);
                softly.assertThat(uri.getScheme()).as("%s (%s): %s", service, overlay, endpoint)
                        .isIn("http", "https");
                // Quarkus' exporter speaks OTLP over gRPC by default: the collector's port, never localhost's.
                softly.assertThat(uri.getPort()).as("%s (%s): %s names its port", service, overlay, endpoint)
                        .isPositive();
                softly.assertThat(uri.getHost()).as("%s (%s): %s", service, overlay, endpoint)
                        .isNotIn("localhost", "127.0.0.1");
            }
        }
        softly.assertAll();
    }

    @Test
    void theBaseLeavesTracingOffAndLogLinesPlain() {
        List<JsonNode> manifests = Kustomize.render(Repository.deploy().resolve("k8s/base"));
        SoftAssertions softly = new SoftAssertions();
        for (String service : Repository.workloads()) {
            // Only names: the base leaves some values to the overlays (FUNNEL_OIDC_URL), so none is resolved here.
            List<String> names = new ArrayList<>();
            JsonNode container = WorkloadsTest.container(manifests, ServiceFacts.of(service));
            container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
            container.path("envFrom").forEach(source -> Kustomize.resource(manifests, "ConfigMap",
                    source.path("configMapRef").path("name").asText()).ifPresent(configMap ->
                            configMap.path("data").fieldNames().forEachRemaining(names::add)));
            softly.assertThat(names).as(service + " in the base").doesNotContain(SAMPLED_SHARE, JSON_LOGS,
                    OTLP_ENDPOINT);
        }
        softly.assertAll();
    }

    /** What the tests and the local stack run with: the defaults of each service's application.properties. */
    @Test
    void theServicesDefaultsRecordNoSpanAndLogPlainText() {
        SoftAssertions softly = new SoftAssertions();
        for (String service : Repository.services()) {
            Properties properties = properties(Repository.root().resolve(service)
                    .resolve("src/main/resources/application.properties"));
            softly.assertThat(properties.getProperty("quarkus.otel.traces.sampler")).as(service)
                    .isEqualTo("parentbased_traceidratio");
            softly.assertThat(share(properties.getProperty("quarkus.otel.traces.sampler.arg"))).as(service)
                    .isEqualTo(0.0);
            softly.assertThat(properties.getProperty("quarkus.otel.sdk.disabled")).as(service).isNull();
            softly.assertThat(properties.getProperty("quarkus.log.console.json.enabled")).as(service)
                    .isEqualTo("false");
            properties.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("%"))
                    .filter(key -> key.contains(".quarkus.otel.") || key.endsWith(".quarkus.log.console.json.enabled"))
                    .forEach(key -> softly.fail(service + " turns it on for a profile: " + key));
        }
        softly.assertAll();
    }

    @Test
    void theLocalStacksLauncherTurnsNeitherOn() throws IOException {
        Path sources = Repository.deploy().resolve("local/src/main");
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(Files::isRegularFile).forEach(file -> assertThat(Repository.read(file))
                    .as(file.toString()).doesNotContain(SAMPLED_SHARE, JSON_LOGS, "QUARKUS_OTEL_", "quarkus.otel.",
                            "quarkus.log.console.json"));
        }
    }

    /** A sampling share as a number; NaN when missing or not a number, which every range check refuses. */
    private static double share(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Map<String, String> environment(List<JsonNode> manifests, String service) {
        JsonNode container = WorkloadsTest.container(manifests, ServiceFacts.of(service));
        return WorkloadsTest.environmentValues(manifests, container);
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
