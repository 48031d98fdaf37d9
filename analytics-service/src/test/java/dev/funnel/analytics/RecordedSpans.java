package dev.funnel.analytics;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where the finished spans go under TracingTestProfile (platform/testing): Quarkus' default exporter sends them to
 * every SpanExporter bean. In the other tests the SDK is off and this exporter stays empty.
 */
@Singleton
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
