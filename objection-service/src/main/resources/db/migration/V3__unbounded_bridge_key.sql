-- Case folding can make a bridge longer than the 2,000 characters a client may send ("ß" becomes "ss",
-- "ﬃ" becomes "ffi"), and a btree index entry holds at most 2,704 bytes, which 900 CJK characters or 700
-- emoji already exceed. Both refused valid resolutions with a 500. The grouping key is now unbounded text,
-- and the playbook's index holds a fixed-size digest of it instead of the key itself; grouping still uses
-- the whole key, so two bridges share a row only when their folded texts are equal.
drop index objection_playbook;
alter table objection alter column bridge_key type text;
create index objection_playbook on objection (category, md5(bridge_key)) where resolved_at is not null;
