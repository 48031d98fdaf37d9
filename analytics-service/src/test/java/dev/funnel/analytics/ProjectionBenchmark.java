package dev.funnel.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.FunnelQueries;
import dev.funnel.analytics.funnel.Grouping;
import dev.funnel.analytics.messaging.ProjectionRebuild;
import dev.funnel.analytics.projection.ProjectionApplier;
import dev.funnel.analytics.projection.RebuildRun;
import dev.funnel.events.Cadence;
import dev.funnel.events.FunnelEvent;
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
import dev.funnel.testing.DurableTestResources;
import dev.funnel.testing.TestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the projection applies a backlog of at least 200,000 mixed events from the real broker into a
 * durable PostgreSQL, batched as built and with one transaction per event; asserts nothing about speed.
 * Run with {@code ./mvnw -pl analytics-service -am verify -Pbenchmarks}; see BENCHMARKS.md.
 *
 * <p>The live channel starts paused, so the whole backlog is on the topics before the projection starts; the
 * clock runs from resuming it to the last event applied. The per-event figure replays the same topics through
 * the same applier with transactions of one event (the rebuild's replay path), and a batched replay on that same
 * path is printed too, so the two paths can be compared like for like.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(ProjectionBenchmark.DurableBacklog.class)
class ProjectionBenchmark {

    static final int MIN_EVENTS = 200_000;
    private static final int TECHNIQUES = 20;
    private static final int ACTIVITIES = 40_000;
    private static final Duration PATIENCE = Duration.ofMinutes(30);
    /** The one-transaction-per-event replay takes minutes; set this to measure the batched paths only. */
    private static final String SKIP_PER_EVENT = "funnel.benchmark.skip-per-event";
    private static final String LIVE_CHANNEL = "funnel-events";
    /** How many backlogs as large are applied (and emptied) before the measured one; 3 unless set. */
    private static final String WARM_UPS = "funnel.benchmark.warm-ups";

    @Inject
    ChannelRegistry channels;
    @Inject
    ProjectionRebuild rebuild;
    @Inject
    ProjectionApplier applier;
    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    FunnelQueries queries;

    @Test
    void projectionThroughputBatchedAndOneTransactionPerEvent() throws Exception {
        System.out.printf("BENCHMARK analytics: PostgreSQL %s, fsync %s, synchronous_commit %s; %d cores, Java %s;"
                + " %d live consumers%n", setting("server_version"), setting("fsync"), setting("synchronous_commit"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), liveConsumers());
        // The first backlog is the first work of this JVM: its figure includes the JIT compiling the whole path,
        // which on 2 cores takes one of them for most of the run. The last, as large, is what a running projection
        // does; the read model is emptied before it, so the ceiling below compares the same rows. Warm-up backlogs
        // are dated every other year back from 2023: each one's last events fall early in the next year, so none
        // touches the figures of 2025 compared below.
        int warmUps = Integer.getInteger(WARM_UPS, 3);
        long appliedBefore = 0;
        double coldSeconds = 0;
        for (int i = 0; i < warmUps; i++) {
            List<FunnelEvent> warmUp = backlog(new Random(41 - i), 2023 - 2 * i, "warm-up-" + i + "-technique-");
            double seconds = applyLive("warm-up backlog " + (i + 1) + " of " + warmUps
                    + (i == 0 ? ", cold JVM" : ""), warmUp, appliedBefore);
            coldSeconds = i == 0 ? seconds : coldSeconds;
            appliedBefore += warmUp.size();
            pauseLive();
            applier.emptyReadModel();
        }

        List<FunnelEvent> events = backlog(new Random(42), 2025, "technique-");
        double liveSeconds = applyLive("measured backlog, warm JVM", events, appliedBefore);
        Cohort year = new Cohort(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, null, null);
        Object figures = List.of(queries.funnel(year), queries.breakdown(year, Grouping.WEEK),
                queries.objections(year));

        double ceilingSeconds = ceiling(liveSeconds, year, figures);
        System.out.printf("BENCHMARK analytics: projection/ceiling (faster plain JDBC run) = %.2f warm, %.2f cold%n",
                ceilingSeconds / liveSeconds, ceilingSeconds / coldSeconds);
        long replayed = appliedBefore + events.size();

        // A rebuild replays the topics from their start: both backlogs.
        double batchedReplaySeconds = replay(0, replayed);
        assertThat(List.of(queries.funnel(year), queries.breakdown(year, Grouping.WEEK), queries.objections(year)))
                .as("the read model after a batched replay").isEqualTo(figures);
        System.out.printf("BENCHMARK analytics replay, batched as built: %d events in %.2f s = %.0f events/s%n",
                replayed, batchedReplaySeconds, replayed / batchedReplaySeconds);

        if (Boolean.getBoolean(SKIP_PER_EVENT)) {
            System.out.printf("BENCHMARK analytics replay, one transaction per event: skipped (-D%s)%n",
                    SKIP_PER_EVENT);
            return;
        }
        double perEventSeconds = replay(1, replayed);
        assertThat(List.of(queries.funnel(year), queries.breakdown(year, Grouping.WEEK), queries.objections(year)))
                .as("the read model after a replay with one transaction per event").isEqualTo(figures);
        System.out.printf("BENCHMARK analytics replay, one transaction per event: %d events in %.2f s = %.0f events/s%n",
                replayed, perEventSeconds, replayed / perEventSeconds);
        System.out.printf("BENCHMARK analytics: batched replay / one transaction per event = %.1fx%n",
                perEventSeconds / batchedReplaySeconds);
    }

    /**
     * Produces the backlog while the live consumers are paused, then resumes them and returns how long they took
     * to apply all of it.
     */
    private double applyLive(String name, List<FunnelEvent> events, long appliedBefore) throws Exception {
        String mix = events.stream().collect(Collectors.groupingBy(e -> e.type().eventName(), Collectors.counting()))
                .toString();
        long producing = System.nanoTime();
        produce(events);
        System.out.printf("BENCHMARK analytics %s: produced %d events (%s) in %.2f s%n", name, events.size(), mix,
                seconds(producing));
        long batchesBefore = batchCount();
        double insideBefore = secondsInsideTheConsumer();
        String load = loadAverage();
        long live = System.nanoTime();
        liveChannels().forEach(channel -> channels.getPausable(channel).resume());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> appliedLive() >= appliedBefore + events.size());
        double liveSeconds = seconds(live);
        assertThat(appliedLive()).isEqualTo(appliedBefore + events.size());
        long batchCount = batchCount() - batchesBefore;
        System.out.printf("BENCHMARK analytics live consumer, batched as built, %s: %d events in %.2f s = %.0f"
                + " events/s; %d batches of %.0f records on average, %.2f s inside the consumer method; load"
                + " average %s -> %s%n", name, events.size(), liveSeconds, events.size() / liveSeconds, batchCount,
                (double) events.size() / batchCount, secondsInsideTheConsumer() - insideBefore, load,
                loadAverage());
        return liveSeconds;
    }

    /** The batch timer appears with the first batch. */
    private long batchCount() {
        Timer batches = registry.find("funnel.analytics.batch").timer();
        return batches == null ? 0 : batches.count();
    }

    private double secondsInsideTheConsumer() {
        Timer batches = registry.find("funnel.analytics.batch").timer();
        return batches == null ? 0 : batches.totalTime(TimeUnit.SECONDS);
    }

    private void pauseLive() {
        liveChannels().forEach(channel -> channels.getPausable(channel).pause());
    }

    /** SmallRye names the copies of a channel with concurrency funnel-events$1, $2, ...; one keeps the name. */
    private static List<String> liveChannels() {
        int consumers = liveConsumers();
        return consumers == 1 ? List.of(LIVE_CHANNEL)
                : IntStream.rangeClosed(1, consumers).mapToObj(i -> LIVE_CHANNEL + "$" + i).toList();
    }

    private static int liveConsumers() {
        return ConfigProvider.getConfig().getOptionalValue("mp.messaging.incoming." + LIVE_CHANNEL
                + ".concurrency", Integer.class).orElse(1);
    }

    /**
     * The same rows the live consumer left, written into the same tables by plain JDBC batches and by COPY, twice
     * each; the ratio is the projection's throughput over the ceiling's (its time over the projection's). Leaves the
     * read model as the live consumer had it, which is checked.
     */
    private double ceiling(double liveSeconds, Cohort year, Object figures) throws Exception {
        Config config = ConfigProvider.getConfig();
        ProjectionCeiling ceiling = new ProjectionCeiling(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        System.out.printf("BENCHMARK analytics ceiling: the projection left %d rows (%s)%n", ceiling.rows(),
                ceiling.rowsPerTable());
        double fastest = Double.MAX_VALUE;
        for (int run = 1; run <= 2; run++) {
            String load = loadAverage();
            double jdbc = ceiling.jdbcBatches();
            fastest = Math.min(fastest, jdbc);
            System.out.printf("BENCHMARK analytics ceiling, plain JDBC batches of %d (a commit every %d rows), run %d:"
                    + " %.2f s; projection/ceiling = %.2f; load average %s -> %s%n", ProjectionCeiling.JDBC_BATCH,
                    ProjectionCeiling.ROWS_PER_COMMIT, run, jdbc, jdbc / liveSeconds, load, loadAverage());
            load = loadAverage();
            double copy = ceiling.copy();
            System.out.printf("BENCHMARK analytics ceiling, COPY (a stream and a commit per table), run %d: %.2f s;"
                    + " projection/COPY = %.2f; load average %s -> %s%n", run, copy, copy / liveSeconds, load,
                    loadAverage());
        }
        assertThat(List.of(queries.funnel(year), queries.breakdown(year, Grouping.WEEK), queries.objections(year)))
                .as("the read model after the ceiling's writes").isEqualTo(figures);
        return fastest;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Runs a rebuild (empty the read model, replay all topics) and returns its duration in seconds. */
    private double replay(int eventsPerTransaction, long expected) {
        long start = System.nanoTime();
        RebuildRun run = rebuild.start(eventsPerTransaction);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> !rebuild.running());
        double elapsed = seconds(start);
        RebuildRun done = QuarkusTransaction.requiringNew().call(() -> RebuildRun.findById(run.id()));
        assertThat(done.state()).isEqualTo(RebuildRun.State.DONE);
        assertThat(done.applied()).isEqualTo(expected);
        return elapsed;
    }

    private double appliedLive() {
        return registry.find("funnel.analytics.events.applied").tag("path", "live").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private String setting(String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    /**
     * A year of farming and hunting in time order: technique definitions, daily activities, and prospects found,
     * contacted, objecting, bridged, won or lost, until there are at least {@link #MIN_EVENTS} events.
     */
    private static List<FunnelEvent> backlog(Random random, int year, String techniquePrefix) {
        List<FunnelEvent> events = new ArrayList<>();
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<String> techniques = new ArrayList<>();
        for (int i = 0; i < TECHNIQUES; i++) {
            String technique = techniquePrefix + i;
            techniques.add(technique);
            events.add(new MarketingTechniqueDefined(technique, "Technique " + i,
                    Cadence.values()[i % 3], start));
        }
        for (int i = 0; i < ACTIVITIES; i++) {
            LocalDate day = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            Instant logged = day.atTime(18, random.nextInt(60)).toInstant(ZoneOffset.UTC);
            events.add(new MarketingActivityLogged(UUID.randomUUID(),
                    techniques.get(random.nextInt(TECHNIQUES)), day, 15 + random.nextInt(120),
                    random.nextInt(5_000), "EUR", logged));
        }
        ObjectionCategory[] categories = ObjectionCategory.values();
        while (events.size() < MIN_EVENTS) {
            UUID prospect = UUID.randomUUID();
            Instant found = start.plusSeconds(random.nextInt(365 * 86_400));
            boolean marketing = random.nextBoolean();
            events.add(new ProspectFound(prospect,
                    marketing ? ProspectSource.MARKETING : ProspectSource.SALES,
                    marketing ? techniques.get(random.nextInt(TECHNIQUES)) : null, "seller-" + random.nextInt(8),
                    1_000 + random.nextInt(100_000), "EUR", found));
            Instant at = found.plusSeconds(3_600 + random.nextInt(5 * 86_400));
            if (random.nextInt(100) < 85) {
                events.add(new ProspectContacted(prospect, "seller-" + random.nextInt(8), at));
            }
            int objections = random.nextInt(4);
            for (int i = 0; i < objections; i++) {
                UUID objection = UUID.randomUUID();
                at = at.plusSeconds(3_600 + random.nextInt(3 * 86_400));
                events.add(new ObjectionRaised(objection, prospect,
                        categories[random.nextInt(categories.length)], at));
                if (random.nextInt(3) > 0) {
                    events.add(new ObjectionResolved(objection, prospect,
                            at.plusSeconds(random.nextInt(2 * 86_400))));
                }
            }
            at = at.plusSeconds(86_400 + random.nextInt(20 * 86_400));
            int outcome = random.nextInt(100);
            if (outcome < 35) {
                events.add(new ProspectWon(prospect, 1_000 + random.nextInt(100_000), "EUR", at));
            } else if (outcome < 75) {
                events.add(new ProspectLost(prospect,
                        LostReason.values()[random.nextInt(LostReason.values().length)], at));
            }
        }
        // A backlog as the producers would have left it: in the order things happened.
        events.sort(Comparator.comparing(FunnelEvent::occurredAt));
        return events;
    }

    private static void produce(List<FunnelEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "acks", "all",
                "linger.ms", "5",
                "batch.size", "65536"), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>(events.size());
            for (FunnelEvent event : events) {
                RawEvent raw = RawEvent.of(event);
                List<Header> headers = raw.headers().entrySet().stream()
                        .map(h -> (Header) new RecordHeader(h.getKey(),
                                h.getValue().getBytes(StandardCharsets.UTF_8)))
                        .toList();
                sent.add(producer.send(new ProducerRecord<>(raw.topic(), null, raw.key(), raw.value(), headers)));
            }
            producer.flush();
            for (Future<?> ack : sent) {
                ack.get();
            }
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** The durable database, and the live channel paused until the backlog is on the topics. */
    public static class DurableBacklog implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.funnel-events.pausable", "true",
                    "mp.messaging.incoming.funnel-events.pausable.initially-paused", "true",
                    "funnel.analytics.metrics-refresh-interval", "60s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DurableTestResources.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
