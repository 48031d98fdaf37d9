package dev.funnel.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * A W3C Trace Context ({@code traceparent}, and {@code tracestate} when the trace has one) as the outbox keeps it
 * with a row and sends it with the record.
 *
 * <p>Taken with the W3C propagator itself rather than the application's configured ones: the row must hold exactly
 * these two values, whatever else ({@code baggage}, ...) the service propagates over HTTP.
 *
 * @param traceparent {@code 00-<trace id>-<span id>-<flags>}, null when no span was recorded
 * @param tracestate the vendors' entries, null when there are none
 */
record TraceContext(String traceparent, String tracestate) {

    static final TraceContext NONE = new TraceContext(null, null);

    /** W3C Trace Context's header, which OpenTelemetry's Kafka instrumentation extracts. */
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** The CloudEvents distributed-tracing extension's attributes as the Kafka binding names their headers. */
    static final String CE_TRACEPARENT = "ce_traceparent";
    static final String CE_TRACESTATE = "ce_tracestate";

    /** The context of the span current on this thread; {@link #NONE} when there is none (tracing off). */
    static TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        if (traceparent == null) {
            return NONE;
        }
        String tracestate = carrier.get(TRACESTATE);
        return new TraceContext(traceparent, tracestate == null || tracestate.isEmpty() ? null : tracestate);
    }

    boolean present() {
        return traceparent != null;
    }
}
