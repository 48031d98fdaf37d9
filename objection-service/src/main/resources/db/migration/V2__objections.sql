-- An objection a prospect raised and, once resolved, the bridge that answered it. The prospect id is not a
-- foreign key to the replica, so the replica can be dropped and rebuilt from the topic.
create table objection (
    id          uuid          primary key,
    prospect_id uuid          not null,
    category    varchar(16)   not null
        check (category in ('PRICE', 'TIMING', 'NEED', 'TRUST', 'AUTHORITY', 'COMPETITOR', 'OTHER')),
    -- What the prospect said, and how it was answered: free text that never leaves this service.
    statement   varchar(2000) not null,
    raised_at   timestamptz   not null,
    bridge      varchar(2000),
    -- The bridge trimmed and case-folded: the playbook groups bridges by it.
    bridge_key  varchar(2000),
    resolved_at timestamptz,
    recorded_at timestamptz   not null,
    version     bigint        not null default 0,
    check ((resolved_at is null) = (bridge is null) and (bridge is null) = (bridge_key is null)),
    check (resolved_at is null or resolved_at >= raised_at)
);

-- Listing is newest first, overall, per prospect or per category.
create index objection_newest on objection (raised_at desc, id);
create index objection_prospect_newest on objection (prospect_id, raised_at desc, id);
create index objection_category_newest on objection (category, raised_at desc, id);
-- The playbook reads the resolved objections of one category, grouped by bridge.
create index objection_playbook on objection (category, bridge_key) where resolved_at is not null;
