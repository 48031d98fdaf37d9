package dev.funnel.objection.listener;

import static dev.funnel.objection.ObjectionServiceTestSupport.PATIENCE;
import static dev.funnel.objection.ObjectionServiceTestSupport.found;
import static dev.funnel.objection.ObjectionServiceTestSupport.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.EventJson;
import dev.funnel.events.ProspectFound;
import dev.funnel.events.Topics;
import dev.funnel.objection.ObjectionServiceTestSupport;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TracingTestProfile;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The replica continues the trace a prospect record carries in its traceparent header (prospect-service's outbox
 * sends the publishing request's), and still applies records that carry none.
 */
@QuarkusTest
@TestProfile(TracingTestProfile.class)
@QuarkusTestResource(FunnelTestResources.class)
class ProspectReplicaTracingTest {

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DataSource dataSource;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void theConsumerSpanAndTheApplyingSpanContinueTheRecordsTrace() {
        ObjectionServiceTestSupport support = new ObjectionServiceTestSupport(kafka, dataSource);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String publisherSpanId = traceId.substring(0, 16);
        ProspectFound event = found(UUID.randomUUID());
        UUID eventId = UUID.randomUUID();
        Map<String, String> traced = new HashMap<>(headers(event, eventId));
        traced.put("traceparent", "00-" + traceId + "-" + publisherSpanId + "-01");
        traced.put("ce_traceparent", "00-" + traceId + "-" + publisherSpanId + "-01");

        kafka.produce(Topics.PROSPECTS, event.partitionKey(), EventJson.toBytes(event), traced);
        support.awaitApplied(eventId);

        await().atMost(PATIENCE).until(() -> applySpan(eventId).isPresent());
        SpanData apply = applySpan(eventId).orElseThrow();
        assertThat(apply.getTraceId()).isEqualTo(traceId);
        SpanData consumer = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getSpanId().equals(apply.getParentSpanId())).findFirst().orElseThrow();
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getName()).contains(Topics.PROSPECTS);
        assertThat(consumer.getTraceId()).isEqualTo(traceId);
        assertThat(consumer.getParentSpanId()).isEqualTo(publisherSpanId);
    }

    @Test
    void aRecordWithoutATraceIsAppliedInATraceOfItsOwn() {
        ObjectionServiceTestSupport support = new ObjectionServiceTestSupport(kafka, dataSource);

        UUID eventId = support.publish(found(UUID.randomUUID()));
        support.awaitApplied(eventId);

        await().atMost(PATIENCE).until(() -> applySpan(eventId).isPresent());
        SpanData apply = applySpan(eventId).orElseThrow();
        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData consumer = finished.stream().filter(span -> span.getSpanId().equals(apply.getParentSpanId()))
                .findFirst().orElseThrow();
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getParentSpanContext().isValid()).as("a root span").isFalse();
    }

    private Optional<SpanData> applySpan(UUID eventId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> ProspectEventConsumer.APPLY_SPAN.equals(span.getName()))
                .filter(span -> eventId.toString().equals(span.getAttributes().get(
                        AttributeKey.stringKey("messaging.message.id"))))
                .findFirst();
    }
}
