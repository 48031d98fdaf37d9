package dev.funnel.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A test profile with tracing on, for the tests that check what a trace looks like: use it with
 * {@code @TestProfile(TracingTestProfile.class)} and a CDI bean {@code InMemorySpanExporter} in the module's tests,
 * which Quarkus' default exporter ({@code cdi}) sends every sampled span to. Everywhere else no trace is sampled
 * (the services' {@code quarkus.otel.traces.sampler.arg=0.0}), so the other tests record and export nothing.
 */
public class TracingTestProfile implements QuarkusTestProfile {

    /** W3C Trace Context's {@code traceparent}: version, trace id, parent span id, flags. */
    public record Traceparent(String traceId, String spanId) {

        public static Traceparent parse(String header) {
            String[] parts = header == null ? new String[0] : header.split("-");
            if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
                throw new AssertionError("Not a W3C traceparent: " + header);
            }
            return new Traceparent(parts[1], parts[2]);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.traces.sampler.arg", "1.0",
                // No collector in tests: the OTLP exporter would only log failed exports (a build-time key, which a
                // test profile may change: Quarkus builds the application again for it).
                "quarkus.otel.exporter.otlp.enabled", "false",
                // Finished spans reach the exporter within a moment rather than the default 5 s.
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
