-- The trace context of the transaction that wrote the event (W3C Trace Context), sent with the record as the
-- traceparent / tracestate headers and their CloudEvents distributed-tracing twins ce_traceparent / ce_tracestate
-- (README, "Tracing"). Null for rows written without a recorded span (tracing off) and for rows older than this
-- migration: they are sent without those headers. Numbered 0.1.1 rather than 0.2, which platform/audit took.
alter table outbox
    add column traceparent text,
    add column tracestate  text;
