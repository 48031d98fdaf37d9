package dev.funnel.objection;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.events.EventJson;
import dev.funnel.events.FunnelEvent;
import dev.funnel.events.LostReason;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectLost;
import dev.funnel.events.ProspectSource;
import dev.funnel.events.ProspectWon;
import dev.funnel.events.Topics;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the tests of this service share: prospect events written to the topic as prospect-service would
 * write them, a look into the replica tables, and the events this service published.
 */
public final class ObjectionServiceTestSupport {

    /** Generous: two other builds share these two cores. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaTestClient kafka;
    private final DataSource dataSource;

    public ObjectionServiceTestSupport(KafkaTestClient kafka, DataSource dataSource) {
        this.kafka = kafka;
        this.dataSource = dataSource;
    }

    /** Publishes the event as prospect-service would: a CloudEvent keyed by the prospect, with a fresh ce_id. */
    public UUID publish(FunnelEvent event) {
        UUID eventId = UUID.randomUUID();
        publish(event, eventId);
        return eventId;
    }

    public void publish(FunnelEvent event, UUID eventId) {
        kafka.produce(Topics.PROSPECTS, event.partitionKey(), EventJson.toBytes(event), headers(event, eventId));
    }

    public static Map<String, String> headers(FunnelEvent event, UUID eventId) {
        return KafkaTestClient.cloudEventHeaders(eventId, "/funnel/prospect-service", event);
    }

    /** A prospect hunted by sales and found an hour ago. */
    public static ProspectFound found(UUID prospectId) {
        return found(prospectId, "dana");
    }

    /** A prospect this seller hunted and found an hour ago. */
    public static ProspectFound found(UUID prospectId, String owner) {
        return new ProspectFound(prospectId, ProspectSource.SALES, null, owner, 500_000, "EUR",
                Instant.now().minus(1, ChronoUnit.HOURS));
    }

    public static ProspectWon won(UUID prospectId, Instant at) {
        return new ProspectWon(prospectId, 480_000, "EUR", at);
    }

    public static ProspectLost lost(UUID prospectId, Instant at) {
        return new ProspectLost(prospectId, LostReason.PRICE, at);
    }

    /** A prospect the replica has seen, open. */
    public UUID openProspect() {
        return openProspectOf("dana");
    }

    /** An open prospect of this seller, made known to the replica by a ProspectFound record on the topic. */
    public UUID openProspectOf(String owner) {
        UUID prospectId = UUID.randomUUID();
        awaitApplied(publish(found(prospectId, owner)));
        return prospectId;
    }

    /** Waits until the replica recorded this event id as applied. */
    public void awaitApplied(UUID eventId) {
        await().atMost(PATIENCE).until(() -> processedCount(eventId) == 1);
    }

    public long processedCount(UUID eventId) {
        return queryLong("select count(*) from processed_event where event_id = ?", eventId).orElse(0L);
    }

    public long replicaRows(UUID prospectId) {
        return queryLong("select count(*) from prospect_replica where prospect_id = ?", prospectId).orElse(0L);
    }

    /** The prospect's stage in the replica, empty when it has not been seen. */
    public Optional<String> stage(UUID prospectId) {
        return query("select stage from prospect_replica where prospect_id = ?", prospectId,
                result -> result.getString(1));
    }

    /** The prospect's owner in the replica, empty when it has none (or has not been seen). */
    public Optional<String> owner(UUID prospectId) {
        return query("select owner from prospect_replica where prospect_id = ?", prospectId,
                result -> result.getString(1));
    }

    /** How many objections are stored for a prospect, whoever may see them. */
    public long storedObjections(UUID prospectId) {
        return queryLong("select count(*) from objection where prospect_id = ?", prospectId).orElse(0L);
    }

    private Optional<Long> queryLong(String sql, UUID parameter) {
        return query(sql, parameter, result -> result.getLong(1));
    }

    private <T> Optional<T> query(String sql, UUID parameter, Column<T> column) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(column.read(result)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The records of a topic under one key, in order. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return kafka.readAll(topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    /** The events this service published for a prospect, in order. */
    public List<ConsumerRecord<String, byte[]>> objectionEvents(UUID prospectId) {
        return records(Topics.OBJECTIONS, prospectId.toString());
    }

    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one sample on /q/metrics, 0 when the series is not there yet. */
    public static double metric(String series) {
        String text = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0.0;
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet result) throws SQLException;
    }
}
