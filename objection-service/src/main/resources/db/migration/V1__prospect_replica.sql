-- What this service knows of prospects, learnt only from funnel.prospects.v1: that one exists, and whether
-- it is still open. No names, no contact details: those stay in prospect-service.
create table prospect_replica (
    prospect_id   uuid        primary key,
    stage         varchar(8)  not null check (stage in ('OPEN', 'WON', 'LOST')),
    -- When the prospect was won or lost (the event's own time); the later of two such events decides.
    closed_at     timestamptz,
    first_seen_at timestamptz not null,
    updated_at    timestamptz not null,
    check ((stage = 'OPEN') = (closed_at is null))
);

-- Prospect events already applied, by CloudEvents id: a redelivered or replayed event is skipped. Written
-- in the same transaction as the replica change it made.
create table processed_event (
    event_id     uuid        primary key,
    event_type   varchar(60) not null,
    processed_at timestamptz not null
);
