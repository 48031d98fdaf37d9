-- Replicas apply their own partitions' batches at the same time: a batch no longer updates the one state row
-- (whose lock made every batch of every replica wait for the one before). What the state row said, each writer
-- now keeps in a row of its own, and the projection's figures are the greatest over the rows.
-- writer = '<instance>/live' or '<instance>/rebuild' (one batch at a time each), or 'folded': the rows of
-- writers gone, folded together at startup so the table stays as small as the replicas running.
create table projection_progress (
    writer          text        primary key,
    last_event_time timestamptz,
    last_applied_at timestamptz not null
);

insert into projection_progress (writer, last_event_time, last_applied_at)
select 'folded', last_event_time, last_applied_at from projection_state where last_applied_at is not null;

-- The state row stays as what the projection's lock is taken on: batches share it (ROW SHARE), emptying the read
-- model for a rebuild takes it alone (EXCLUSIVE), in PostgreSQL's fair lock queue.
alter table projection_state drop column last_event_time, drop column last_applied_at;
