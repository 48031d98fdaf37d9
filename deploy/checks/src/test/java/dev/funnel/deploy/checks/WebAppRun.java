package dev.funnel.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged web app ({@code web-app/target/quarkus-app/quarkus-run.jar}) run as its Deployment runs it: the
 * environment of {@code deploy/k8s/base/web-app} (its settings ConfigMap and its env entries, the Secret's keys
 * filled with random values, the identity provider a {@link StubIdentityProvider}), on free ports. Three replicas,
 * once per test JVM: {@code a} and {@code b} share one Secret {@code web-app-keys}, as the pods of the Deployment
 * do; {@code c} has the same client secret and CSRF key but session and state keys of its own, as a pod would that
 * did not get them. Once they are up, replica a's health paths and its /q/metrics (after a few requests) are
 * written to {@code deploy/checks/target/web-app-run/} (the metrics also in the classic text format, as
 * {@code web-app.text.prom}), where {@link ServiceFacts} reads them as a service's
 * OperationsCaptureTest output.
 */
final class WebAppRun {

    static final Path DIRECTORY = Repository.deploy().resolve("checks/target/web-app-run");
    private static final Path JAR = Repository.root().resolve("web-app/target/quarkus-app/quarkus-run.jar");
    private static final Path BASE = Repository.deploy().resolve("k8s/base/web-app");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static WebAppRun running;

    final StubIdentityProvider identityProvider;
    final Replica a;
    final Replica b;
    final Replica c;
    /** The Deployment's environment as replica a got it, ports aside. */
    final Map<String, String> environment;

    private WebAppRun() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package web-app first (the reactor does so with "
                    + "-pl deploy/checks -am)");
        }
        Files.createDirectories(DIRECTORY);
        identityProvider = new StubIdentityProvider();
        Map<String, String> keys = randomKeys();
        Map<String, String> otherKeys = new LinkedHashMap<>(randomKeys());
        otherKeys.put("client-secret", keys.get("client-secret"));
        otherKeys.put("csrf-signature-key", keys.get("csrf-signature-key"));
        environment = deploymentEnvironment(keys);
        a = Replica.start("a", environment);
        b = Replica.start("b", deploymentEnvironment(keys));
        c = Replica.start("c", deploymentEnvironment(otherKeys));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        for (Replica replica : List.of(a, b, c)) {
            replica.awaitReady();
        }
        captureOperations();
    }

    /** The running web app; started by the first caller. */
    static synchronized WebAppRun get() {
        if (running == null) {
            try {
                running = new WebAppRun();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not run the web app", e);
            }
        }
        return running;
    }

    /** The directory with web-app.prom and web-app.health, written once the web app ran. */
    static Path capture() {
        get();
        return DIRECTORY;
    }

    /** The Secret web-app-keys as an operator makes it (deploy/README.md): its keys, random, 32 bytes each. */
    static Map<String, String> randomKeys() {
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : List.of("client-secret", "csrf-signature-key", "session-encryption-key", "state-secret")) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            keys.put(key, Base64.getEncoder().encodeToString(bytes));
        }
        return keys;
    }

    /**
     * The container's environment from the base's files: settings.env, then the Deployment's env entries, with
     * web-app-keys from {@code keys} and the identity provider's URL from the stub.
     */
    private Map<String, String> deploymentEnvironment(Map<String, String> keys) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : Repository.read(BASE.resolve("settings.env")).lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("=", 2);
                environment.put(parts[0].trim(), parts[1].trim());
            }
        }
        JsonNode deployment = Kustomize.parse(Repository.read(BASE.resolve("deployment.yaml"))).get(0);
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            JsonNode configMap = variable.path("valueFrom").path("configMapKeyRef");
            if (!secret.isMissingNode()) {
                if (!"web-app-keys".equals(secret.path("name").asText())
                        || !keys.containsKey(secret.path("key").asText())) {
                    throw new IllegalStateException(name + " reads " + secret + ", not a key of web-app-keys");
                }
                environment.put(name, keys.get(secret.path("key").asText()));
            } else if (!configMap.isMissingNode()) {
                if (!"FUNNEL_OIDC_URL".equals(configMap.path("key").asText())) {
                    throw new IllegalStateException(name + " reads " + configMap + ": unknown here");
                }
                environment.put(name, identityProvider.issuer());
            } else {
                environment.put(name, variable.path("value").asText());
            }
        }
        return environment;
    }

    private void captureOperations() throws Exception {
        List<String> up = new ArrayList<>();
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
            HttpResponse<String> health = a.management(path);
            if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                up.add(path);
            }
        }
        // A public page and a page that sends the person to sign in, so the request metrics exist.
        a.get("/signed-out", Map.of());
        a.get("/today", Map.of());
        Files.writeString(DIRECTORY.resolve("web-app.prom"), a.management("/q/metrics").body());
        Files.writeString(DIRECTORY.resolve("web-app.text.prom"), a.scrapeInTextFormat());
        Files.write(DIRECTORY.resolve("web-app.health"), up);
    }

    private void stop() {
        for (Replica replica : new Replica[] {a, b, c}) {
            if (replica != null) {
                replica.process.destroy();
            }
        }
        identityProvider.close();
    }

    /** One web app process, as one pod. */
    static final class Replica {

        final String name;
        final int httpPort;
        final int managementPort;
        final Process process;
        final Path log;

        private Replica(String name, int httpPort, int managementPort, Process process, Path log) {
            this.name = name;
            this.httpPort = httpPort;
            this.managementPort = managementPort;
            this.process = process;
            this.log = log;
        }

        static Replica start(String name, Map<String, String> environment) throws IOException {
            int httpPort = freePort();
            int managementPort = freePort();
            Path log = DIRECTORY.resolve("web-app-" + name + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toString())
                    .directory(DIRECTORY.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("FUNNEL_"));
            builder.environment().putAll(environment);
            // The pod's ports are the image's defaults; here two replicas share a machine.
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            return new Replica(name, httpPort, managementPort, builder.start(), log);
        }

        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("web app " + name + " ended: " + Repository.read(log));
                }
                try {
                    if (management("/q/health/ready").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("web app " + name + " not ready in 2 minutes: " + Repository.read(log));
        }

        HttpResponse<String> management(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Its /q/metrics in the classic text format, which promtool checks (see {@link MetricsLintTest}). */
        String scrapeInTextFormat() throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/metrics"))
                    .header("Accept", MetricsLintTest.TEXT_FORMAT).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        /** A request as the Ingress forwards it, or, without headers, straight to the pod. */
        HttpResponse<String> get(String pathAndQuery, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + pathAndQuery)).timeout(Duration.ofSeconds(20));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public String toString() {
            return "web app " + name;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
