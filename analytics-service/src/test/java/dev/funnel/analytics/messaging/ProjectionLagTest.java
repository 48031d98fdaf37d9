package dev.funnel.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.Cadence;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.MarketingTechniqueDefined;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.ManagementInterface;
import dev.funnel.testing.TransactionalSender;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The projection's lag counts data records only: the commit markers that transactional producers (the outbox
 * relay of every producing service) leave after each round take offsets, but a projection that applied
 * everything reads 0 on the gauge and on {@code /admin/projection}; a real backlog reads exactly the data
 * records waiting, aborted records and markers left out.
 *
 * <p>The lag figures scraped from /q/metrics on the way are written to {@code target/metrics} for deploy/checks,
 * which runs the lag alerts over them with promtool.
 *
 * <p>The classes share one application and broker (a second application in the JVM would lose its gauges from
 * /q/metrics), so the markers and aborted records written here stay on the topics for the tests after it: a
 * rebuild's target counts data records too, so RebuildTest holds whatever runs before it. Events are dated in 2999,
 * a year no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProjectionLagTest {

    /** Generous: other builds share these two cores. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GAUGE = "funnel_analytics_projection_lag_events";
    private static final Pattern SAMPLE = Pattern.compile("^(" + GAUGE + "\\{[^}]*}) (\\S+)$", Pattern.MULTILINE);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProjectionThatAppliedEveryTransactionalRecordReadsZero() {
        LocalDate day = LocalDate.of(2999, 6, 1);
        List<UUID> applied = new ArrayList<>();
        try (TransactionalSender sender = new TransactionalSender("/funnel/analytics-tests")) {
            // Three rounds over all three topics, as the outbox relays send them, and one round that aborted.
            for (int round = 0; round < 3; round++) {
                applied.addAll(sender.send(eventsOnEveryTopic(day, 4), true));
            }
            sender.send(eventsOnEveryTopic(day, 4), false);
        }
        await().atMost(PATIENCE).until(() -> processed(applied) == applied.size());

        LagSeries series = new LagSeries();
        await().atMost(withinOneCommitInterval()).until(series::read, lag -> lag.reads(0, 0, 0));
        series.write("caught-up");
    }

    @Test
    void aRealBacklogIsCountedInDataRecordsWithoutMarkersOrAbortedRecords() throws SQLException {
        LocalDate day = LocalDate.of(2999, 6, 1);
        try (TransactionalSender sender = new TransactionalSender("/funnel/analytics-tests")) {
            List<UUID> first = sender.send(eventsOnEveryTopic(day, 3), true);
            await().atMost(PATIENCE).until(() -> processed(first) == first.size());
            // Caught up first, so the committed offsets sit right before the markers of that round.
            await().atMost(withinOneCommitInterval()).until(ProjectionLagTest::projectionLag, lag -> lag == 0);

            List<UUID> waiting = new ArrayList<>();
            LagSeries series = new LagSeries();
            try (Connection blocker = dataSource.getConnection()) {
                // Holds back every write to prospect_fact, reads still pass: the batch waits, nothing is committed.
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("lock table prospect_fact in exclusive mode");
                }
                waiting.addAll(sender.send(prospectsFound(day, 3), true));
                waiting.addAll(sender.send(prospectsFound(day, 2), true));
                sender.send(prospectsFound(day, 3), false);

                await().atMost(withinOneCommitInterval()).until(series::read, lag -> lag.reads(0, 5, 0));
                assertThat(processed(waiting)).as("nothing of the backlog applied while it was counted").isZero();
                blocker.rollback();
            }
            series.write("backlog");

            await().atMost(PATIENCE).until(() -> processed(waiting) == waiting.size());
            await().atMost(withinOneCommitInterval()).until(ProjectionLagTest::projectionLag, lag -> lag == 0);
        }
    }

    /**
     * The live consumer commits what it applied every {@code auto.commit.interval.ms} (SmallRye's throttled
     * strategy), and the lag is read every refresh interval: one reading may have started just before the commit.
     */
    private static Duration withinOneCommitInterval() {
        long commitMillis = ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.incoming.funnel-events.auto.commit.interval.ms", Long.class)
                .orElse(5_000L);
        Duration refresh = ConfigProvider.getConfig()
                .getValue("funnel.analytics.metrics-refresh-interval", Duration.class);
        return Duration.ofMillis(commitMillis).plus(refresh.multipliedBy(2));
    }

    private static long projectionLag() {
        return projection().path("lag").asLong(-1);
    }

    private static String gauge(String topic) {
        return GAUGE + "{topic=\"" + topic + "\"}";
    }

    /**
     * One look at the lag: the gauges on /q/metrics and {@code lagByTopic} and {@code lag} of /admin/projection.
     * A record, so that a wait that ends without the expected figures says which it saw.
     */
    private record LagReading(Map<String, Double> gauges, Map<String, Long> admin, long adminTotal) {

        /** Whether both read exactly these figures for the activities, prospects and objections topics. */
        boolean reads(long activities, long prospects, long objections) {
            Map<String, Long> expected = Map.of(Topics.MARKETING_ACTIVITIES, activities, Topics.PROSPECTS, prospects,
                    Topics.OBJECTIONS, objections);
            return expected.entrySet().stream().allMatch(topic ->
                    gauges.getOrDefault(gauge(topic.getKey()), -1.0) == topic.getValue().doubleValue()
                            && admin.getOrDefault(topic.getKey(), -1L).equals(topic.getValue()))
                    && adminTotal == activities + prospects + objections;
        }
    }

    /** {@code perTopic} events on each of the three topics, keyed apart so that they land on several partitions. */
    private static List<FunnelEvent> eventsOnEveryTopic(LocalDate day, int perTopic) {
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<FunnelEvent> events = new ArrayList<>(prospectsFound(day, perTopic));
        for (int i = 0; i < perTopic; i++) {
            events.add(new ObjectionRaised(UUID.randomUUID(), UUID.randomUUID(), ObjectionCategory.PRICE, at));
            events.add(new MarketingTechniqueDefined("lag-" + UUID.randomUUID().toString().substring(0, 8),
                    "Lag test", Cadence.DAILY, at));
        }
        return events;
    }

    private static List<FunnelEvent> prospectsFound(LocalDate day, int count) {
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<FunnelEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, "lag-test", 0, "EUR", at));
        }
        return events;
    }

    private static JsonNode projection() {
        String body = RestAssured.given().accept("application/json").get("/admin/projection")
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long processed(List<UUID> eventIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from processed_event where event_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * The lag gauges as /q/metrics showed them, each value kept when it differs from the one before, so that
     * deploy/checks can play the run to promtool: {@code target/metrics/analytics-service.lag-<phase>}, one line
     * per series, its values oldest first.
     */
    private static final class LagSeries {

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        LagReading read() {
            Map<String, Double> gauges = scrape();
            JsonNode projection = projection();
            Map<String, Long> admin = new LinkedHashMap<>();
            projection.path("lagByTopic").fields().forEachRemaining(t -> admin.put(t.getKey(), t.getValue().asLong()));
            return new LagReading(gauges, admin, projection.path("lag").asLong(-1));
        }

        private Map<String, Double> scrape() {
            String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
            Map<String, Double> now = new LinkedHashMap<>();
            Matcher sample = SAMPLE.matcher(metrics);
            while (sample.find()) {
                now.put(sample.group(1), Double.parseDouble(sample.group(2)));
                List<String> seen = values.computeIfAbsent(sample.group(1), series -> new ArrayList<>());
                String value = String.valueOf((long) Double.parseDouble(sample.group(2)));
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(value)) {
                    seen.add(value);
                }
            }
            return now;
        }

        void write(String phase) {
            List<String> lines = values.entrySet().stream()
                    .map(series -> series.getKey() + " " + String.join(" ", series.getValue()))
                    .collect(Collectors.toList());
            try {
                Path directory = Path.of("target", "metrics");
                Files.createDirectories(directory);
                Files.write(directory.resolve("analytics-service.lag-" + phase), lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
