-- A stand-in for a service's own state, changed in the same transaction as the outbox row.
create table contact_log (
    id           bigserial primary key,
    prospect_id  uuid        not null,
    owner        text        not null,
    contacted_at timestamptz not null
);
