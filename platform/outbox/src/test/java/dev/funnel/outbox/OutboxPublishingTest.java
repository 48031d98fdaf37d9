package dev.funnel.outbox;

import static dev.funnel.outbox.OutboxTestSupport.payload;
import static dev.funnel.outbox.OutboxTestSupport.recordsOf;
import static dev.funnel.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.CloudEventTypes;
import dev.funnel.events.ProspectContacted;
import dev.funnel.events.Topics;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.KafkaTestClient;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FunnelTestResources.class)
class OutboxPublishingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ContactLog contactLog;
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    PrometheusMeterRegistry prometheus;
    @Inject
    OutboxBenchmarkSwitch benchmarkSwitch;

    @Test
    void committedEventArrivesOnceWithItsKeyHeadersAndPayload() {
        UUID prospect = UUID.randomUUID();
        Instant contactedAt = Instant.parse("2026-11-20T09:30:00.123456Z");

        UUID eventId = contactLog.contact(prospect, "maria", contactedAt);

        await().atMost(DELIVERY).until(() -> recordsOf(kafka, prospect).size() == 1);
        ConsumerRecord<String, byte[]> record = recordsOf(kafka, prospect).get(0);
        assertThat(record.topic()).isEqualTo(Topics.PROSPECTS);
        assertThat(record.key()).isEqualTo(prospect.toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(header(record, "ce_type")).isEqualTo(CloudEventTypes.PROSPECT_CONTACTED);
        assertThat(header(record, "ce_source")).isEqualTo("/funnel/funnel-outbox");
        assertThat(header(record, "ce_subject")).isEqualTo(prospect.toString());
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(contactedAt);
        // Where the service serves the schema (platform/web): unless configured, its name and HTTP port (Quarkus'
        // default 8080 here), its address in the cluster.
        assertThat(header(record, "ce_dataschema"))
                .isEqualTo("http://funnel-outbox:8080/schemas/ProspectContacted.v1.json");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        // Written with no span current (tracing off): no trace headers rather than empty or made-up ones.
        assertThat(record.headers().headers("traceparent")).isEmpty();
        assertThat(record.headers().headers("ce_traceparent")).isEmpty();
        assertThat(payload(record)).isEqualTo(new ProspectContacted(prospect, "maria", contactedAt));

        // Once the relay has marked the row sent, nothing sends it again.
        await().atMost(DELIVERY).until(() -> contactLog.unsentOutboxRowsFor(eventId) == 0);
        assertThat(recordsOf(kafka, prospect)).hasSize(1);
    }

    @Test
    void theTraceOfTheWritingTransactionTravelsWithTheRecord() {
        UUID prospect = UUID.randomUUID();
        SpanContext request = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.builder().put("funnel", "t61rcWkgMzE").build());

        UUID eventId;
        // As a traced request would be: its span is current while the transaction writes the event.
        try (Scope scope = Context.root().with(Span.wrap(request)).makeCurrent()) {
            eventId = contactLog.contact(prospect, "maria", Instant.now());
        }

        await().atMost(DELIVERY).until(() -> recordsOf(kafka, prospect).size() == 1);
        ConsumerRecord<String, byte[]> record = recordsOf(kafka, prospect).get(0);
        assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        // W3C Trace Context, which OpenTelemetry's Kafka instrumentation continues the trace from ...
        assertThat(header(record, "traceparent")).isEqualTo(traceparent);
        assertThat(header(record, "tracestate")).isEqualTo("funnel=t61rcWkgMzE");
        // ... and the CloudEvents distributed-tracing extension in the Kafka binding's ce_ headers.
        assertThat(header(record, "ce_traceparent")).isEqualTo(traceparent);
        assertThat(header(record, "ce_tracestate")).isEqualTo("funnel=t61rcWkgMzE");
        assertThat(record.headers().headers("traceparent")).hasSize(1);
        // Still a record of the contract, which other teams' consumers accept.
        EventContract.assertConforms(record);
    }

    @Test
    void eventOfARolledBackTransactionNeverArrives() {
        UUID refused = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();

        assertThatThrownBy(() -> contactLog.contactThenFail(refused, "maria", Instant.now()))
                .isInstanceOf(IllegalStateException.class);
        contactLog.contact(accepted, "maria", Instant.now());

        // The later, committed event has gone out, so the refused one had every chance to.
        await().atMost(DELIVERY).until(() -> recordsOf(kafka, accepted).size() == 1);
        assertThat(recordsOf(kafka, refused)).isEmpty();
        assertThat(contactLog.rowsFor(refused)).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        ProspectContacted contact = new ProspectContacted(UUID.randomUUID(), "maria", Instant.now());

        assertThatThrownBy(() -> outbox.publish(contact))
                .isInstanceOf(TransactionalException.class)
                .hasMessageContaining("Transaction is required");
    }

    @Test
    void theOutboxCannotBeSwitchedOffOutsideTheBenchmarkProfile() {
        assertThatThrownBy(() -> benchmarkSwitch.writeEvents(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'benchmark' config profile");

        UUID eventId = contactLog.contact(UUID.randomUUID(), "maria", Instant.now());
        assertThat(contactLog.outboxRowsFor(eventId)).isEqualTo(1);
    }

    @Test
    void eachKeyKeepsItsOrderOverAThousandEvents() {
        List<UUID> prospects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            prospects.add(UUID.randomUUID());
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Map<UUID, List<Instant>> published = new ConcurrentHashMap<>();
        for (int batch = 0; batch < 50; batch++) {
            List<ProspectContacted> contacts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = batch * 20 + i;
                UUID prospect = prospects.get(n % prospects.size());
                Instant at = start.plus(n, ChronoUnit.MINUTES);
                contacts.add(new ProspectContacted(prospect, "owner-" + (n % 3), at));
                published.computeIfAbsent(prospect, p -> new ArrayList<>()).add(at);
            }
            contactLog.contactAll(contacts);
        }

        Set<UUID> keys = Set.copyOf(prospects);
        await().atMost(DELIVERY).until(() -> recordsOf(kafka, keys).size() >= 1000);
        Map<UUID, List<Instant>> received = recordsOf(kafka, keys).stream()
                .map(OutboxTestSupport::payload)
                .collect(Collectors.groupingBy(ProspectContacted::prospectId,
                        Collectors.mapping(ProspectContacted::contactedAt, Collectors.toList())));
        assertThat(received).isEqualTo(published);
    }

    @Test
    void concurrentRelaysNeverSendTheSameRowTwice() throws Exception {
        // Three more relays beside the background one, as replicas of a service would run them.
        AtomicBoolean publishing = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(replicas.submit(() -> {
                while (publishing.get()) {
                    relay.relayRound();
                }
                return null;
            }));
        }
        Set<UUID> prospects = ConcurrentHashMap.newKeySet();
        List<UUID> eventIds = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                UUID prospect = UUID.randomUUID();
                prospects.add(prospect);
                eventIds.add(contactLog.contact(prospect, "maria", Instant.now()));
            }
            await().atMost(DELIVERY).until(() -> recordsOf(kafka, prospects).size() >= 300);
        } finally {
            publishing.set(false);
            for (Future<?> replica : running) {
                replica.get(60, TimeUnit.SECONDS);
            }
            replicas.shutdown();
        }

        List<String> sentIds = recordsOf(kafka, prospects).stream()
                .map(record -> header(record, "ce_id"))
                .collect(Collectors.toList());
        assertThat(sentIds).containsExactlyInAnyOrderElementsOf(
                eventIds.stream().map(UUID::toString).collect(Collectors.toList()));
    }

    @Test
    void sentRowsArePrunedAfterTheirRetention() {
        UUID prospect = UUID.randomUUID();

        UUID eventId = contactLog.contact(prospect, "maria", Instant.now());

        await().atMost(DELIVERY).until(() -> recordsOf(kafka, prospect).size() == 1);
        await().atMost(DELIVERY).until(() -> contactLog.outboxRowsFor(eventId) == 0);
    }

    @Test
    void publishedEventsAndTheBacklogAreExposedToPrometheus() {
        UUID prospect = UUID.randomUUID();
        contactLog.contact(prospect, "maria", Instant.now());
        await().atMost(DELIVERY).until(() -> recordsOf(kafka, prospect).size() == 1);

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(prospectsPublished()).isGreaterThanOrEqualTo(1.0));
        String scrape = prometheus.scrape();
        assertThat(scrape)
                .contains("funnel_outbox_pending_events ")
                .contains("funnel_outbox_oldest_pending_age_seconds ")
                .contains("funnel_outbox_send_failures_total ");
    }

    private double prospectsPublished() {
        return prometheus.scrape().lines()
                .filter(line -> line.startsWith("funnel_outbox_published_total{")
                        && line.contains("topic=\"" + Topics.PROSPECTS + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
