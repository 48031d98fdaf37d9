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
 * The whole system on one machine: a Kafka broker, a PostgreSQL server and the four services as
 * processes. {@link #start} brings everything up in order and waits for every service to be ready;
 * {@link #close} stops the services, then the broker, then the database. Anything that fails to start
 * stops what was already started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final PrintStream out;
    private LocalDatabase database;
    private LocalKafkaBroker kafka;

    private LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

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
        LocalStack stack = new LocalStack(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts: Ctrl-C during startup must stop what already runs, too.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: services, then Kafka, then PostgreSQL ...");
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
        LocalStack stack = new LocalStack(settings, out);
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
        checkPortsFree();
        if (settings.reset()) {
            out.println("Reset: removing " + settings.dataDirectory());
            DataDirectory.delete(settings.dataDirectory());
        }
        Files.createDirectories(settings.dataDirectory());

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

        for (ServiceSpec spec : settings.services()) {
            String jdbcUrl = database.ensureDatabase(spec.database());
            out.println(spec.name() + ": starting on port " + spec.port() + ", log in "
                    + settings.logDirectory().resolve(spec.name() + ".log"));
            ServiceProcess process = ServiceProcess.start(spec, spec.jar(settings.home()),
                    environmentOf(spec, jdbcUrl), settings.logDirectory());
            services.put(spec.name(), process);
            started.push(process);
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(READY_TIMEOUT);
        }
        printTable();
    }

    private Map<String, String> environmentOf(ServiceSpec spec, String jdbcUrl) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        return environment;
    }

    private void checkJarsExist() {
        for (ServiceSpec spec : settings.services()) {
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
        settings.services().forEach(spec -> ports.put(spec.name(), spec.port()));
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

    private void printTable() {
        out.println();
        out.printf("%-18s %-24s %-38s %s%n", "service", "API", "Swagger UI", "metrics");
        for (ServiceSpec spec : settings.services()) {
            out.printf("%-18s %-24s %-38s %s%n", spec.name(), spec.baseUrl(), spec.baseUrl() + "/q/swagger-ui",
                    spec.baseUrl() + "/q/metrics");
        }
        out.println();
        out.println("Kafka: " + settings.bootstrapServers() + "   data: " + settings.dataDirectory()
                + "   logs: " + settings.logDirectory());
        out.println("Everything is up. Ctrl-C stops it; data stays for the next start (--reset starts clean).");
    }

    /** Loads the twelve-week story through the APIs and prints what analytics makes of it. */
    private void runDemo() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoStory story = new DemoStory(urls(), today);
        out.println();
        out.println("Demo: loading twelve weeks of a small business through the REST APIs ...");
        DemoStory.Tally tally = story.load();
        DemoReport report = new DemoReport(urls(), story.start(), today);
        report.print(report.awaitCaughtUp(tally, Duration.ofMinutes(3)), out);
    }

    /** Base URL of each running service, by name. */
    public Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        settings.services().forEach(spec -> urls.put(spec.name(), spec.baseUrl()));
        return urls;
    }

    /** Kills one service as a crash would, then starts it again and waits until it is ready. */
    public void restartService(String name, boolean crash) throws Exception {
        ServiceProcess old = services.get(name);
        if (crash) {
            old.kill();
        } else {
            old.close();
        }
        started.remove(old);
        ServiceSpec spec = old.spec();
        ServiceProcess fresh = ServiceProcess.start(spec, spec.jar(settings.home()),
                environmentOf(spec, database.ensureDatabase(spec.database())), settings.logDirectory());
        services.put(name, fresh);
        started.push(fresh);
        fresh.awaitReady(READY_TIMEOUT);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops in the reverse order of starting: services, then Kafka, then PostgreSQL. Never throws. */
    @Override
    public void close() {
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
