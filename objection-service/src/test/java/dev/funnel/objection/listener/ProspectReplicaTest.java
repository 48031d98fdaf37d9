package dev.funnel.objection.listener;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.ObjectionServiceTestSupport.found;
import static dev.funnel.objection.ObjectionServiceTestSupport.headers;
import static dev.funnel.objection.ObjectionServiceTestSupport.lost;
import static dev.funnel.objection.ObjectionServiceTestSupport.metric;
import static dev.funnel.objection.ObjectionServiceTestSupport.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.funnel.events.CloudEventHeaders;
import dev.funnel.events.EventJson;
import dev.funnel.events.ObjectionCategory;
import dev.funnel.events.ObjectionRaised;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.Topics;
import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.ManagementInterface;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class ProspectReplicaTest {

    private static final String DEAD_LETTERS = Topics.deadLetterTopicOf(Topics.PROSPECTS);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;

    private ObjectionServiceTestSupport support;

    @BeforeAll
    static void createDeadLetterTopic() {
        KafkaTestClient.shared().createTopic(DEAD_LETTERS, 1);
    }

    @BeforeEach
    void support() {
        support = new ObjectionServiceTestSupport(kafka, dataSource);
    }

    @Test
    void aFoundProspectIsReplicatedAsOpen() {
        UUID prospectId = UUID.randomUUID();

        support.awaitApplied(support.publish(found(prospectId)));

        assertThat(support.stage(prospectId)).contains("OPEN");
    }

    @Test
    void aFoundProspectIsReplicatedWithItsOwner() {
        UUID prospectId = UUID.randomUUID();

        support.awaitApplied(support.publish(found(prospectId, "sam")));

        assertThat(support.owner(prospectId)).contains("sam");
    }

    @Test
    void aProspectFirstSeenThroughALaterEventGetsItsOwnerWhenProspectFoundArrives() {
        UUID wonFirst = UUID.randomUUID();
        UUID contactedFirst = UUID.randomUUID();

        // A replay can meet the win before the find; a contact names who made it, not the owner.
        support.awaitApplied(support.publish(won(wonFirst, Instant.now().minus(5, ChronoUnit.MINUTES))));
        support.awaitApplied(support.publish(contacted(contactedFirst)));
        assertThat(support.owner(wonFirst)).isEmpty();
        assertThat(support.owner(contactedFirst)).isEmpty();

        support.awaitApplied(support.publish(found(wonFirst, "sam")));
        support.awaitApplied(support.publish(found(contactedFirst, "alex")));

        assertThat(support.owner(wonFirst)).contains("sam");
        assertThat(support.stage(wonFirst)).contains("WON");
        assertThat(support.owner(contactedFirst)).contains("alex");
        assertThat(support.stage(contactedFirst)).contains("OPEN");
    }

    @Test
    void anOwnerOnceKnownIsKeptWhenAnotherFoundEventNamesSomeoneElse() {
        UUID prospectId = UUID.randomUUID();
        support.awaitApplied(support.publish(found(prospectId, "sam")));

        support.awaitApplied(support.publish(found(prospectId, "alex")));
        support.awaitApplied(support.publish(won(prospectId, Instant.now().minus(1, ChronoUnit.MINUTES))));

        assertThat(support.owner(prospectId)).contains("sam");
        assertThat(support.replicaRows(prospectId)).isEqualTo(1);
    }

    @Test
    void anEventTheDatabaseRefusesIsRetriedUntilAppliedAndTheServiceIsNotReadyMeanwhile() throws Exception {
        UUID prospectId = UUID.randomUUID();
        String replicaCheck = "checks.find { it.name == 'Prospect replica consumer' }";

        // The replica's table is away: every attempt fails, as with a database that refuses writes.
        execute("alter table prospect_replica rename to prospect_replica_away");
        UUID eventId;
        try {
            eventId = support.publish(found(prospectId));
            await().atMost(PATIENCE).untilAsserted(() -> ManagementInterface.given().get("/q/health/ready").then()
                    .statusCode(503)
                    .body(replicaCheck + ".status", equalTo("DOWN"))
                    .body(replicaCheck + ".data.failure", notNullValue()));
        } finally {
            execute("alter table prospect_replica_away rename to prospect_replica");
        }

        support.awaitApplied(eventId);
        assertThat(support.stage(prospectId)).contains("OPEN");
        await().atMost(PATIENCE).untilAsserted(() -> ManagementInterface.given().get("/q/health/ready").then()
                .statusCode(200)
                .body(replicaCheck + ".status", equalTo("UP")));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void theSameEventDeliveredTwiceLeavesOneRowAndCountsAsADuplicate() {
        UUID prospectId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        double duplicatesBefore = metric("funnel_prospect_events_deduplicated_total");

        support.publish(found(prospectId), eventId);
        support.publish(found(prospectId), eventId);
        UUID marker = support.publish(contacted(prospectId));

        support.awaitApplied(marker);
        assertThat(support.replicaRows(prospectId)).isEqualTo(1);
        assertThat(support.processedCount(eventId)).isEqualTo(1);
        assertThat(metric("funnel_prospect_events_deduplicated_total")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
    }

    @Test
    void anEventIdAppliedBeforeIsSkippedEvenWhenItsContentDiffers() {
        UUID prospectId = UUID.randomUUID();
        Instant wonAt = Instant.now().minus(10, ChronoUnit.MINUTES);
        UUID winId = UUID.randomUUID();
        support.publish(found(prospectId));
        support.publish(won(prospectId, wonAt), winId);

        // A later loss under the win's id: a producer bug or a replayed id, never a new fact.
        support.publish(lost(prospectId, wonAt.plusSeconds(60)), winId);
        support.awaitApplied(support.publish(contacted(prospectId)));

        assertThat(support.stage(prospectId)).contains("WON");
    }

    @Test
    void foundOrContactedArrivingAfterTheWinNeverReopensTheProspect() {
        UUID prospectId = UUID.randomUUID();
        support.publish(found(prospectId));
        support.publish(won(prospectId, Instant.now().minus(5, ChronoUnit.MINUTES)));

        support.publish(contacted(prospectId));
        support.awaitApplied(support.publish(found(prospectId)));

        assertThat(support.stage(prospectId)).contains("WON");
    }

    @Test
    void wonAndLostEndAtTheLaterOneWhateverOrderTheyArriveIn() {
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);
        Instant later = earlier.plus(1, ChronoUnit.HOURS);
        UUID inOrder = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();

        support.publish(won(inOrder, earlier));
        UUID lastInOrder = support.publish(lost(inOrder, later));
        support.publish(lost(reversed, later));
        UUID lastReversed = support.publish(won(reversed, earlier));

        support.awaitApplied(lastInOrder);
        support.awaitApplied(lastReversed);
        assertThat(support.stage(inOrder)).contains("LOST");
        assertThat(support.stage(reversed)).contains("LOST");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndLaterEventsAreStillApplied() {
        UUID prospectId = UUID.randomUUID();
        String key = prospectId.toString();
        ProspectFound valid = found(prospectId);
        double deadLetteredBefore = metric("funnel_prospect_events_dead_lettered_total");

        kafka.produce(Topics.PROSPECTS, key, "{\"prospectId\": ".getBytes(StandardCharsets.UTF_8),
                headers(valid, UUID.randomUUID()));
        kafka.produce(Topics.PROSPECTS, key, EventJson.toBytes(valid),
                with(headers(valid, UUID.randomUUID()), CloudEventHeaders.TYPE, "dev.funnel.ProspectVanished.v1"));
        kafka.produce(Topics.PROSPECTS, key, EventJson.toBytes(valid),
                with(headers(valid, UUID.randomUUID()), CloudEventHeaders.ID, "not-a-uuid"));
        ObjectionRaised misplaced = new ObjectionRaised(UUID.randomUUID(), prospectId, ObjectionCategory.PRICE,
                Instant.now());
        kafka.produce(Topics.PROSPECTS, key, EventJson.toBytes(misplaced), headers(misplaced, UUID.randomUUID()));
        UUID next = support.publish(valid);

        support.awaitApplied(next);
        assertThat(support.stage(prospectId)).contains("OPEN");
        await().atMost(PATIENCE).until(() -> support.records(DEAD_LETTERS, key).size() == 4);
        List<ConsumerRecord<String, byte[]>> dead = support.records(DEAD_LETTERS, key);
        assertThat(dead).extracting(record -> KafkaTestClient.header(record, "dead-letter-reason"))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("Cannot decode ProspectFound", "malformed JSON"),
                        reason -> assertThat(reason).contains("ce_type 'dev.funnel.ProspectVanished.v1' is no event of the catalog"),
                        reason -> assertThat(reason).contains("ce_id must be a UUID (36 characters) but was 'not-a-uuid'"),
                        reason -> assertThat(reason).contains("ObjectionRaised belongs on " + Topics.OBJECTIONS
                                + ", not on " + Topics.PROSPECTS));
        assertThat(dead).allSatisfy(record -> {
            assertThat(KafkaTestClient.header(record, "dead-letter-topic")).isEqualTo(Topics.PROSPECTS);
            assertThat(KafkaTestClient.header(record, "dead-letter-offset")).isNotNull();
            assertThat(KafkaTestClient.header(record, CloudEventHeaders.ID)).isNotNull();
        });
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"prospectId\": ");
        await().atMost(PATIENCE)
                .until(() -> metric("funnel_prospect_events_dead_lettered_total") >= deadLetteredBefore + 4);
    }

    @Test
    void aRecordWhoseKeyIsNotItsProspectIsDeadLettered() {
        UUID prospectId = UUID.randomUUID();
        String wrongKey = UUID.randomUUID().toString();
        ProspectFound event = found(prospectId);

        kafka.produce(Topics.PROSPECTS, wrongKey, EventJson.toBytes(event), headers(event, UUID.randomUUID()));

        await().atMost(PATIENCE).until(() -> support.records(DEAD_LETTERS, wrongKey).size() == 1);
        assertThat(KafkaTestClient.header(support.records(DEAD_LETTERS, wrongKey).get(0), "dead-letter-reason"))
                .contains("the key must be the event's partition key '" + prospectId + "' but was '" + wrongKey
                        + "'");
        assertThat(support.stage(prospectId)).isEmpty();
    }

    /** Made by dana, whoever owns the prospect. */
    private static ProspectContacted contacted(UUID prospectId) {
        return new ProspectContacted(prospectId, "dana", Instant.now().minus(30, ChronoUnit.MINUTES));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getKey().equals(name) ? value : entry.getValue()));
    }
}
