package dev.funnel.analytics;

import static dev.funnel.analytics.AnalyticsApi.funnel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.ProspectFound;
import dev.funnel.events.ProspectSource;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TracingTestProfile;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live projection applies a batch in one span that links the trace of each record it applied (the traceparent
 * header the producers' outboxes send), and applies records without a trace all the same.
 */
@QuarkusTest
@TestProfile(TracingTestProfile.class)
@QuarkusTestResource(FunnelTestResources.class)
class ProjectionTracingTest {

    private static final String BATCH_SPAN = "funnel-events process";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aBatchSpanLinksTheTraceOfEveryRecordItApplied() {
        LocalDate day = FunnelScenario.unusedDay();
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        String owner = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> traceIds = new ArrayList<>();
        List<String> spanIds = new ArrayList<>();
        try (KafkaTestClient kafka = KafkaTestClient.forTestBroker()) {
            for (int i = 0; i < 3; i++) {
                ProspectFound found = new ProspectFound(UUID.randomUUID(), ProspectSource.SALES, null, owner, 100,
                        "EUR", noon);
                RawEvent event = RawEvent.of(found);
                if (i < 2) {
                    // As prospect-service's outbox sends it: the publishing request's context.
                    String traceId = UUID.randomUUID().toString().replace("-", "");
                    String spanId = traceId.substring(16);
                    traceIds.add(traceId);
                    spanIds.add(spanId);
                    event.headers().put("traceparent", "00-" + traceId + "-" + spanId + "-01");
                }
                event.sendWith(kafka);
            }

            // The third record has no trace and is applied too.
            await().atMost(FunnelScenarioTest.PROJECTED).untilAsserted(() ->
                    assertThat(funnel(day, day, "owner", owner).at("/stages/found").asLong()).isEqualTo(3));
        }

        for (int i = 0; i < traceIds.size(); i++) {
            String traceId = traceIds.get(i);
            String spanId = spanIds.get(i);
            await().atMost(FunnelScenarioTest.PROJECTED).until(() -> batchLinking(traceId, spanId) != null);
            SpanData batch = batchLinking(traceId, spanId);
            assertThat(batch.getKind()).isEqualTo(SpanKind.CONSUMER);
            // One batch serves many traces: it is the child of none of them.
            assertThat(batch.getParentSpanContext().isValid()).isFalse();
            assertThat(batch.getTraceId()).isNotIn(traceIds);
        }
    }

    private SpanData batchLinking(String traceId, String spanId) {
        for (SpanData span : spans.getFinishedSpanItems()) {
            if (!BATCH_SPAN.equals(span.getName())) {
                continue;
            }
            for (LinkData link : span.getLinks()) {
                if (link.getSpanContext().getTraceId().equals(traceId)
                        && link.getSpanContext().getSpanId().equals(spanId)) {
                    return span;
                }
            }
        }
        return null;
    }
}
