package dev.funnel.prospect.api;

import static dev.funnel.prospect.api.ProspectTestSupport.registerHunted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.funnel.events.Topics;
import dev.funnel.testing.EventContract;
import dev.funnel.testing.FunnelTestResources;
import dev.funnel.testing.KafkaTestClient;
import dev.funnel.testing.TracingTestProfile;
import dev.funnel.testing.TracingTestProfile.Traceparent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The trace of a request goes on with its event: the outbox keeps the request's span context with the row and the
 * relay sends it as the record's traceparent, so a consumer continues the trace that the POST began.
 */
@QuarkusTest
@TestProfile(TracingTestProfile.class)
@QuarkusTestResource(FunnelTestResources.class)
class ProspectTracingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRecordOfAPostCarriesThePostsTrace() {
        UUID prospect = registerHunted("sam");

        await().atMost(DELIVERY).until(() -> !kafka.readAll(Topics.PROSPECTS, prospect.toString()).isEmpty());
        ConsumerRecord<String, byte[]> record = kafka.readAll(Topics.PROSPECTS, prospect.toString()).get(0);
        Traceparent traceparent = Traceparent.parse(KafkaTestClient.header(record, "traceparent"));
        assertThat(KafkaTestClient.header(record, "ce_traceparent"))
                .isEqualTo(KafkaTestClient.header(record, "traceparent"));
        EventContract.assertConforms(record);

        // The record's parent is the server span of the POST itself: the trace goes on from the request.
        await().atMost(DELIVERY).until(() -> serverSpan(traceparent).isPresent());
        SpanData post = serverSpan(traceparent).orElseThrow();
        assertThat(post.getName()).isEqualTo("POST /prospects");
        assertThat(post.getTraceId()).isEqualTo(traceparent.traceId());
    }

    private Optional<SpanData> serverSpan(Traceparent traceparent) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(span -> span.getKind() == SpanKind.SERVER)
                .filter(span -> span.getSpanId().equals(traceparent.spanId()))
                .findFirst();
    }
}
