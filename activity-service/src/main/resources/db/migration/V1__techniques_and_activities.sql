-- A marketing technique the owner works at, with the cadence they planned for it.
create table technique (
    slug       varchar(40) primary key,
    name       varchar(80) not null,
    cadence    varchar(16) not null check (cadence in ('DAILY', 'WEEKDAYS', 'WEEKLY')),
    defined_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

-- One piece of marketing work done on a day. The id may be chosen by the client, which makes a
-- repeated POST harmless.
create table activity (
    id            uuid          primary key,
    technique     varchar(40)   not null references technique (slug),
    performed_on  date          not null,
    minutes_spent integer       not null check (minutes_spent between 0 and 1440),
    cost_minor    bigint        not null check (cost_minor >= 0),
    currency      char(3)       not null,
    -- Free text for the owner only: it never leaves this service.
    notes         varchar(2000),
    logged_at     timestamptz   not null
);

-- Listing is newest first, overall or for one technique.
create index activity_newest on activity (performed_on desc, logged_at desc, id);
create index activity_technique_newest on activity (technique, performed_on desc, logged_at desc, id);
