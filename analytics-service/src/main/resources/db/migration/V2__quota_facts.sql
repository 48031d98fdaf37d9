-- Sellers' monthly quotas, from SalesQuotaSet: the latest setting per owner and month wins, by (set_at, event id),
-- like a technique's definition. A target left out of the quota is null.
create table quota_fact (
    owner              text        not null,
    -- The month's first day.
    month              date        not null,
    customers_target   integer,
    value_target_minor bigint,
    currency           text,
    set_by             text        not null,
    set_at             timestamptz not null,
    event_id           uuid        not null,
    primary key (owner, month)
);

create index quota_fact_month on quota_fact (month, owner);
