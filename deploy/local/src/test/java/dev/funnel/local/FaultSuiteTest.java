package dev.funnel.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite: the whole stack as real processes (the launcher's, as in {@link EndToEndTest}), a bounded load
 * of real clients on it, and one outage after another: PostgreSQL paused with SIGSTOP for 90 s, the Kafka broker
 * stopped for 60 s, analytics-service killed with SIGKILL while it applies batches, objection-service killed with
 * SIGKILL. After each, every write the services acknowledged must be counted exactly once in analytics' funnel
 * and in objection-service's replica, the consumers must be back by themselves, and liveness must have stayed UP
 * where the process was not the one killed. It prints what it tried and what held. Only with {@code -Pfaults}.
 */
@Tag("faults")
class FaultSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(10);
    private static final Duration AFTER_FAULT = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String ACTIVITY = "activity-service";
    private static final String PROSPECT = "prospect-service";
    private static final String OBJECTION = "objection-service";
    private static final String ANALYTICS = "analytics-service";
    private static final List<String> ALL = List.of(ACTIVITY, PROSPECT, OBJECTION, ANALYTICS);

    @TempDir
    Path data;

    private final List<Row> rows = new ArrayList<>();
    private final List<String> readiness = new ArrayList<>();
    private StackSettings settings;
    private LocalStack stack;
    private AccessTokens tokens;
    private FunnelLoad load;

    /** One line of the table: what was checked after which fault, and whether it held. */
    private record Row(String fault, String check, String expected, String observed, boolean held, String recovery) {
    }

    @Test
    void everyAcknowledgedWriteIsCountedOnceThroughEachOutageAndTheOthersStayLive() throws Exception {
        settings = LocalStackTest.settingsWithOwnKeycloak(data);
        long suiteStart = System.nanoTime();
        try (LocalStack started = LocalStack.start(settings, System.out)) {
            stack = started;
            System.out.printf("Fault suite: stack up in %.0f s%n", (System.nanoTime() - suiteStart) / 1e9);
            tokens = stack.tokens();
            load = new FunnelLoad(stack.urls(), tokens, "fault-suite-load", "sam");
            load.defineTechnique();
            try {
                phase("(a) PostgreSQL paused 90 s", this::databasePaused);
                phase("(b) Kafka stopped 60 s", this::brokerStopped);
                phase("(c) analytics SIGKILL mid-batch", this::analyticsKilledWhileApplying);
                phase("(d) objection SIGKILL", this::objectionKilled);
            } finally {
                print(suiteStart);
                keepLogs();
            }
        }
        assertThat(rows.stream().filter(row -> !row.held()).map(row -> row.fault() + ": " + row.check()
                + " expected " + row.expected() + " observed " + row.observed()).toList())
                .as("checks that did not hold (the table above has them all)").isEmpty();
    }

    @FunctionalInterface
    private interface Fault {
        void run(String name) throws Exception;
    }

    private void phase(String name, Fault fault) {
        System.out.println("Fault suite: " + name + " ...");
        try {
            fault.run(name);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            rows.add(new Row(name, "the phase ran to its end", "no exception", LocalStack.oneLine(e), false, ""));
        }
    }

    // ---- (a) ----

    private void databasePaused(String fault) throws Exception {
        Map<String, Long> pids = pids(ALL);
        load.start();
        hold(BEFORE_FAULT);
        long unavailableBefore = load.unavailableTotal();
        LivenessWatch watch = LivenessWatch.of(urlsOf(ALL));
        long faultStart;
        long faultEnd;
        int paused;
        try (PostgresPause pause = PostgresPause.pause("jdbc:postgresql://localhost:" + settings.postgresPort()
                + "/postgres", "postgres", "postgres")) {
            faultStart = System.nanoTime();
            paused = pause.processes();
            hold(Duration.ofSeconds(45));
            captureReadiness(fault, ALL);
            hold(Duration.ofSeconds(45));
        }
        faultEnd = System.nanoTime();
        hold(AFTER_FAULT);
        long answered503 = load.unavailableTotal() - unavailableBefore;
        String writesBack = writesBack(faultEnd, FunnelLoad.Kind.values());
        settleAndCompare(fault, writesBack);
        watch.close();

        check(fault, "PostgreSQL paused (postmaster and its processes)", "90 s",
                String.format("%.0f s, %d processes", (faultEnd - faultStart) / 1e9, paused), true, "");
        check(fault, "writes refused with 503 while it was away", "> 0", Long.toString(answered503),
                answered503 > 0, "");
        check(fault, "every 503 carried Retry-After", "0 without", load.withoutRetryAfter + " without",
                load.withoutRetryAfter.get() == 0, "");
        livenessHeld(fault, watch, ALL);
        samePids(fault, pids);
    }

    // ---- (b) ----

    private void brokerStopped(String fault) throws Exception {
        Map<String, Long> pids = pids(ALL);
        load.start();
        hold(BEFORE_FAULT);
        Map<TopicPartition, Long> endsBefore = offsets(OffsetSpec.latest());
        LivenessWatch watch = LivenessWatch.of(urlsOf(ALL));
        long faultStart = System.nanoTime();
        stack.stopKafka();
        double stopping = (System.nanoTime() - faultStart) / 1e9;
        hold(Duration.ofSeconds(30));
        captureReadiness(fault, ALL);
        hold(Duration.ofSeconds(60).minus(Duration.ofNanos(System.nanoTime() - faultStart)));
        stack.startKafkaAgain();
        long faultEnd = System.nanoTime();
        Map<TopicPartition, Long> startsAfter = offsets(OffsetSpec.earliest());
        Map<TopicPartition, Long> endsAfter = offsets(OffsetSpec.latest());
        hold(AFTER_FAULT);
        String writesBack = writesBack(faultEnd, FunnelLoad.Kind.values());
        settleAndCompare(fault, writesBack);
        watch.close();

        check(fault, "broker stopped, then started on its port and log directory", "60 s",
                String.format("%.0f s (stop took %.1f s)", (faultEnd - faultStart) / 1e9, stopping), true,
                "");
        boolean kept = endsBefore.entrySet().stream().allMatch(end -> startsAfter.get(end.getKey()) == 0
                && endsAfter.get(end.getKey()) >= end.getValue());
        long recordsBefore = endsBefore.values().stream().mapToLong(Long::longValue).sum();
        long recordsAfter = endsAfter.values().stream().mapToLong(Long::longValue).sum();
        check(fault, "the topics kept every record (log start 0, end not behind)", recordsBefore + " records kept",
                recordsAfter + " records after the start", kept, "");
        livenessHeld(fault, watch, ALL);
        samePids(fault, pids);
    }

    // ---- (c) ----

    /**
     * To be sure the kill lands while the projection is applying, it is given a backlog first: analytics-service
     * is held with SIGSTOP while 8,000 activities are logged and relayed, then let go; it is killed with SIGKILL
     * as soon as the funnel shows part of that backlog applied and at least 1,000 activities still to come.
     */
    private void analyticsKilledWhileApplying(String fault) throws Exception {
        List<String> others = List.of(ACTIVITY, PROSPECT, OBJECTION);
        Map<String, Long> pids = pids(others);
        int restartsBefore = stack.status(ANALYTICS).restarts();
        load.start();
        hold(BEFORE_FAULT);
        LivenessWatch watch = LivenessWatch.of(urlsOf(others));
        long analytics = stack.status(ANALYTICS).pid();
        String topic = Topics.all().stream().filter(name -> name.contains("marketing")).findFirst().orElseThrow();
        long before = activitiesInTopic(topic);
        long applied = activitiesApplied();
        PostgresPause.signal("-STOP", List.of(analytics));
        long backlog;
        try {
            backlog = load.burstOfActivities(8);
            awaitRecords(topic, before + backlog);
        } finally {
            PostgresPause.signal("-CONT", List.of(analytics));
        }
        long seen = -1;
        long acknowledged = load.activities.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            seen = activitiesApplied();
            if (seen > applied + 50 || seen >= load.activities.get() - 1000) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        ProcessHandle.of(analytics).orElseThrow().destroyForcibly();
        long faultStart = System.nanoTime();
        boolean midway = seen > applied + 50 && seen < acknowledged - 1000;
        ServiceStatus again = stack.awaitRestart(ANALYTICS, analytics, Duration.ofMinutes(3));
        long faultEnd = System.nanoTime();
        String restart = String.format("ready again %.0f s after the kill", (faultEnd - faultStart) / 1e9);
        hold(AFTER_FAULT);
        settleAndCompare(fault, restart);
        watch.close();

        check(fault, "killed while applying a backlog of " + backlog + " activities",
                "between " + applied + " and " + (acknowledged - 1000) + " applied",
                seen + " applied at the kill", midway, "");
        check(fault, "restarted by the launcher (new pid, one restart more)", "restarts " + (restartsBefore + 1),
                "pid " + analytics + " -> " + again.pid() + ", restarts " + again.restarts(),
                again.pid() != analytics && again.restarts() == restartsBefore + 1, restart);
        livenessHeld(fault, watch, others);
        samePids(fault, pids);
    }

    // ---- (d) ----

    private void objectionKilled(String fault) throws Exception {
        List<String> others = List.of(ACTIVITY, PROSPECT, ANALYTICS);
        Map<String, Long> pids = pids(others);
        int restartsBefore = stack.status(OBJECTION).restarts();
        load.start();
        hold(BEFORE_FAULT);
        LivenessWatch watch = LivenessWatch.of(urlsOf(others));
        long objection = stack.status(OBJECTION).pid();
        long raisedBefore = load.acknowledgedOf(FunnelLoad.Kind.OBJECTION);
        ProcessHandle.of(objection).orElseThrow().destroyForcibly();
        long faultStart = System.nanoTime();
        ServiceStatus again = stack.awaitRestart(OBJECTION, objection, Duration.ofMinutes(3));
        long faultEnd = System.nanoTime();
        String restart = String.format("ready again %.0f s after the kill", (faultEnd - faultStart) / 1e9);
        hold(AFTER_FAULT);
        String writesBack = writesBack(faultEnd, FunnelLoad.Kind.OBJECTION);
        settleAndCompare(fault, restart + "; " + writesBack);
        watch.close();

        check(fault, "objections were being raised when it was killed", "> 0 before the kill",
                Long.toString(raisedBefore), raisedBefore > 0, "");
        check(fault, "restarted by the launcher (new pid, one restart more)", "restarts " + (restartsBefore + 1),
                "pid " + objection + " -> " + again.pid() + ", restarts " + again.restarts(),
                again.pid() != objection && again.restarts() == restartsBefore + 1, restart);
        livenessHeld(fault, watch, others);
        samePids(fault, pids);
    }

    // ---- after each fault ----

    /**
     * Stops the load (every client gets a definite answer for its last write), then waits until the funnel and
     * the replica say what the tally says, and keep saying it for three readings in a row: exactly once, so equal,
     * not at least.
     */
    private void settleAndCompare(String fault, String recovery) throws Exception {
        load.stop();
        long stopped = System.nanoTime();
        Map<String, Long> expected = load.expectedFunnel();
        long deadline = stopped + SETTLE.toNanos();

        Map<String, Long> funnel = awaitStable("funnel", this::funnelFigures, expected, deadline);
        double funnelSettled = (System.nanoTime() - stopped) / 1e9;
        check(fault, "analytics /funnel activities/found/contacted/objected/won/raised = tally", compact(expected),
                compact(funnel), expected.equals(funnel), recovery + String.format("; settled %.0f s after the "
                        + "load stopped", funnelSettled));

        Map<String, Long> replicaExpected = new LinkedHashMap<>();
        replicaExpected.put("prospects", (long) load.prospects.size());
        replicaExpected.put("won", (long) load.won.size());
        replicaExpected.put("objections", (long) load.objections.size());
        replicaExpected.put("objected", (long) load.objected.size());
        long replicaFrom = System.nanoTime();
        Map<String, Long> replica = awaitStable("replica", this::objectionFigures, replicaExpected, deadline);
        check(fault, "objection-service replica prospects/won, objections/objected = tally",
                compact(replicaExpected), compact(replica), replicaExpected.equals(replica),
                String.format("settled %.0f s after the load stopped (%.0f s after the funnel)",
                        (System.nanoTime() - stopped) / 1e9, (System.nanoTime() - replicaFrom) / 1e9));

        Map<FunnelLoad.Kind, Long> errors = load.internalErrors();
        load.internalErrors.values().forEach(count -> count.set(0));
        check(fault, "no write answered 500 (a database away is a 503)", "0", errors.isEmpty() ? "0"
                : errors.values().stream().mapToLong(Long::longValue).sum() + " " + errors, errors.isEmpty(), "");
        readyAgain(fault);

        List<String> unexpected = List.copyOf(load.unexpected);
        load.unexpected.clear();
        check(fault, "every write got a definite answer, none unexpected", "none",
                unexpected.isEmpty() ? "none" : unexpected.size() + ": " + unexpected.get(0), unexpected.isEmpty(),
                "");
        System.out.println("Fault suite: " + fault + ": load so far: " + load.summary());
    }

    @FunctionalInterface
    private interface Figures {
        Map<String, Long> read() throws Exception;
    }

    private static Map<String, Long> awaitStable(String what, Figures figures, Map<String, Long> expected,
            long deadline) throws Exception {
        Map<String, Long> last = Map.of();
        int inARow = 0;
        long from = System.nanoTime();
        long nextTrace = from;
        while (System.nanoTime() < deadline) {
            try {
                last = figures.read();
            } catch (Exception e) {
                last = Map.of("unreadable", -1L);
            }
            inARow = last.equals(expected) ? inARow + 1 : 0;
            if (inARow == 3) {
                return last;
            }
            if (inARow == 0 && System.nanoTime() >= nextTrace) {
                System.out.printf("Fault suite: %s +%.0f s: %s, the tally says %s%n", what,
                        (System.nanoTime() - from) / 1e9, compact(last), compact(expected));
                nextTrace = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return last;
    }

    private static String compact(Map<String, Long> figures) {
        return figures.values().stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    private Map<String, Long> funnelFigures() throws Exception {
        return FunnelLoad.observedFunnel(get(stack.urls().get(ANALYTICS) + funnelQuery()));
    }

    private long activitiesApplied() {
        try {
            return get(stack.urls().get(ANALYTICS) + funnelQuery()).path("effort").path("activities").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The load's technique, from yesterday to tomorrow: a run across midnight (UTC) stays in the range. */
    private String funnelQuery() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "/funnel?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&technique=" + load.technique;
    }

    /** objection-service's own database: its replica of the load's prospects, and the objections it stored. */
    private Map<String, Long> objectionFigures() throws SQLException {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:"
                + settings.postgresPort() + "/objection", "postgres", "postgres")) {
            figures.put("prospects", count(connection, "select count(*) from prospect_replica where prospect_id = "
                    + "any(?)", load.prospects));
            figures.put("won", count(connection, "select count(*) from prospect_replica where prospect_id = any(?) "
                    + "and stage = 'WON'", load.prospects));
            figures.put("objections", count(connection, "select count(*) from objection where prospect_id = any(?)",
                    load.prospects));
            figures.put("objected", count(connection, "select count(distinct prospect_id) from objection where "
                    + "prospect_id = any(?)", load.prospects));
        }
        return figures;
    }

    private static long count(Connection connection, String sql, Set<UUID> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(10);
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void livenessHeld(String fault, LivenessWatch watch, List<String> services) {
        List<String> failures = List.copyOf(watch.failures);
        check(fault, "/q/health/live UP (every 1 s, 2 s timeout): " + String.join(", ", shortNames(services)),
                "0 failures", failures.size() + " failures of " + watch.probes
                        + (failures.isEmpty() ? "" : ": " + failures.get(0)), failures.isEmpty(), "");
        failures.forEach(failure -> System.out.println("Fault suite: " + fault + ": liveness: " + failure));
    }

    private void samePids(String fault, Map<String, Long> before) {
        Map<String, Long> after = pids(List.copyOf(before.keySet()));
        check(fault, "consumers and APIs back without a restart (same pid)", before.values().toString(),
                after.values().toString(), before.equals(after), "");
    }

    private Map<String, Long> pids(List<String> services) {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service, stack.status(service).pid()));
        return pids;
    }

    /** Seconds from the fault's end until every given kind of write was acknowledged again. */
    private String writesBack(long faultEnd, FunnelLoad.Kind... kinds) {
        double latest = 0;
        for (FunnelLoad.Kind kind : kinds) {
            long first = load.firstAcknowledgedAfter(kind, faultEnd);
            if (first == 0) {
                return "no " + kind.name().toLowerCase() + " acknowledged after the fault";
            }
            latest = Math.max(latest, (first - faultEnd) / 1e9);
        }
        return String.format("writes 2xx again %.1f s after", latest);
    }

    private void captureReadiness(String fault, List<String> services) {
        services.forEach(service -> readiness.add(fault + ": " + service + " " + readiness(service)));
    }

    /** "200 UP", or the status and the checks that are not UP, with what they say. */
    private String readiness(String service) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(
                    stack.managementUrls().get(service) + "/q/health/ready")).timeout(Duration.ofSeconds(3)).GET()
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(answer.body());
            List<String> down = new ArrayList<>();
            body.path("checks").forEach(check -> {
                if (!"UP".equals(check.path("status").asText())) {
                    down.add(check.path("name").asText() + " " + check.path("data"));
                }
            });
            return answer.statusCode() + " " + body.path("status").asText() + (down.isEmpty() ? "" : ", DOWN: "
                    + down);
        } catch (Exception e) {
            return "no answer within 3 s (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Readiness (database, broker, consumers) asked every second until every service answers UP, as a readiness
     * probe would; the first answer of each is kept for the report, since nothing asked in between.
     */
    private void readyAgain(String fault) throws InterruptedException {
        long from = System.nanoTime();
        long deadline = from + Duration.ofSeconds(30).toNanos();
        List<String> first = new ArrayList<>();
        List<String> notReady = List.of();
        while (System.nanoTime() < deadline) {
            notReady = new ArrayList<>();
            for (String service : ALL) {
                String answer = readiness(service);
                if (first.size() < ALL.size()) {
                    first.add(service + " " + answer);
                }
                if (!answer.startsWith("200 UP")) {
                    notReady.add(service);
                }
            }
            if (notReady.isEmpty()) {
                break;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        first.forEach(answer -> readiness.add(fault + ", after it: first " + answer));
        check(fault, "/q/health/ready UP again in every service (asked every 1 s)", "within 30 s",
                notReady.isEmpty() ? String.format("after %.0f s", (System.nanoTime() - from) / 1e9)
                        : "not ready: " + notReady, notReady.isEmpty(), "");
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Set<TopicPartition> partitions = admin.describeTopics(Topics.all()).allTopicNames().get(30,
                    TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toSet());
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all()
                    .get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
    }

    /** Records in the topic (end offsets; the outbox sends in transactions, so markers count too: an upper bound). */
    private long activitiesInTopic(String topic) throws Exception {
        return offsets(OffsetSpec.latest()).entrySet().stream().filter(end -> end.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private void awaitRecords(String topic, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (activitiesInTopic(topic) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the burst of activities did not reach " + topic + " within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** Where the services' health is: their management interfaces. */
    private Map<String, String> urlsOf(List<String> services) {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(service -> urls.put(service, stack.managementUrls().get(service)));
        return urls;
    }

    private static List<String> shortNames(List<String> services) {
        return services.stream().map(service -> service.replace("-service", "")).toList();
    }

    private void check(String fault, String what, String expected, String observed, boolean held,
            String recovery) {
        rows.add(new Row(fault, what, expected, observed, held, recovery));
    }

    /** A fault held, or the load let run: a deliberate wait, not a wait for a condition. */
    private static void hold(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    /** Reads the funnel as the realm's analyst. */
    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + tokens.token(DemoReport.ANALYST))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** The services' logs outlive the temporary data directory, for a reader of a failed run (and CI). */
    private void keepLogs() {
        Path kept = Path.of("target", "fault-suite-logs");
        try {
            DataDirectory.delete(kept);
            Files.createDirectories(kept);
            try (Stream<Path> logs = Files.list(settings.logDirectory())) {
                for (Path log : logs.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()));
                }
            }
            System.out.println("Fault suite: the services' logs are in " + kept.toAbsolutePath());
        } catch (IOException e) {
            System.out.println("Fault suite: could not keep the logs: " + e);
        }
    }

    private void print(long suiteStart) {
        StringBuilder table = new StringBuilder();
        String format = "%-31s | %-72s | %-28s | %-34s | %-4s | %s%n";
        table.append(System.lineSeparator()).append("Fault suite: what was tried and what held").append(
                System.lineSeparator());
        table.append(String.format(format, "fault", "check", "expected", "observed", "held", "recovery"));
        for (Row row : rows) {
            table.append(String.format(format, row.fault(), row.check(), row.expected(), row.observed(),
                    row.held() ? "yes" : "NO", row.recovery()));
        }
        table.append(System.lineSeparator()).append("Readiness in the middle of each outage:")
                .append(System.lineSeparator());
        readiness.forEach(line -> table.append("  ").append(line).append(System.lineSeparator()));
        if (load != null) {
            table.append("Load: ").append(load.summary()).append(System.lineSeparator());
        }
        table.append(String.format("Suite: %.0f s in all%n", (System.nanoTime() - suiteStart) / 1e9));
        System.out.print(table);
    }
}
