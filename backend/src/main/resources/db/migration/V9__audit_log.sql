-- The audit log (owner: audit/). Written in the transaction of the change it records, so a change that
-- rolls back leaves no event and a committed one always has its event. Rows are never updated, with one
-- exception: an aggregated failure (minute is set) counts the attempts of its target in that minute.
create table audit_event (
    id          bigint generated always as identity primary key,
    wallet_id   bigint       not null references wallet (id) on delete cascade,
    at          timestamptz  not null,
    action      varchar(40)  not null,
    actor_type  varchar(10)  not null,
    actor_id    varchar(200) not null,
    target_type varchar(10)  not null,
    target_id   varchar(200) not null,
    -- {"roles": {"added": [...], "removed": [...]}, "notes": {"from", "to"}, ...}; never a secret
    changes     jsonb,
    source_ip   varchar(64),
    user_agent  varchar(300),
    -- an aggregated failure: the minute it counts, and how many attempts it saw
    minute      timestamptz,
    attempts    integer      not null default 1,
    constraint audit_event_actor_ck check (actor_type in ('user', 'client', 'operator')),
    constraint audit_event_target_ck check (target_type in ('client', 'user', 'wallet')),
    constraint audit_event_attempts_ck check (attempts >= 1 and (minute is not null or attempts = 1))
);

-- newest first, per wallet; by target (a client's or a user's history); by actor (what a user did)
create index audit_event_wallet_idx on audit_event (wallet_id, id desc);
create index audit_event_target_idx on audit_event (wallet_id, target_type, target_id, id desc);
create index audit_event_actor_idx on audit_event (wallet_id, actor_type, actor_id, id desc);
-- one row per failing target and minute, whatever the number of attempts
create unique index audit_event_failure_minute_uq on audit_event (wallet_id, action, target_type, target_id, minute)
    where minute is not null;
-- the retention prune deletes the oldest first, in batches
create index audit_event_at_idx on audit_event (at);
