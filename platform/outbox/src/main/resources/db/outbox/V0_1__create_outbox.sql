-- The transactional outbox of the funnel-outbox library. Versions 0.x belong to this library;
-- services number their own migrations from 1.
create table outbox (
    -- Insertion order; the relay sends in this order. Ids are taken at insert, not commit, so the
    -- relay marks rows one by one instead of keeping a high-water mark (a late commit is never skipped).
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    source       text        not null,
    data_schema  text        not null,
    payload      text        not null,
    occurred_at  timestamptz not null,
    created_at   timestamptz not null default clock_timestamp(),
    sent_at      timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

-- The relay only ever looks for unsent rows; this index stays as small as the backlog.
create index outbox_pending on outbox (id) where sent_at is null;
-- Pruning finds sent rows past their retention.
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;
