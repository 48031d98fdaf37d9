package dev.funnel.deploy.checks;

import static dev.funnel.deploy.checks.Kustomize.name;
import static dev.funnel.deploy.checks.Kustomize.render;
import static dev.funnel.deploy.checks.Kustomize.resource;
import static dev.funnel.deploy.checks.Kustomize.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
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
                .containsExactlyInAnyOrderElementsOf(Repository.workloads());
        for (String kind : List.of("PodDisruptionBudget", "ServiceMonitor")) {
            assertThat(resources(manifests, kind)).as(kind).extracting(Kustomize::name)
                    .containsExactlyInAnyOrderElementsOf(Repository.workloads());
        }
        // The web app uses no Kafka: only the services are KafkaUsers.
        assertThat(resources(manifests, "KafkaUser")).as("KafkaUser").extracting(Kustomize::name)
                .containsExactlyInAnyOrderElementsOf(Repository.services());
        // Per service and for the web app one Service for its API (pages) and one for its management interface.
        List<String> services = new ArrayList<>(Repository.workloads());
        Repository.workloads().forEach(service -> services.add(managementServiceName(service)));
        assertThat(resources(manifests, "Service")).as("Service").extracting(Kustomize::name)
                .containsExactlyInAnyOrderElementsOf(services);
        // Credentials are referenced, never committed: the user, Strimzi and CloudNativePG create the Secrets.
        assertThat(resources(manifests, "Secret")).as("Secrets in the manifests").isEmpty();
        String namespace = "dev".equals(overlay) ? "funnel-dev" : "funnel";
        manifests.stream().filter(manifest -> !"Namespace".equals(manifest.path("kind").asText()))
                .forEach(manifest -> assertThat(manifest.path("metadata").path("namespace").asText())
                        .as(manifest.path("kind").asText() + " " + name(manifest)).isEqualTo(namespace));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskTheHealthPathsTheServiceAnswersOnItsManagementPort(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.workloads()) {
            JsonNode container = container(manifests, service);
            int port = managementPort(container, service);
            softly.assertThat(port).as(service + ": the management interface has a port of its own")
                    .isNotEqualTo(httpPort(container, service));
            softly.assertThat(namedPort(container, "management")).as(service + " container port \"management\"")
                    .hasValue(port);
            softly.assertThat(namedPort(container, "http")).as(service + " container port \"http\"")
                    .hasValue(httpPort(container, service));
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
        for (ServiceFacts service : ServiceFacts.workloads()) {
            for (String variable : environment(manifests, container(manifests, service))) {
                softly.assertThat(service.understandsEnvironmentVariable(variable))
                        .as("%s (%s): %s maps to no configuration key of the service", service, overlay, variable)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /**
     * Every service checks tokens against the overlay's identity provider. Without FUNNEL_OIDC_URL a pod would look
     * for the local stack's Keycloak on its own localhost and refuse every token; two providers in one overlay would
     * let a person in at one service and not at the next.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceTakesTokensFromTheOverlaysOneIdentityProvider(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        Set<String> providers = new TreeSet<>();
        Set<String> audiences = new TreeSet<>();
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.workloads()) {
            Map<String, String> environment = environmentValues(manifests, container(manifests, service));
            String url = environment.getOrDefault("FUNNEL_OIDC_URL", "");
            softly.assertThat(url).as("%s (%s) sets FUNNEL_OIDC_URL", service, overlay).isNotBlank();
            // The web app signs people in at that provider; the services check the tokens' audience.
            if (service.isWebApp()) {
                softly.assertThat(service.variablesReadByTheConfiguration()).as(service + "'s configuration reads")
                        .contains("FUNNEL_OIDC_URL");
            } else {
                softly.assertThat(service.variablesReadByTheConfiguration()).as(service + "'s configuration reads")
                        .contains("FUNNEL_OIDC_URL", "FUNNEL_OIDC_AUDIENCE");
                softly.assertThat(environment.getOrDefault("FUNNEL_OIDC_AUDIENCE", ""))
                        .as("%s (%s) sets FUNNEL_OIDC_AUDIENCE", service, overlay).isNotBlank();
                audiences.add(environment.get("FUNNEL_OIDC_AUDIENCE"));
            }
            if (url.isBlank()) {
                continue;
            }
            URI issuer = URI.create(url);
            // prod sends tokens and discovery over TLS only; dev may reach a provider inside the cluster in plain.
            softly.assertThat(issuer.getScheme()).as("%s (%s): %s", service, overlay, url)
                    .isIn("prod".equals(overlay) ? List.of("https") : List.of("https", "http"));
            softly.assertThat(issuer.getHost()).as("%s (%s): a pod's localhost has no identity provider", service,
                    overlay).isNotNull().isNotIn("localhost", "127.0.0.1", "[::1]", "0.0.0.0");
            providers.add(url);
        }
        softly.assertThat(providers).as(overlay + ": one identity provider for every service and the web app")
                .hasSize(1);
        softly.assertThat(audiences).as(overlay + ": one audience for every service").hasSize(1);
        softly.assertAll();
    }

    /** What deploy/README.md ("Sign-in") tells an operator to set for their provider means something to each. */
    @Test
    void theIdentityProviderSettingsTheReadmeOffersAreSettingsOfEveryService() {
        List<String> offered = List.of("FUNNEL_OIDC_URL", "FUNNEL_OIDC_AUDIENCE", "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH",
                "QUARKUS_OIDC_TOKEN_PRINCIPAL_CLAIM");
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        SoftAssertions softly = new SoftAssertions();
        for (String variable : offered) {
            softly.assertThat(readme).as("deploy/README.md explains " + variable).contains(variable);
            for (ServiceFacts service : ServiceFacts.all()) {
                softly.assertThat(service.understandsEnvironmentVariable(variable)).as(service + " " + variable)
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
        for (ServiceFacts service : ServiceFacts.workloads()) {
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
        for (ServiceFacts service : ServiceFacts.workloads()) {
            assertThat(container(manifests, service).path("image").asText()).as(service + " image")
                    .isEqualTo(prefix + service.name + ":" + tag);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesMonitorsAndBudgetsSelectTheirDeployment(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.workloads()) {
            JsonNode deployment = deployment(manifests, service);
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            JsonNode container = container(manifests, service);
            int httpPort = httpPort(container, service);
            int managementPort = managementPort(container, service);

            // The Service users reach carries the API alone: the management interface answers without a token.
            JsonNode api = resource(manifests, "Service", service.name).orElseThrow();
            softly.assertThat(matches(api.path("spec").path("selector"), podLabels))
                    .as(service + " Service selects its pods").isTrue();
            softly.assertThat(targetPorts(container, api)).as(service + " Service's target ports")
                    .containsExactly(httpPort);

            JsonNode management = resource(manifests, "Service", managementServiceName(service.name))
                    .orElseThrow(() -> new AssertionError("No Service " + managementServiceName(service.name)));
            softly.assertThat(matches(management.path("spec").path("selector"), podLabels))
                    .as(service + " management Service selects its pods").isTrue();
            softly.assertThat(targetPorts(container, management)).as(service + " management Service's target ports")
                    .containsExactly(managementPort);

            JsonNode budget = resource(manifests, "PodDisruptionBudget", service.name).orElseThrow();
            softly.assertThat(matches(budget.path("spec").path("selector").path("matchLabels"), podLabels))
                    .as(service + " PodDisruptionBudget selects its pods").isTrue();

            JsonNode monitor = resource(manifests, "ServiceMonitor", service.name).orElseThrow();
            JsonNode monitored = monitor.path("spec").path("selector").path("matchLabels");
            softly.assertThat(matches(monitored, management.path("metadata").path("labels")))
                    .as(service + " ServiceMonitor selects the management Service").isTrue();
            softly.assertThat(matches(monitored, api.path("metadata").path("labels")))
                    .as(service + " ServiceMonitor leaves the API's Service alone").isFalse();
            JsonNode endpoints = monitor.path("spec").path("endpoints");
            softly.assertThat(endpoints).as(service + " ServiceMonitor endpoints").hasSize(1);
            JsonNode endpoint = endpoints.path(0);
            softly.assertThat(servicePort(container, management, endpoint.path("port").asText()))
                    .as(service + " ServiceMonitor scrapes the management Service's port \""
                            + endpoint.path("port").asText() + "\"")
                    .hasValue(managementPort);
            softly.assertThat(endpoint.path("path").asText()).as(service + " metrics path").isEqualTo("/q/metrics");
            // The alerts and dashboards group by job: it must stay the service's name, not the Service's.
            softly.assertThat(management.path("metadata").path("labels").path(monitor.path("spec").path("jobLabel")
                    .asText()).asText()).as(service + " job label of its series").isEqualTo(service.name);
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
        for (ServiceFacts service : ServiceFacts.workloads()) {
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
        return new ArrayList<>(environmentValues(manifests, container).keySet());
    }

    /**
     * The container's environment as the kubelet builds it: the ConfigMaps it loads, then its env entries, which
     * win (a ConfigMap's key, resolved); a variable from a Secret has the value "" here.
     */
    static Map<String, String> environmentValues(List<JsonNode> manifests, JsonNode container) {
        Map<String, String> values = new LinkedHashMap<>();
        container.path("envFrom").forEach(source -> {
            String configMap = source.path("configMapRef").path("name").asText();
            assertThat(configMap).as("envFrom names a ConfigMap of the manifests (Secrets are named key by key)")
                    .isNotEmpty();
            JsonNode data = resource(manifests, "ConfigMap", configMap)
                    .orElseThrow(() -> new AssertionError("No ConfigMap " + configMap)).path("data");
            data.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        });
        container.path("env").forEach(variable -> {
            JsonNode fromConfigMap = variable.path("valueFrom").path("configMapKeyRef");
            String value = variable.path("value").asText();
            if (!fromConfigMap.isMissingNode()) {
                JsonNode configMap = resource(manifests, "ConfigMap", fromConfigMap.path("name").asText())
                        .orElseThrow(() -> new AssertionError("No ConfigMap " + fromConfigMap.path("name").asText()));
                assertThat(configMap.path("data").has(fromConfigMap.path("key").asText()))
                        .as(variable.path("name").asText() + " reads " + fromConfigMap).isTrue();
                value = configMap.path("data").path(fromConfigMap.path("key").asText()).asText();
            }
            values.put(variable.path("name").asText(), value);
        });
        return values;
    }

    /** The port the API listens on: QUARKUS_HTTP_PORT when the Deployment sets it, else its properties. */
    private static int httpPort(JsonNode container, ServiceFacts service) {
        String port = literalEnvironment(container).get("QUARKUS_HTTP_PORT");
        return port == null || port.isEmpty() ? service.httpPort() : Integer.parseInt(port);
    }

    /** Where health, metrics and OpenAPI answer: QUARKUS_MANAGEMENT_PORT when set, else its properties. */
    private static int managementPort(JsonNode container, ServiceFacts service) {
        String port = literalEnvironment(container).get("QUARKUS_MANAGEMENT_PORT");
        return port == null || port.isEmpty() ? service.managementPort() : Integer.parseInt(port);
    }

    static String managementServiceName(String service) {
        return service + "-management";
    }

    private static Map<String, String> literalEnvironment(JsonNode container) {
        Map<String, String> values = new TreeMap<>();
        container.path("env").forEach(variable -> values.put(variable.path("name").asText(),
                variable.path("value").asText()));
        return values;
    }

    private static Optional<Integer> namedPort(JsonNode container, String name) {
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(declared -> name.equals(declared.path("name").asText()))
                .map(declared -> declared.path("containerPort").asInt()).findFirst();
    }

    /** The container ports a Service sends to, resolved from its target ports (numbers or the pod's names). */
    private static List<Integer> targetPorts(JsonNode container, JsonNode kubeService) {
        List<Integer> ports = new ArrayList<>();
        kubeService.path("spec").path("ports").forEach(port -> ports.add(containerPort(container,
                port.path("targetPort").isMissingNode() ? port.path("port") : port.path("targetPort"))));
        return ports;
    }

    /** The container port behind a Service's port of that name, as a ServiceMonitor endpoint names it. */
    private static Optional<Integer> servicePort(JsonNode container, JsonNode kubeService, String name) {
        return StreamSupport.stream(kubeService.path("spec").path("ports").spliterator(), false)
                .filter(port -> name.equals(port.path("name").asText()))
                .map(port -> containerPort(container,
                        port.path("targetPort").isMissingNode() ? port.path("port") : port.path("targetPort")))
                .findFirst();
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
