-- The seller who owns the prospect, as ProspectFound names it (preferred_username of their token): a seller may
-- raise, read and resolve only objections on prospects they own. Null until ProspectFound is applied, which is
-- also every row replicated before this column existed (their ProspectFound was applied already and is not
-- applied again): such a prospect is reachable only by managers.
alter table prospect_replica add column owner varchar(40);

-- A seller's listing keeps the objections whose prospect is theirs.
create index prospect_replica_owner on prospect_replica (owner, prospect_id);
