-- Every prospect, farmed (MARKETING) or hunted (SALES), and their path found -> contacted -> won / lost.
-- Contact details (display_name, company, email, phone) are personal data: they never leave this
-- service and are erased on request, leaving the anonymous facts.
create table prospect (
    id                      uuid         primary key,
    display_name            varchar(120),
    company                 varchar(200),
    email                   varchar(254),
    phone                   varchar(40),
    personal_data_erased_at timestamptz,
    source                  varchar(16)  not null check (source in ('MARKETING', 'SALES')),
    technique               varchar(40),
    owner                   varchar(40)  not null,
    estimated_value_minor   bigint       not null check (estimated_value_minor >= 0),
    currency                char(3)      not null,
    stage                   varchar(16)  not null check (stage in ('FOUND', 'CONTACTED', 'WON', 'LOST')),
    found_at                timestamptz  not null,
    contacted_at            timestamptz,
    contacted_by            varchar(40),
    won_at                  timestamptz,
    won_value_minor         bigint       check (won_value_minor > 0),
    won_currency            char(3),
    lost_at                 timestamptz,
    lost_reason             varchar(16),
    -- Optimistic locking: of two concurrent transitions exactly one commits.
    version                 bigint       not null default 0,
    constraint technique_iff_marketing check ((source = 'MARKETING') = (technique is not null)),
    constraint personal_data_erased check (personal_data_erased_at is null
        or (display_name is null and company is null and email is null and phone is null))
);

create index prospect_newest on prospect (found_at desc, id);
create index prospect_stage on prospect (stage, found_at desc);
create index prospect_owner on prospect (owner, found_at desc);
create index prospect_technique on prospect (technique, found_at desc) where technique is not null;
