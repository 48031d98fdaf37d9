package dev.funnel.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.Cadence;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.KafkaCloudEvents;
import dev.funnel.events.LostReason;
import dev.funnel.events.MarketingActivityLogged;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ObjectionResolved;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replicas of analytics-service as real processes of its packaged jar, on one PostgreSQL server and one Kafka broker
 * started as the launcher starts them (fsync on, three partitions a topic), all of one consumer group, each on ports
 * of its own. No identity provider: each replica checks tokens against a key pair made here
 * ({@code quarkus.oidc.public-key}), which signs the tokens the harness reads the figures with. Used by
 * {@link AnalyticsReplicasTest} and {@link AnalyticsReplicasBenchmark}.
 */
final class AnalyticsReplicas implements AutoCloseable {

    static final String ANALYTICS = "analytics-service";
    /**
     * Live consumers of the group in each replica (analytics' {@code mp.messaging.incoming.funnel-events.concurrency},
     * set here so that the group's size below does not depend on the service's default).
     */
    static final int CONSUMERS_PER_REPLICA = 2;
    private static final Path HOME = Path.of(System.getProperty("funnel.home", "../..")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration READY = Duration.ofSeconds(240);
    /** A year of events, 2025; wins, losses and objections run into 2026. */
    static final String RANGE = "from=2025-01-01&to=2026-12-31";

    private final Path data;
    private final LocalDatabase database;
    private final int postgresPort;
    private final KeyPair signingKey;
    private final List<Replica> replicas = new ArrayList<>();
    private LocalKafkaBroker kafka;
    private int brokers;

    private AnalyticsReplicas(Path data, LocalDatabase database, int postgresPort) throws GeneralSecurityException {
        this.data = data;
        this.database = database;
        this.postgresPort = postgresPort;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.signingKey = generator.generateKeyPair();
    }

    /** PostgreSQL and a first broker, under {@code data}. */
    static AnalyticsReplicas start(Path data) throws Exception {
        Path jar = new ServiceSpec(ANALYTICS, "analytics", 0, 0).jar(HOME);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -B -ntp -pl deploy/local -am package"
                    + " -DskipTests first");
        }
        int port = LocalStackTest.distinctFreePorts(1).get(0);
        AnalyticsReplicas replicas = new AnalyticsReplicas(data,
                LocalDatabase.startEmbedded(data.resolve("postgres"), port), port);
        try {
            replicas.freshBroker();
        } catch (Exception e) {
            replicas.close();
            throw e;
        }
        return replicas;
    }

    /** Stops the broker (if any) and starts another with empty topics, so the next backlog is the only one. */
    void freshBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        List<Integer> ports = LocalStackTest.distinctFreePorts(2);
        brokers++;
        kafka = LocalKafkaBroker.start(data.resolve("kafka-" + brokers), ports.get(0), ports.get(1));
    }

    /** A database of its own, created empty; returns its JDBC URL. */
    String freshDatabase(String name) throws SQLException {
        return database.ensureDatabase(name);
    }

    /** One replica, consuming as group {@code group} into the database at {@code jdbcUrl}; returns once ready. */
    Replica launch(String name, String jdbcUrl, String group) throws Exception {
        Replica replica = launchWithoutWaiting(name, jdbcUrl, group);
        replica.process().awaitReady(READY);
        return replica;
    }

    Replica launchWithoutWaiting(String name, String jdbcUrl, String group) throws Exception {
        List<Integer> ports = LocalStackTest.distinctFreePorts(2);
        ServiceSpec spec = new ServiceSpec(ANALYTICS, "analytics", ports.get(0), ports.get(1));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("FUNNEL_ANALYTICS_CONSUMER_GROUP", group);
        environment.put("MP_MESSAGING_INCOMING_FUNNEL_EVENTS_CONCURRENCY", Integer.toString(CONSUMERS_PER_REPLICA));
        // Tokens are checked against this key, locally: no provider to reach (an empty value unsets the URL).
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        environment.put("QUARKUS_OIDC_PUBLIC_KEY",
                Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded()));
        ServiceProcess process = ServiceProcess.start(spec, spec.jar(HOME), environment,
                data.resolve("logs").resolve(name), false);
        Replica replica = new Replica(name, spec, process);
        replicas.add(replica);
        return replica;
    }

    /**
     * Waits until the group has the consumers of {@code replicas} replicas and is stable: each consumer has its
     * partitions.
     */
    void awaitGroup(String group, int replicas, Duration timeout) throws Exception {
        int members = replicas * CONSUMERS_PER_REPLICA;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            while (true) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                if (description.groupState() == GroupState.STABLE && description.members().size() == members
                        && description.members().stream()
                                .allMatch(member -> !member.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + group + " is " + description.groupState() + " with "
                            + description.members().size() + " members, not stable with " + members);
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }

    /**
     * Produces the events as a producer of the platform would: binary-mode CloudEvents, keyed by their partition key,
     * in Kafka transactions of {@code perTransaction} events, {@code pause} between two. After each transaction
     * committed, {@code committed} is told how many events are on the topics so far.
     */
    void produce(List<FunnelEvent> events, int perTransaction, Duration pause, Committed committed)
            throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("transactional.id", "analytics-replicas-" + UUID.randomUUID());
        settings.put("acks", "all");
        settings.put("linger.ms", "5");
        settings.put("batch.size", "65536");
        // A backlog in one transaction takes a while on a loaded machine.
        settings.put("transaction.timeout.ms", "600000");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (int from = 0; from < events.size(); from += perTransaction) {
                producer.beginTransaction();
                for (FunnelEvent event : events.subList(from, Math.min(events.size(), from + perTransaction))) {
                    producer.send(KafkaCloudEvents.toRecord(UUID.randomUUID(), "/funnel/analytics-replicas", event));
                }
                producer.commitTransaction();
                committed.accept(Math.min(events.size(), from + perTransaction));
                if (!pause.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(pause.toNanos());
                }
            }
        }
    }

    @FunctionalInterface
    interface Committed {
        void accept(int eventsSoFar) throws Exception;
    }

    /** A token for the tests' own user, holding the roles the figures and the admin endpoints ask for. */
    String token() {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "analytics-replicas-test");
        claims.put("aud", "funnel-api");
        claims.put("sub", "replicas");
        claims.put("preferred_username", "replicas");
        claims.put("groups", List.of("admin", "analyst"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        try {
            String signed = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                    + base64Url(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64Url(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The postmaster's pid, for sampling the CPU of PostgreSQL. */
    long postmasterPid() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
                + "/postgres", database.user(), database.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            return Long.parseLong(Files.readAllLines(Path.of(result.getString(1), "postmaster.pid")).get(0).strip());
        }
    }

    /** The replicas launched so far, the killed ones too. */
    List<Replica> replicas() {
        return List.copyOf(replicas);
    }

    /**
     * Stops every replica still running (SIGTERM), then the broker and PostgreSQL; the replicas' logs are kept in
     * {@code target/analytics-replicas-logs}, since the data directory is a test's temporary one.
     */
    @Override
    public void close() throws Exception {
        for (Replica replica : replicas) {
            replica.process().close();
        }
        keepLogs();
        replicas.clear();
        if (kafka != null) {
            kafka.close();
        }
        database.close();
    }

    private void keepLogs() {
        Path kept = Path.of("target", "analytics-replicas-logs");
        try {
            DataDirectory.delete(kept);
            Files.createDirectories(kept);
            for (Replica replica : replicas) {
                Path log = replica.process().log();
                if (Files.isRegularFile(log)) {
                    Files.copy(log, kept.resolve(replica.name() + ".log"));
                }
            }
        } catch (IOException e) {
            System.out.println("Analytics replicas: could not keep the logs: " + e);
        }
    }

    /** One analytics-service process. */
    final class Replica {

        private final String name;
        private final ServiceSpec spec;
        private final ServiceProcess process;

        Replica(String name, ServiceSpec spec, ServiceProcess process) {
            this.name = name;
            this.spec = spec;
            this.process = process;
        }

        String name() {
            return name;
        }

        ServiceProcess process() {
            return process;
        }

        /** GET on the API with a token; fails unless 200. */
        JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(spec.baseUrl() + pathAndQuery))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(name + " GET " + pathAndQuery + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        }

        /** POST with a token and no body; returns the status. */
        int post(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(spec.baseUrl() + path))
                    .header("Authorization", "Bearer " + token())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        /** {@code GET /admin/projection}. */
        JsonNode projection() throws IOException, InterruptedException {
            return get("/admin/projection");
        }

        /** The three views of the year the figures are compared on. */
        Map<String, JsonNode> figures() throws IOException, InterruptedException {
            Map<String, JsonNode> figures = new LinkedHashMap<>();
            figures.put("/funnel", get("/funnel?" + RANGE));
            figures.put("/funnel/breakdown?by=technique", get("/funnel/breakdown?by=technique&" + RANGE));
            figures.put("/funnel/breakdown?by=owner", get("/funnel/breakdown?by=owner&" + RANGE));
            figures.put("/funnel/objections", get("/funnel/objections?" + RANGE));
            return figures;
        }

        /** Events this process applied on its live path, from its own {@code /q/metrics}. */
        double appliedLive() throws IOException, InterruptedException {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(spec.managementUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines()
                    .filter(line -> line.startsWith("funnel_analytics_events_applied_total{")
                            && line.contains("path=\"live\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
    }

    // ---- the load ----

    /** What a backlog holds, counted as it is made: the figures the read model must show. */
    record Backlog(List<FunnelEvent> events, long activities, long minutes, long prospects, long contacted,
            long objected, long won, long lost, long raised, long resolved) {
    }

    /**
     * A year of farming and hunting in time order, as analytics' ProjectionBenchmark makes it: techniques,
     * daily activities, prospects found, contacted, objecting, objections resolved, won or lost, until there are at
     * least {@code minEvents} events.
     */
    static Backlog backlog(long seed, int techniqueCount, int activityCount, int minEvents) {
        Random random = new Random(seed);
        List<FunnelEvent> events = new ArrayList<>();
        Instant start = LocalDate.of(2025, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<String> techniques = new ArrayList<>();
        for (int i = 0; i < techniqueCount; i++) {
            String technique = "technique-" + i;
            techniques.add(technique);
            events.add(new MarketingTechniqueDefined(technique, "Technique " + i, Cadence.values()[i % 3], start));
        }
        long minutes = 0;
        for (int i = 0; i < activityCount; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            Instant logged = day.atTime(18, random.nextInt(60)).toInstant(ZoneOffset.UTC);
            int spent = 15 + random.nextInt(120);
            minutes += spent;
            events.add(new MarketingActivityLogged(UUID.randomUUID(), techniques.get(random.nextInt(techniqueCount)),
                    day, spent, random.nextInt(5_000), "EUR", logged));
        }
        long prospects = 0;
        long contacted = 0;
        long objected = 0;
        long won = 0;
        long lost = 0;
        long raised = 0;
        long resolved = 0;
        ObjectionCategory[] categories = ObjectionCategory.values();
        while (events.size() < minEvents) {
            UUID prospect = UUID.randomUUID();
            prospects++;
            Instant found = start.plusSeconds(random.nextInt(365 * 86_400));
            boolean marketing = random.nextBoolean();
            events.add(new ProspectFound(prospect, marketing ? ProspectSource.MARKETING : ProspectSource.SALES,
                    marketing ? techniques.get(random.nextInt(techniqueCount)) : null, "seller-" + random.nextInt(8),
                    1_000 + random.nextInt(100_000), "EUR", found));
            Instant at = found.plusSeconds(3_600 + random.nextInt(5 * 86_400));
            if (random.nextInt(100) < 85) {
                contacted++;
                events.add(new ProspectContacted(prospect, "seller-" + random.nextInt(8), at));
            }
            int objections = random.nextInt(4);
            if (objections > 0) {
                objected++;
            }
            for (int i = 0; i < objections; i++) {
                UUID objection = UUID.randomUUID();
                at = at.plusSeconds(3_600 + random.nextInt(3 * 86_400));
                raised++;
                events.add(new ObjectionRaised(objection, prospect, categories[random.nextInt(categories.length)],
                        at));
                if (random.nextInt(3) > 0) {
                    resolved++;
                    events.add(new ObjectionResolved(objection, prospect, at.plusSeconds(random.nextInt(2 * 86_400))));
                }
            }
            at = at.plusSeconds(86_400 + random.nextInt(20 * 86_400));
            int outcome = random.nextInt(100);
            if (outcome < 35) {
                won++;
                events.add(new ProspectWon(prospect, 1_000 + random.nextInt(100_000), "EUR", at));
            } else if (outcome < 75) {
                lost++;
                events.add(new ProspectLost(prospect,
                        LostReason.values()[random.nextInt(LostReason.values().length)], at));
            }
        }
        // As the producers would have left it: in the order things happened.
        events.sort(Comparator.comparing(FunnelEvent::occurredAt));
        return new Backlog(List.copyOf(events), activityCount, minutes, prospects, contacted, objected, won, lost,
                raised, resolved);
    }

    // ---- CPU ----

    /** CPU seconds (user + system) a process used so far, its ended children included, from /proc/pid/stat. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command, which may hold spaces, in parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
            return ticks / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of a process and every live descendant (PostgreSQL: the postmaster and its backends). */
    static double treeCpuSeconds(long pid) {
        return cpuSeconds(pid) + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(child -> cpuSeconds(child.pid())).sum();
    }

    /** USER_HZ: 100 on every Linux this runs on (the kernel's ABI for /proc). */
    private static final int CLOCK_TICKS = 100;

    static String loadAverage() {
        try {
            return Stream.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .reduce((a, b) -> a + " " + b).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
