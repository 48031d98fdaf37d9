-- Who did what to which id and when: one row per write, in the transaction of the write itself, so a write that
-- rolled back leaves none. The actor is the caller's name from their token; it never goes on a topic.
create table audit_entry (
    id           bigint       generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(255) not null,
    action       varchar(60)  not null,
    subject_type varchar(30)  not null,
    subject_id   varchar(100) not null
);

-- GET /audit reads newest first, overall or for one actor or one subject.
create index audit_entry_newest on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc, id desc);
create index audit_entry_subject on audit_entry (subject_id, occurred_at desc, id desc);
