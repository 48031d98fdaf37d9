-- Each seller's quota for a calendar month, set by a manager: customers to win, won value to reach in one
-- currency, or both. Setting it again replaces it; every change is published as SalesQuotaSet.
create table sales_quota (
    owner              varchar(40)  not null,
    -- The month's first day.
    month              date         not null check (extract(day from month) = 1),
    customers_target   integer      check (customers_target between 1 and 1000000),
    value_target_minor bigint       check (value_target_minor >= 1),
    currency           char(3),
    set_by             varchar(120) not null,
    set_at             timestamptz  not null,
    primary key (owner, month),
    constraint a_target check (customers_target is not null or value_target_minor is not null),
    constraint currency_iff_value check ((value_target_minor is null) = (currency is null))
);

create index sales_quota_month on sales_quota (month, owner);
