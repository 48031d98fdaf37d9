package dev.funnel.deploy.checks;

import static dev.funnel.deploy.checks.Kustomize.render;
import static dev.funnel.deploy.checks.Kustomize.resource;
import static dev.funnel.deploy.checks.Kustomize.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The web app as deploy/k8s runs it: the real packaged web app with the Deployment's environment, behind an Ingress
 * (the forwarded headers a controller sends), signing in through an OpenID provider ({@link WebAppRun}); and the
 * manifests that wire it to the services, the identity provider, its Secret and its Ingress.
 */
class WebAppTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** The four keys of the Secret web-app-keys, each with the variable the web app reads it as. */
    static final Map<String, String> KEYS = Map.of(
            "client-secret", "FUNNEL_WEB_CLIENT_SECRET",
            "csrf-signature-key", "FUNNEL_WEB_CSRF_KEY",
            "session-encryption-key", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
            "state-secret", "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET");

    private static final String HOST = ingressHost(Kustomize.parse(Repository.read(
            Repository.deploy().resolve("k8s/base/web-app/ingress.yaml"))).get(0));
    /** What an ingress controller (ingress-nginx and most others) adds to a request it passes on. */
    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", HOST, "X-Forwarded-For", "203.0.113.7");

    @Test
    void behindTheIngressSignInSendsTheProviderBackToTheIngressHostOverHttps() throws Exception {
        WebAppRun run = WebAppRun.get();

        HttpResponse<String> page = run.a.get("/today", FORWARDED);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(run.identityProvider.issuer() + "/auth?");
        // The redirect URI the provider must have registered for the client, and sends the browser back to.
        assertThat(query(location).get("redirect_uri")).isEqualTo("https://" + HOST + "/today");
        assertThat(query(location).get("code_challenge_method")).isEqualTo("S256");
        // The sign-in state cookie only ever travels over HTTPS, though the pod speaks plain HTTP.
        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    }

    @Test
    void withoutTheIngressHeadersThePodWouldNameItselfWhichTheProviderWouldRefuse() throws Exception {
        WebAppRun run = WebAppRun.get();

        HttpResponse<String> page = run.a.get("/today", Map.of());

        assertThat(query(page.headers().firstValue("Location").orElseThrow()).get("redirect_uri"))
                .isEqualTo("http://127.0.0.1:" + run.a.httpPort + "/today");
    }

    @Test
    void aSignInStartedOnOneReplicaEndsOnTheOtherAndEitherReadsTheSession() throws Exception {
        WebAppRun run = WebAppRun.get();

        Map<String, String> session = signIn(run, run.a, run.b);

        // The provider got the code back with the Ingress' address, as the redirect named it.
        assertThat(run.identityProvider.tokenRequests()).last()
                .satisfies(form -> assertThat(form.get("redirect_uri")).isEqualTo("https://" + HOST + "/today"));
        // Replica a reads the session b made: the person is signed in and sent to their first page.
        HttpResponse<String> home = run.a.get("/", withCookies(session));
        assertThat(home.statusCode()).as(home.body()).isBetween(300, 399);
        assertThat(home.headers().firstValue("Location").orElseThrow())
                .doesNotStartWith(run.identityProvider.issuer()).contains(HOST);
    }

    @Test
    void aReplicaWithoutTheSharedKeysReadsNeitherTheSignInStateNorTheSession() throws Exception {
        WebAppRun run = WebAppRun.get();

        // The provider's answer to a sign-in that replica a began, reaching c: its state cookie means nothing there.
        Map<String, String> state = new LinkedHashMap<>();
        HttpResponse<String> begun = run.a.get("/today", FORWARDED);
        cookies(begun, state);
        String stateParameter = query(begun.headers().firstValue("Location").orElseThrow()).get("state");
        int before = run.identityProvider.tokenRequests().size();
        HttpResponse<String> answer = run.c.get("/today?code=stub-code&state=" + stateParameter,
                withCookies(state));
        assertThat(answer.headers().allValues("Set-Cookie")).as("cookies c set")
                .extracting(cookie -> cookie.split("=", 2)[0]).doesNotContain("q_session");
        assertThat(run.identityProvider.tokenRequests()).as("c asked for no token").hasSize(before);

        // A session made by b, at c: not readable, so c sends the person to sign in again.
        Map<String, String> session = signIn(run, run.a, run.b);
        HttpResponse<String> home = run.c.get("/", withCookies(session));
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow())
                .startsWith(run.identityProvider.issuer() + "/auth?");
    }

    @Test
    void theWebAppRunsAsTheDeploymentSaysWithTheClusterKeysItNeeds() {
        WebAppRun run = WebAppRun.get();
        // Every key of the Secret reaches the web app, and every Quarkus key the cluster sets is one the base sets.
        assertThat(run.environment).containsKeys(KEYS.values().toArray(String[]::new));
        assertThat(run.environment.keySet().stream().filter(name -> name.startsWith("QUARKUS_")))
                .containsExactlyInAnyOrderElementsOf(Repository.WEB_APP_CLUSTER_KEYS.keySet().stream()
                        .map(ServiceFacts::environmentName).toList());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theDeploymentTakesItsKeysFromWebAppKeysAndTheServicesProvider(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        JsonNode container = WorkloadsTest.container(manifests, ServiceFacts.of(Repository.WEB_APP));
        Map<String, String> fromSecret = new TreeMap<>();
        Map<String, String> fromConfigMap = new TreeMap<>();
        container.path("env").forEach(variable -> {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                assertThat(secret.path("name").asText()).as(variable.path("name").asText()).isEqualTo("web-app-keys");
                fromSecret.put(secret.path("key").asText(), variable.path("name").asText());
            }
            JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
            if (!configMap.isMissingNode()) {
                fromConfigMap.put(variable.path("name").asText(), configMap.path("name").asText());
            }
        });
        assertThat(fromSecret).isEqualTo(new TreeMap<>(KEYS));
        // The one provider of the overlay, from the very ConfigMap the services load.
        String providerConfigMap = fromConfigMap.get("FUNNEL_OIDC_URL");
        assertThat(providerConfigMap).startsWith("funnel-identity-provider");
        for (ServiceFacts service : ServiceFacts.all()) {
            assertThat(texts(WorkloadsTest.container(manifests, service).path("envFrom"), "configMapRef"))
                    .as(service + " loads the same provider").contains(providerConfigMap);
        }
    }

    /** The prod overlay's Kafka CA mount and the services' Kafka and database settings are the services' alone. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theWebAppGetsNoKafkaNoDatabaseAndOnlyItsScratchVolume(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        ServiceFacts webApp = ServiceFacts.of(Repository.WEB_APP);
        JsonNode pod = WorkloadsTest.deployment(manifests, webApp).path("spec").path("template").path("spec");
        assertThat(WorkloadsTest.environment(manifests, WorkloadsTest.container(manifests, webApp)))
                .noneMatch(name -> name.startsWith("KAFKA_") || name.startsWith("QUARKUS_DATASOURCE_"));
        assertThat(pod.path("volumes")).hasSize(1);
        assertThat(pod.path("volumes").path(0).has("emptyDir")).as("/tmp only").isTrue();
    }

    /** quarkus.rest-client.<key>.url of each service: its Service in the namespace, on the port of its API. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theWebAppCallsEachServiceThroughItsServiceOnItsApiPort(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        Map<String, String> environment = WorkloadsTest.environmentValues(manifests,
                WorkloadsTest.container(manifests, ServiceFacts.of(Repository.WEB_APP)));
        SoftAssertions softly = new SoftAssertions();
        for (ServiceFacts service : ServiceFacts.all()) {
            String variable = "FUNNEL_" + service.name.replace("-service", "").toUpperCase() + "_URL";
            URI url = URI.create(environment.getOrDefault(variable, "missing:" + variable));
            softly.assertThat(url.getScheme()).as(variable).isEqualTo("http");
            softly.assertThat(url.getHost()).as(variable).isEqualTo(service.name);
            JsonNode api = resource(manifests, "Service", service.name).orElseThrow();
            softly.assertThat(url.getPort()).as(variable + ": the port of the Service " + service.name)
                    .isEqualTo(api.path("spec").path("ports").path(0).path("port").asInt())
                    .isEqualTo(service.httpPort());
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressServesThePagesOverTlsOnItsHostAndNothingElse(String overlay) {
        List<JsonNode> manifests = render(Kustomize.overlay(overlay));
        assertThat(resources(manifests, "Ingress")).extracting(Kustomize::name).containsExactly("web-app");
        JsonNode ingress = resource(manifests, "Ingress", "web-app").orElseThrow();
        JsonNode rules = ingress.path("spec").path("rules");
        assertThat(rules).hasSize(1);
        String host = ingressHost(ingress);
        assertThat(host).as("a host name").matches("[a-z0-9.-]+\\.[a-z]+");
        assertThat(texts(ingress.path("spec").path("tls").path(0).path("hosts"), null)).containsExactly(host);
        assertThat(ingress.path("spec").path("tls").path(0).path("secretName").asText()).isEqualTo("web-app-tls");
        JsonNode paths = rules.path(0).path("http").path("paths");
        assertThat(paths).hasSize(1);
        assertThat(paths.path(0).path("path").asText()).isEqualTo("/");
        JsonNode backend = paths.path(0).path("backend").path("service");
        assertThat(backend.path("name").asText()).as("people reach the pages, never the management interface")
                .isEqualTo("web-app");
        JsonNode service = resource(manifests, "Service", "web-app").orElseThrow();
        JsonNode port = StreamSupport.stream(service.path("spec").path("ports").spliterator(), false)
                .filter(candidate -> backend.path("port").path("name").asText().equals(candidate.path("name").asText())
                        || backend.path("port").path("number").asInt() == candidate.path("port").asInt())
                .findFirst().orElseThrow(() -> new AssertionError("The Ingress names no port of the Service"));
        assertThat(port.path("targetPort").asText()).isEqualTo("http");
        assertThat(port.path("port").asInt()).isEqualTo(ServiceFacts.of(Repository.WEB_APP).httpPort());
    }

    @Test
    void eachEnvironmentHasAnIngressHostOfItsOwn() {
        List<String> hosts = OVERLAYS.stream()
                .map(overlay -> ingressHost(resource(render(Kustomize.overlay(overlay)), "Ingress", "web-app")
                        .orElseThrow())).toList();
        assertThat(hosts).doesNotHaveDuplicates();
    }

    /** The browser's sign-in: the page on {@code begin}, the provider, and its answer reaching {@code end}. */
    private static Map<String, String> signIn(WebAppRun run, WebAppRun.Replica begin, WebAppRun.Replica end)
            throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> page = begin.get("/today", FORWARDED);
        cookies(page, cookies);
        Map<String, String> authorize = query(page.headers().firstValue("Location").orElseThrow());
        URI back = URI.create(authorize.get("redirect_uri"));
        // The provider signed the person in and sends the browser back with a code and the state it got.
        HttpResponse<String> answer = end.get(back.getRawPath() + "?code=stub-code&state=" + authorize.get("state"),
                withCookies(cookies));
        assertThat(answer.statusCode()).as(end + " took the answer to a sign-in " + begin + " began: "
                + answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).isEqualTo("https://" + HOST + "/today");
        List<String> sessionCookies = answer.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("q_session")).toList();
        assertThat(sessionCookies).as("the session cookie").isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        cookies(answer, cookies);
        return cookies;
    }

    private static void cookies(HttpResponse<String> response, Map<String, String> into) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            String[] parts = pair.split("=", 2);
            if (parts.length < 2 || parts[1].isEmpty() || header.toLowerCase().contains("max-age=0")) {
                into.remove(parts[0]);
            } else {
                into.put(parts[0], parts[1]);
            }
        }
    }

    private static Map<String, String> withCookies(Map<String, String> cookies) {
        Map<String, String> headers = new LinkedHashMap<>(FORWARDED);
        headers.put("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
        return headers;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String ingressHost(JsonNode ingress) {
        return ingress.path("spec").path("rules").path(0).path("host").asText();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(item -> field == null ? item.asText() : item.path(field).path("name").asText()).toList();
    }
}
