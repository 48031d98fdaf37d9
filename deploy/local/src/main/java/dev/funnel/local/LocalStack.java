package dev.funnel.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: an identity provider (Keycloak, unless {@code FUNNEL_OIDC_URL} names
 * another), a Kafka broker, a PostgreSQL server, the four services and the web app as processes. {@link #start}
 * brings everything up in order and waits for every process to be ready; {@link #close} stops the web app and the
 * services, then the broker, the database and Keycloak. Anything that fails to start stops what was already
 * started. Once everything is up, a service (or the web app, or Keycloak) that exits on its own is restarted as its
 * {@link RestartPolicy} says, and given up on when it keeps dying (see {@link SupervisedService}).
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Its first start builds the server (augmentation) before it starts: a minute or two on a busy machine. */
    private static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofSeconds(360);

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, SupervisedService> services = new LinkedHashMap<>();
    private final PrintStream out;
    private final RestartPolicy restartPolicy;
    private LocalDatabase database;
    private LocalKafkaBroker kafka;
    private SupervisedService keycloak;
    private long keycloakStarted;
    private LocalRealm realm;
    private AccessTokens tokens;

    private LocalStack(StackSettings settings, PrintStream out, RestartPolicy restartPolicy) {
        this.settings = settings;
        this.out = out;
        this.restartPolicy = restartPolicy;
    }

    static final String STOPPING = "Stopping: the web app and the services, then Kafka, then PostgreSQL, then Keycloak"
            + " ...";

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(Usage.TEXT);
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.parse(args, System.getenv(), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println("funnel-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings, System.out, RestartPolicy.DEFAULT);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts: Ctrl-C during startup must stop what already runs, too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(STOPPING);
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "funnel-local-shutdown"));
        try {
            stack.startAll();
            if (settings.demo()) {
                stack.runDemo();
            }
            stopped.await();
        } catch (Exception e) {
            System.err.println("funnel-local: " + oneLine(e));
            System.exit(1);
        }
    }

    /** Starts everything and returns once every service answers ready; on failure stops what it started. */
    public static LocalStack start(StackSettings settings, PrintStream out) throws Exception {
        return start(settings, out, RestartPolicy.DEFAULT);
    }

    /** As {@link #start(StackSettings, PrintStream)}, restarting a service that dies as {@code restartPolicy} says. */
    public static LocalStack start(StackSettings settings, PrintStream out, RestartPolicy restartPolicy)
            throws Exception {
        LocalStack stack = new LocalStack(settings, out, restartPolicy);
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        checkJarsExist();
        if (settings.externalOidcUrl().isEmpty()) {
            LocalKeycloak.checkDownloaded(settings.keycloakDistribution());
        }
        realm = LocalRealm.read();
        tokens = new AccessTokens(settings.oidcUrl(), realm);
        checkPortsFree();
        if (settings.reset()) {
            out.println("Reset: removing " + settings.dataDirectory());
            DataDirectory.delete(settings.dataDirectory());
        }
        Files.createDirectories(settings.dataDirectory());

        // First: it takes longest to start, and it needs neither Kafka nor PostgreSQL.
        if (settings.externalOidcUrl().isPresent()) {
            out.println("Identity provider: using " + settings.oidcUrl() + " (FUNNEL_OIDC_URL; no Keycloak started)");
        } else {
            out.println("Keycloak: starting on port " + settings.keycloakPort() + " with realm "
                    + StackSettings.REALM + " (" + LocalRealm.RESOURCE + "), installed in "
                    + settings.keycloakDirectory() + ", log in " + settings.logDirectory().resolve("keycloak.log"));
            SupervisedService.Launch launch = LocalKeycloak.prepare(settings.keycloakDistribution(),
                    settings.keycloakDirectory(), settings.keycloakPort(), settings.webAppPortForRealm(),
                    settings.logDirectory());
            keycloakStarted = System.nanoTime();
            keycloak = new SupervisedService(launch.start(), launch, KEYCLOAK_READY_TIMEOUT, restartPolicy, out);
            started.push(keycloak);
        }

        if (settings.externalDatabase().isPresent()) {
            out.println("PostgreSQL: using " + settings.externalDatabase().get().url());
            database = LocalDatabase.external(settings.externalDatabase().get());
        } else {
            out.println("PostgreSQL 17: starting on port " + settings.postgresPort() + ", data in "
                    + settings.postgresDirectory());
            database = LocalDatabase.startEmbedded(settings.postgresDirectory(), settings.postgresPort());
        }
        started.push(database);

        out.println("Kafka (KRaft): starting on " + settings.bootstrapServers() + ", logs in "
                + settings.kafkaDirectory());
        kafka = LocalKafkaBroker.start(settings.kafkaDirectory(), settings.kafkaPort(),
                settings.kafkaControllerPort());
        started.push(kafka);

        // Before the services: they read the provider's discovery document and keys when they start.
        if (keycloak != null) {
            keycloak.process().awaitReady(KEYCLOAK_READY_TIMEOUT);
            out.printf("Keycloak: ready %.0f s after it was started, realm %s%n",
                    (System.nanoTime() - keycloakStarted) / 1e9, settings.oidcUrl());
        }
        for (ServiceSpec spec : settings.services()) {
            String jdbcUrl = database.ensureDatabase(spec.database().orElseThrow());
            launch(spec, serviceEnvironment(spec, jdbcUrl));
        }
        // Last, and stopped first: it only calls the services, and reads none of their data itself. Its REST
        // clients connect when a page is asked for, so it need not wait for the services to be ready.
        if (settings.webApp().isPresent()) {
            launch(settings.webApp().get(), webAppEnvironment(settings.webApp().get()));
        }
        for (SupervisedService service : services.values()) {
            service.process().awaitReady(READY_TIMEOUT);
        }
        printTable();
        // Only now: a service that dies before everything is up is a failed start, named and not retried.
        if (keycloak != null) {
            keycloak.watch();
        }
        services.values().forEach(SupervisedService::watch);
    }

    private void launch(ServiceSpec spec, Map<String, String> environment) throws IOException {
        out.println(spec.name() + ": starting on port " + spec.port() + " (management " + spec.managementPort()
                + "), log in " + settings.logDirectory().resolve(spec.name() + ".log"));
        SupervisedService.Launch launch = () -> ServiceProcess.start(spec, spec.jar(settings.home()), environment,
                settings.logDirectory(), settings.fullJit());
        SupervisedService service = new SupervisedService(launch.start(), launch, READY_TIMEOUT, restartPolicy, out);
        services.put(spec.name(), service);
        started.push(service);
    }

    /** Ports and issuer, as every process gets them. */
    private Map<String, String> commonEnvironment(ServiceSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
        environment.put("FUNNEL_OIDC_URL", settings.oidcUrl());
        return environment;
    }

    /**
     * The web app's: the realm's secret of the client funnel-web (with FUNNEL_OIDC_URL too: that provider needs
     * the client as the realm file has it, as --demo needs its users) and each service's URL; no database, no
     * Kafka.
     */
    private Map<String, String> webAppEnvironment(ServiceSpec webApp) {
        Map<String, String> environment = commonEnvironment(webApp);
        environment.put("FUNNEL_WEB_CLIENT_SECRET", realm.webClientSecret());
        for (ServiceSpec service : settings.services()) {
            environment.put("FUNNEL_" + StackSettings.shortName(service).toUpperCase() + "_URL", service.baseUrl());
        }
        return environment;
    }

    private Map<String, String> serviceEnvironment(ServiceSpec spec, String jdbcUrl) {
        Map<String, String> environment = commonEnvironment(spec);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // Each record's ce_dataschema names where its producer serves the schema: here, on this machine.
        environment.put("FUNNEL_OUTBOX_DATA_SCHEMA_BASE", spec.baseUrl() + "/schemas/");
        return environment;
    }

    private void checkJarsExist() {
        for (ServiceSpec spec : processes()) {
            Path jar = spec.jar(settings.home());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(spec.name() + " is not built: " + jar + " is missing (run "
                        + "./mvnw -B -ntp package -DskipTests first, or use ./run-local)");
            }
        }
    }

    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", settings.kafkaPort());
        ports.put("Kafka controller", settings.kafkaControllerPort());
        if (settings.externalDatabase().isEmpty()) {
            ports.put("PostgreSQL", settings.postgresPort());
        }
        if (settings.externalOidcUrl().isEmpty()) {
            ports.put("Keycloak", settings.keycloakPort());
        }
        processes().forEach(spec -> ports.put(spec.name(), spec.port()));
        processes().forEach(spec -> ports.put(spec.name() + " management", spec.managementPort()));
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                taken.add(what + " port " + port);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("already in use: " + String.join(", ", taken)
                    + " (choose others with --<name>-port=..., see --help)");
        }
    }

    /** The services in start order, then the web app if it is started. */
    private List<ServiceSpec> processes() {
        List<ServiceSpec> processes = new ArrayList<>(settings.services());
        settings.webApp().ifPresent(processes::add);
        return processes;
    }

    private void printTable() {
        out.println();
        // First: what most people came for.
        settings.webApp().ifPresent(webApp -> {
            out.println(realm.webAppSignIn(webApp.baseUrl()));
            out.println();
        });
        out.printf("%-18s %-24s %-38s %s%n", "service", "API", "Swagger UI", "health, metrics, OpenAPI");
        for (ServiceSpec spec : settings.services()) {
            out.printf("%-18s %-24s %-38s %s%n", spec.name(), spec.baseUrl(), spec.managementUrl() + "/q/swagger-ui",
                    spec.managementUrl() + "/q/health, /q/metrics, /q/openapi");
        }
        realm.printSignIn(settings.oidcUrl(), keycloak == null ? null : settings.keycloakUrl() + "/admin",
                settings.services().stream().filter(spec -> spec.name().equals("prospect-service")).findFirst()
                        .orElse(settings.services().get(0)).baseUrl(),
                settings.webApp().orElse(StackSettings.DEFAULT_WEB_APP).baseUrl(), out);
        out.println();
        out.println("Kafka: " + settings.bootstrapServers() + "   data: " + settings.dataDirectory()
                + "   logs: " + settings.logDirectory());
        out.println("Everything is up. Ctrl-C stops it; data stays for the next start (--reset starts clean).");
    }

    /** Loads the twelve-week story through the APIs and prints what analytics makes of it. */
    private void runDemo() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoStory story = new DemoStory(urls(), tokens(), today);
        out.println();
        out.println("Demo: loading twelve weeks of a small business through the REST APIs, signed in as its people"
                + " ...");
        DemoStory.Tally tally = story.load();
        DemoReport report = new DemoReport(urls(), tokens(), story.start(), today);
        report.print(report.awaitCaughtUp(tally, Duration.ofMinutes(3)), out);
        settings.webApp().ifPresent(webApp -> {
            out.println();
            out.println(DemoStory.tour(webApp.baseUrl(), realm));
        });
    }

    /** Tokens of the realm's users from this stack's identity provider, each kept until it nears its end. */
    AccessTokens tokens() {
        return tokens;
    }

    /** The issuer the services trust. */
    public String oidcUrl() {
        return settings.oidcUrl();
    }

    /** Keycloak's process and where the launcher is with it; fails when the stack uses another provider. */
    public ServiceStatus keycloakStatus() {
        if (keycloak == null) {
            throw new IllegalStateException("this stack started no Keycloak: it uses " + settings.oidcUrl());
        }
        return keycloak.status();
    }

    /** Management URL of each running service (health, metrics, OpenAPI), by name. */
    public Map<String, String> managementUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        settings.services().forEach(spec -> urls.put(spec.name(), spec.managementUrl()));
        return urls;
    }

    /** Where the web app's pages are; fails when this stack was started without it. */
    public String webAppUrl() {
        return settings.webApp().orElseThrow(() -> new IllegalStateException("this stack started no web app"))
                .baseUrl();
    }

    /** Base URL of each running service, by name (the web app is not one: see {@link #webAppUrl}). */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        settings.services().forEach(spec -> urls.put(spec.name(), spec.baseUrl()));
        return urls;
    }

    /**
     * Ends one service from outside, with SIGKILL as a crash would or with SIGTERM as an operator's kill
     * would, and waits until the launcher has restarted it and it answers ready. The restart is the
     * supervisor's own, so it counts towards giving up as any other would.
     */
    public ServiceStatus restartService(String name, boolean crash) throws Exception {
        SupervisedService service = service(name);
        ServiceProcess old = service.process();
        if (crash) {
            old.kill();
        } else {
            old.close();
        }
        return awaitRestart(name, old.pid(), restartPolicy.maxBackoff().plus(READY_TIMEOUT));
    }

    /** The service's current process and where the launcher is with it. */
    public ServiceStatus status(String name) {
        return service(name).status();
    }

    /**
     * Waits until the launcher has restarted the service after the process {@code previousPid} ended and the
     * new process answers ready; fails at once if the launcher gives up on it instead.
     */
    public ServiceStatus awaitRestart(String name, long previousPid, Duration timeout) throws InterruptedException {
        return service(name).awaitRestart(previousPid, timeout);
    }

    private SupervisedService service(String name) {
        SupervisedService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this stack; it has " + services.keySet());
        }
        return service;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Stops the Kafka broker while the services keep running, as a broker outage would: they see connections
     * refused. Its log directory stays; {@link #startKafkaAgain} brings it back on the same port.
     */
    void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker stopped by {@link #stopKafka} again, on the same port and log directory. */
    void startKafkaAgain() throws Exception {
        kafka.startAgain();
    }

    /** Stops in the reverse order of starting: services, then Kafka, PostgreSQL and Keycloak. Never throws. */
    @Override
    public void close() {
        // All of them first: a service that exits while another is being stopped (a Ctrl-C reaches every
        // process in the terminal's group) is part of the stop, not a crash to restart.
        services.values().forEach(SupervisedService::stopWatching);
        if (keycloak != null) {
            keycloak.stopWatching();
        }
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                out.println("funnel-local: while stopping: " + oneLine(e));
            }
        }
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
