package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();

    @TempDir
    Path data;

    @Test
    void dataSurvivesAStopAndAStartOnTheSameDirectory() throws Exception {
        StackSettings settings = withActivityServiceOnly(settingsOnFreePorts(data, List.of()));
        String slug = "kept-" + System.nanoTime() % 100_000;

        try (LocalStack stack = LocalStack.start(settings, quiet())) {
            String activity = stack.urls().get("activity-service");
            assertThat(post(activity + "/techniques",
                    "{\"slug\":\"" + slug + "\",\"name\":\"Kept\",\"cadence\":\"DAILY\"}", marketer(stack)))
                    .isEqualTo(201);
        }
        assertThat(runningChildProcesses()).isEmpty();

        try (LocalStack stack = LocalStack.start(settings, quiet())) {
            assertThat(get(stack.urls().get("activity-service") + "/techniques/" + slug, marketer(stack))
                    .statusCode()).isEqualTo(200);
        }
    }

    /**
     * With FUNNEL_OIDC_URL given (here the tests' own Keycloak), no Keycloak is started and every service is told
     * that issuer; health answers on the management port, and no longer on the API's.
     */
    @Test
    void servicesTrustTheGivenIssuerAndAnswerHealthOnTheirManagementPort() throws Exception {
        StackSettings settings = withServices(settingsOnFreePorts(data, List.of()), 2);

        try (LocalStack stack = LocalStack.start(settings, quiet())) {
            assertThat(Files.exists(settings.keycloakDirectory())).as("no Keycloak installed").isFalse();
            assertThatThrownBy(stack::keycloakStatus).hasMessageContaining("started no Keycloak");
            for (ServiceSpec spec : settings.services()) {
                long pid = stack.status(spec.name()).pid();
                assertThat(environmentOf(pid)).as(spec.name())
                        .contains("FUNNEL_OIDC_URL=" + TestKeycloak.issuer(),
                                "QUARKUS_MANAGEMENT_PORT=" + spec.managementPort());
                assertThat(get(spec.managementUrl() + "/q/health/ready", null).statusCode()).isEqualTo(200);
                assertThat(get(spec.baseUrl() + "/q/health/ready", null).statusCode()).as("not on the API port")
                        .isEqualTo(404);
            }
        }
    }

    /**
     * The web app starts after the services and is told where they are, which issuer to trust and the secret of
     * its client; it owns no database and uses no Kafka, so it is told neither. Where to sign in is what the
     * launcher prints first once everything is up; the web app stops with the rest.
     */
    @Test
    void theWebAppGetsTheServicesTheIssuerAndItsSecretButNoDatabaseNorKafkaAndIsAnnouncedFirst() throws Exception {
        StackSettings all = settingsOnFreePorts(data, List.of());
        StackSettings settings = all.withServices(all.services().subList(0, 2));
        ServiceSpec webApp = settings.webApp().orElseThrow();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        try (LocalStack stack = LocalStack.start(settings, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            List<String> environment = environmentOf(stack.status("web-app").pid());
            assertThat(environment).contains("QUARKUS_HTTP_PORT=" + webApp.port(),
                    "QUARKUS_MANAGEMENT_PORT=" + webApp.managementPort(),
                    "FUNNEL_OIDC_URL=" + TestKeycloak.issuer(),
                    "FUNNEL_WEB_CLIENT_SECRET=" + LocalRealm.read().webClientSecret(),
                    "FUNNEL_ACTIVITY_URL=" + stack.urls().get("activity-service"),
                    "FUNNEL_PROSPECT_URL=" + stack.urls().get("prospect-service"));
            assertThat(environment).noneMatch(variable -> variable.startsWith("QUARKUS_DATASOURCE_")
                    || variable.startsWith("KAFKA_"));
            assertThat(stack.webAppUrl()).isEqualTo(webApp.baseUrl());
            assertThat(get(webApp.managementUrl() + "/q/health/ready", null).statusCode()).isEqualTo(200);
            HttpResponse<String> page = get(stack.webAppUrl() + "/playbook", null);
            assertThat(page.statusCode()).as("no session: off to sign in").isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow())
                    .startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth");

            List<String> printed = console.toString(StandardCharsets.UTF_8).lines().toList();
            int table = printed.indexOf(printed.stream().filter(line -> line.startsWith("service ")).findFirst()
                    .orElseThrow());
            List<String> summary = printed.subList(printed.indexOf("") + 1, table);
            assertThat(summary.get(0)).isEqualTo(LocalRealm.read().webAppSignIn(webApp.baseUrl()));
            assertThat(printed.subList(0, printed.indexOf(""))).last().asString()
                    .startsWith("web-app: starting on port " + webApp.port());
        }
        assertThat(runningChildProcesses()).isEmpty();
        assertThat(isFree(webApp.port())).as("web app stopped").isTrue();
    }

    @Test
    void aTakenPortIsRefusedWithAOneLineReasonAndNothingIsLeftRunning() throws Exception {
        StackSettings settings = withActivityServiceOnly(settingsOnFreePorts(data, List.of()));
        int activityPort = settings.services().get(0).port();

        try (ServerSocket taken = new ServerSocket(activityPort)) {
            assertThatThrownBy(() -> LocalStack.start(settings, quiet()))
                    .hasMessageContaining("already in use: activity-service port " + activityPort);
        }
        assertThat(runningChildProcesses()).isEmpty();
    }

    @Test
    void aMissingJarIsRefusedBeforeAnythingStarts() throws Exception {
        StackSettings settings = withActivityServiceOnly(settingsOnFreePorts(data, List.of()));
        StackSettings elsewhere = settings.withHome(data.resolve("no-code-here"));

        assertThatThrownBy(() -> LocalStack.start(elsewhere, quiet()))
                .hasMessageContaining("activity-service is not built");
        assertThat(Files.exists(data.resolve(".funnel-local"))).isFalse();
    }

    @Test
    void aServiceThatDiesAtStartIsNamedAndEverythingElseIsStopped() throws Exception {
        StackSettings settings = withActivityServiceOnly(settingsOnFreePorts(data, List.of()));
        Path home = data.resolve("broken-build");
        Path jar = settings.services().get(0).jar(home);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        StackSettings broken = settings.withHome(home);

        assertThatThrownBy(() -> LocalStack.start(broken, quiet()))
                .hasMessageContaining("activity-service exited with code 1");
        assertThat(runningChildProcesses()).isEmpty();
        assertThat(isFree(settings.kafkaPort())).as("Kafka stopped").isTrue();
        assertThat(isFree(settings.postgresPort())).as("PostgreSQL stopped").isTrue();
    }

    @Test
    void anExternalDatabaseServerIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        StackSettings embedded = withActivityServiceOnly(settingsOnFreePorts(data, List.of()));
        int ownServerPort = distinctFreePorts(1).get(0);
        try (EmbeddedPostgres ownServer = EmbeddedPostgres.builder().setPort(ownServerPort)
                .setDataDirectory(data.resolve("own-server")).setCleanDataDirectory(true).start()) {
            String url = "jdbc:postgresql://localhost:" + ownServerPort + "/postgres";
            StackSettings settings = embedded.withExternalDatabase(
                    new StackSettings.ExternalDatabase(url, "postgres", "postgres"));

            try (LocalStack stack = LocalStack.start(settings, quiet())) {
                assertThat(post(stack.urls().get("activity-service") + "/techniques",
                        "{\"slug\":\"own-server\",\"name\":\"Own\",\"cadence\":\"DAILY\"}", marketer(stack)))
                        .isEqualTo(201);
            }
            try (Connection activity = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + ownServerPort + "/activity", "postgres", "postgres");
                    ResultSet stored = activity.createStatement().executeQuery(
                            "select count(*) from technique where slug = 'own-server'")) {
                stored.next();
                assertThat(stored.getLong(1)).isEqualTo(1);
            }
            assertThat(Files.exists(settings.postgresDirectory())).as("no embedded server started").isFalse();
        }
    }

    @Test
    void resetStartsFromEmptyData() throws Exception {
        StackSettings settings = withActivityServiceOnly(settingsOnFreePorts(data, List.of()));
        try (LocalStack stack = LocalStack.start(settings, quiet())) {
            post(stack.urls().get("activity-service") + "/techniques",
                    "{\"slug\":\"gone\",\"name\":\"Gone\",\"cadence\":\"DAILY\"}", marketer(stack));
        }

        StackSettings reset = withActivityServiceOnly(settingsOnFreePorts(data, List.of("--reset")));
        try (LocalStack stack = LocalStack.start(reset, quiet())) {
            assertThat(get(stack.urls().get("activity-service") + "/techniques/gone", marketer(stack)).statusCode())
                    .isEqualTo(404);
        }
    }

    static StackSettings settingsOnFreePorts(Path data) throws IOException, InterruptedException {
        return settingsOnFreePorts(data, List.of());
    }

    /** Every part on a port of its own, trusting the tests' one Keycloak ({@link TestKeycloak}). */
    static StackSettings settingsOnFreePorts(Path data, List<String> extraArgs)
            throws IOException, InterruptedException {
        return StackSettings.parse(portArguments(data, extraArgs), Map.of("FUNNEL_OIDC_URL", TestKeycloak.issuer()),
                HOME);
    }

    /** As the user's ./run-local: the launcher starts its own Keycloak (on a free port, under {@code data}). */
    static StackSettings settingsWithOwnKeycloak(Path data) throws IOException {
        return StackSettings.parse(portArguments(data, List.of()), Map.of(), HOME);
    }

    static final List<String> PORT_NAMES = List.of("kafka", "kafka-controller", "postgres", "keycloak", "activity",
            "prospect", "objection", "analytics", "activity-management", "prospect-management",
            "objection-management", "analytics-management", "web", "web-management");

    /** Ports set aside for a part started later (the test Keycloak's web app port): never handed out here. */
    private static final Set<Integer> RESERVED = ConcurrentHashMap.newKeySet();

    /** {@code --data-dir} and a distinct free port for every part. */
    static String[] portArguments(Path data, List<String> extraArgs) throws IOException {
        List<String> args = new ArrayList<>(extraArgs);
        args.add("--data-dir=" + data.resolve(".funnel-local"));
        List<Integer> ports = distinctFreePorts(PORT_NAMES.size());
        for (int i = 0; i < PORT_NAMES.size(); i++) {
            args.add("--" + PORT_NAMES.get(i) + "-port=" + ports.get(i));
        }
        return args.toArray(String[]::new);
    }

    /**
     * The launcher's own behaviour (ports, jars, data directory, order of stopping) does not depend on which
     * services it runs: these tests run one, to stay fast. The end-to-end test runs them all.
     */
    private static StackSettings withActivityServiceOnly(StackSettings settings) {
        return withServices(settings, 1);
    }

    /** The first {@code count} services in start order, without the web app. */
    static StackSettings withServices(StackSettings settings, int count) {
        return settings.withServices(settings.services().subList(0, count)).withoutWebApp();
    }

    /** Keeps {@link #distinctFreePorts} from choosing the port, for a part that binds it later. */
    static void reserve(int port) {
        RESERVED.add(port);
    }

    /**
     * Ports the stack binds only later, one part after another, so they are taken from below the kernel's
     * ephemeral range: a port the kernel handed out for {@code new ServerSocket(0)} may be handed out again,
     * to a test server or an outgoing connection elsewhere on the machine, before the stack binds it. The
     * kernel never hands out a port below that range on its own, so only something started with a fixed
     * port could take one of these in between.
     */
    static List<Integer> distinctFreePorts(int count) throws IOException {
        int below = ephemeralRangeStart();
        Random random = new Random();
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            int port = below - 1 - random.nextInt(Math.min(12_000, below - 1025));
            if (!chosen.contains(port) && !RESERVED.contains(port) && isFree(port)) {
                chosen.add(port);
            }
        }
        return List.copyOf(chosen);
    }

    static int ephemeralRangeStart() throws IOException {
        int linuxDefault = 32_768; // elsewhere any start above the ports chosen here is as good
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (!Files.isReadable(range)) {
            return linuxDefault;
        }
        // Read as lines: /proc reports a size of 0, and Files.readString then returns the first byte only.
        int start = Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
        return start > 13_025 ? start : linuxDefault;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Processes the stacks started that are still alive (PostgreSQL daemonizes itself, so it is not among them;
     * the tests' own Keycloak outlives every stack, so it does not count).
     */
    static List<ProcessHandle> runningChildProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !TestKeycloak.owns(process) && !WebAppStack.owns(process)).toList();
    }

    /** The environment a process was started with, one {@code NAME=value} each (Linux's /proc). */
    static List<String> environmentOf(long pid) throws IOException {
        return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8).split("\0"));
    }

    /** A token of the realm's marketer, from the stack's identity provider. */
    static String marketer(LocalStack stack) throws Exception {
        return stack.tokens().token(DemoStory.MARKETER);
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** POSTs JSON with the bearer token, if one is given. */
    static int post(String url, String json, String token) throws Exception {
        return HTTP.send(withToken(HttpRequest.newBuilder(URI.create(url)), token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** GETs with the bearer token, if one is given ({@code null}: no Authorization header at all). */
    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(withToken(HttpRequest.newBuilder(URI.create(url)), token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
