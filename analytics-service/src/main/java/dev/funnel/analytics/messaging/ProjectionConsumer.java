package dev.funnel.analytics.messaging;

import dev.funnel.analytics.messaging.RecordDecoder.DecodedBatch;
import dev.funnel.analytics.monitoring.ProjectionMetrics;
import dev.funnel.analytics.projection.ApplyResult;
import dev.funnel.analytics.projection.ProjectionApplier;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The live projection: every batch the Kafka connector polls from the three topics, applied in one database
 * transaction. The batch is acknowledged (and its offsets committed) only after that transaction committed and
 * the unreadable records of the batch are safely on their dead-letter topics.
 *
 * <p>Traces: one span per batch ({@value #BATCH_SPAN}, a consumer span of a trace of its own), current while the batch
 * is applied, so the projection's log lines carry its ids. It links the trace context of each record that has one
 * (the {@code traceparent} header the producers' outboxes send: the request that published the event), as
 * OpenTelemetry's messaging conventions have a batch do: one batch serves many traces, so it is the child of none.
 * The SDK keeps the first 128 links of a span (its default limit) and counts the rest. The connector's own span per
 * record is off on this channel ({@code tracing-enabled=false}): thousands of spans a batch, saying less than the
 * links.
 */
@ApplicationScoped
public class ProjectionConsumer {

    static final String CHANNEL = "funnel-events";
    static final String BATCH_SPAN = CHANNEL + " process";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> names = new ArrayList<>();
            headers.forEach(header -> names.add(header.key()));
            return names;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final ProjectionApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final Retrying retrying;
    private final ProjectionMetrics metrics;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    ProjectionConsumer(ProjectionApplier applier, DeadLetterPublisher deadLetters, Retrying retrying,
            ProjectionMetrics metrics, Tracer tracer, OpenTelemetry openTelemetry) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.retrying = retrying;
        this.metrics = metrics;
        this.tracer = tracer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<byte[], byte[]> records) {
        Span span = batchSpan(records);
        try (Scope scope = span.makeCurrent()) {
            apply(records);
        } finally {
            span.end();
        }
    }

    private Span batchSpan(ConsumerRecords<byte[], byte[]> records) {
        SpanBuilder batch = tracer.spanBuilder(BATCH_SPAN).setSpanKind(SpanKind.CONSUMER).setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.batch.message_count", (long) records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            SpanContext published = Span.fromContext(propagator.extract(Context.root(), record.headers(),
                    KAFKA_HEADERS)).getSpanContext();
            if (published.isValid()) {
                batch.addLink(published);
            }
        }
        return batch.startSpan();
    }

    private void apply(ConsumerRecords<byte[], byte[]> records) {
        long start = System.nanoTime();
        DecodedBatch batch = RecordDecoder.decodeAll(records);
        if (!batch.unreadable().isEmpty()) {
            // Before the transaction: if the process dies in between, the batch comes again and its dead
            // letters are sent twice, which is better than never.
            retrying.untilDone("Sending " + batch.unreadable().size() + " dead letters",
                    () -> deadLetters.publish(batch.unreadable()));
        }
        ApplyResult result = retrying.untilDone("Applying a batch of " + batch.events().size() + " events",
                () -> applier.apply(batch.events(), batch.unreadableByType(), true));
        metrics.applied(result, false);
        metrics.deadLettered(batch.unreadable());
        metrics.batch(records.count(), System.nanoTime() - start);
    }
}
