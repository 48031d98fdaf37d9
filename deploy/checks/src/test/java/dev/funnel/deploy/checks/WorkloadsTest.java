package dev.funnel.deploy.checks;

import static dev.funnel.deploy.checks.Kustomize.name;
import static dev.funnel.deploy.checks.Kustomize.render;
import static dev.funnel.deploy.checks.Kustomize.resource;
import static dev.funnel.deploy.checks.Kustomize.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Deployments, Services, ServiceMonitors, PodDisruptionBudgets and HPAs of each overlay, held against the
 * services.
 */
class WorkloadsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasItsWorkloadAndNothingElseIsDeployed(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));

        assertThat(resources(manifests, "Deployment")).extracting(Kustomize::name)
                .containsExactlyInAnyOrderElementsOf(Repository.services());
        for (String kind : List.of("Service", "PodDisruptionBudget", "ServiceMonitor", "KafkaUser")) {
            assertThat(resources(manifests, kind)).as(kind).extracting(Kustomize::name)
                    .containsExactlyInAnyOrderElementsOf(Repository.services());
        }
        // Credentials are referenced, never committed: the user, Strimzi and CloudNativePG create the Secrets.
        assertThat(resources(manifests, "Secret")).as("Secrets in the manifests").isEmpty();
        String namespace = "dev".equals(overlay) ? "funnel-dev" : "funnel";
        manifests.stream().filter(manifest -> !"Namespace".equals(manifest.path("kind").asText()))
                .forEach(manifest -> assertThat(manifest.path("metadata").path("namespace").asText())
                        .as(manifest.path("kind").asText() + " " + name(manifest)).isEqualTo(namespace));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskTheHealthPathsTheServiceAnswersOnItsOwnPort(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            JsonNode container = container(manifests, service);
            int port = httpPort(container, service);
            Map<String, String> expected = Map.of("livenessProbe", "/q/health/live",
                    "readinessProbe", "/q/health/ready", "startupProbe", "/q/health/started");
            expected.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                softly.assertThat(get.path("path").asText()).as(service + " " + probe).isEqualTo(path);
                softly.assertThat(service.healthPathsUp()).as(service + " answered UP on").contains(path);
                softly.assertThat(containerPort(container, get.path("port"))).as(service + " " + probe + " port")
                        .isEqualTo(port);
            });
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyEnvironmentVariableIsAConfigurationKeyOfItsService(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            for (String variable : environment(manifests, container(manifests, service))) {
                softly.assertThat(service.understandsEnvironmentVariable(variable))
                        .as("%s (%s): %s maps to no configuration key of the service", service, overlay, variable)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void containersRunAsNonRootOnAReadOnlyFilesystemWithLimits(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            JsonNode pod = deployment(manifests, service).path("spec").path("template").path("spec");
            JsonNode container = container(manifests, service);
            JsonNode security = container.path("securityContext");
            softly.assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(service + " pod")
                    .isTrue();
            softly.assertThat(security.path("runAsNonRoot").asBoolean()).as(service + " runAsNonRoot").isTrue();
            softly.assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(service + " read-only root")
                    .isTrue();
            softly.assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                    .as(service + " privilege escalation").isFalse();
            softly.assertThat(texts(security.path("capabilities").path("drop"))).as(service + " dropped")
                    .contains("ALL");
            softly.assertThat(mountedEmptyDirs(pod, container)).as(service + " writable /tmp").contains("/tmp");
            for (String bound : List.of("requests", "limits")) {
                softly.assertThat(container.path("resources").path(bound).has("cpu")).as(service + " cpu " + bound)
                        .isTrue();
                softly.assertThat(container.path("resources").path(bound).has("memory"))
                        .as(service + " memory " + bound).isTrue();
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesAreTheOnesJibBuildsFromTheRootPom(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        String prefix = Repository.rootPomProperty("quarkus.container-image.registry") + "/"
                + Repository.rootPomProperty("quarkus.container-image.group") + "/";
        String tag = Repository.rootPomProperty("quarkus.container-image.tag");
        for (ServiceFacts service : ServiceFacts.all()) {
            assertThat(container(manifests, service).path("image").asText()).as(service + " image")
                    .isEqualTo(prefix + service.name + ":" + tag);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesMonitorsAndBudgetsSelectTheirDeployment(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            JsonNode deployment = deployment(manifests, service);
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            JsonNode kubeService = resource(manifests, "Service", service.name).orElseThrow();
            softly.assertThat(matches(kubeService.path("spec").path("selector"), podLabels))
                    .as(service + " Service selects its pods").isTrue();
            JsonNode servicePort = kubeService.path("spec").path("ports").path(0);
            softly.assertThat(containerPort(container(manifests, service), servicePort.path("targetPort")))
                    .as(service + " Service targetPort").isEqualTo(httpPort(container(manifests, service), service));

            JsonNode budget = resource(manifests, "PodDisruptionBudget", service.name).orElseThrow();
            softly.assertThat(matches(budget.path("spec").path("selector").path("matchLabels"), podLabels))
                    .as(service + " PodDisruptionBudget selects its pods").isTrue();

            JsonNode monitor = resource(manifests, "ServiceMonitor", service.name).orElseThrow();
            softly.assertThat(matches(monitor.path("spec").path("selector").path("matchLabels"),
                    kubeService.path("metadata").path("labels"))).as(service + " ServiceMonitor selects its Service")
                    .isTrue();
            JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
            softly.assertThat(endpoint.path("port").asText()).as(service + " ServiceMonitor port")
                    .isEqualTo(servicePort.path("name").asText());
            softly.assertThat(endpoint.path("path").asText()).as(service + " metrics path").isEqualTo("/q/metrics");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void replicasFitTheEnvironmentAndConsumersScaleNoFurtherThanTheirPartitions(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        int partitions = resources(manifests, "KafkaTopic").stream()
                .mapToInt(topic -> topic.path("spec").path("partitions").asInt()).min().orElseThrow();
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            JsonNode deployment = deployment(manifests, service);
            var autoscaler = resource(manifests, "HorizontalPodAutoscaler", service.name);
            if ("dev".equals(overlay)) {
                softly.assertThat(deployment.path("spec").path("replicas").asInt()).as(service + " dev replicas")
                        .isEqualTo(1);
                softly.assertThat(autoscaler).as(service + " dev HPA").isEmpty();
                continue;
            }
            softly.assertThat(autoscaler).as(service + " prod HPA").isPresent();
            autoscaler.ifPresent(hpa -> {
                JsonNode spec = hpa.path("spec");
                softly.assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo(service.name);
                softly.assertThat(spec.path("minReplicas").asInt()).as(service + " minReplicas")
                        .isGreaterThanOrEqualTo(2);
                if (!service.consumedTopics().isEmpty()) {
                    softly.assertThat(spec.path("maxReplicas").asInt())
                            .as(service + " consumes with one group: replicas beyond the partitions idle")
                            .isLessThanOrEqualTo(partitions);
                }
            });
            softly.assertThat(deployment.path("spec").has("replicas"))
                    .as(service + ": the HPA owns the replica count").isFalse();
        }
        softly.assertAll();
    }

    static JsonNode deployment(List<JsonNode> manifests, ServiceFacts service) {
        return resource(manifests, "Deployment", service.name)
                .orElseThrow(() -> new AssertionError("No Deployment " + service));
    }

    static JsonNode container(List<JsonNode> manifests, ServiceFacts service) {
        JsonNode containers = deployment(manifests, service).path("spec").path("template").path("spec")
                .path("containers");
        return StreamSupport.stream(containers.spliterator(), false)
                .filter(container -> service.name.equals(container.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container named after it"));
    }

    /** Every environment variable the container gets: its env entries and the keys of ConfigMaps it loads. */
    static List<String> environment(List<JsonNode> manifests, JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
        container.path("envFrom").forEach(source -> {
            String configMap = source.path("configMapRef").path("name").asText();
            assertThat(configMap).as("envFrom names a ConfigMap of the manifests (Secrets are named key by key)")
                    .isNotEmpty();
            JsonNode data = resource(manifests, "ConfigMap", configMap)
                    .orElseThrow(() -> new AssertionError("No ConfigMap " + configMap)).path("data");
            data.fieldNames().forEachRemaining(names::add);
        });
        return names;
    }

    /** The port the service listens on: QUARKUS_HTTP_PORT when the Deployment sets it, else its properties. */
    private static int httpPort(JsonNode container, ServiceFacts service) {
        Map<String, String> values = new TreeMap<>();
        container.path("env").forEach(variable -> values.put(variable.path("name").asText(),
                variable.path("value").asText()));
        String port = values.get("QUARKUS_HTTP_PORT");
        return port == null || port.isEmpty() ? service.httpPort() : Integer.parseInt(port);
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(declared -> port.asText().equals(declared.path("name").asText()))
                .mapToInt(declared -> declared.path("containerPort").asInt())
                .findFirst().orElseThrow(() -> new AssertionError("No container port named " + port.asText()));
    }

    private static List<String> mountedEmptyDirs(JsonNode pod, JsonNode container) {
        List<String> emptyDirs = new ArrayList<>();
        pod.path("volumes").forEach(volume -> {
            if (volume.has("emptyDir")) {
                emptyDirs.add(volume.path("name").asText());
            }
        });
        List<String> paths = new ArrayList<>();
        container.path("volumeMounts").forEach(mount -> {
            if (emptyDirs.contains(mount.path("name").asText())) {
                paths.add(mount.path("mountPath").asText());
            }
        });
        return paths;
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        List<Boolean> results = new ArrayList<>();
        selector.fields().forEachRemaining(entry -> results.add(
                entry.getValue().asText().equals(labels.path(entry.getKey()).asText())));
        return !results.contains(false);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
