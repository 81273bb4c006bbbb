-- Webhooks (owner: webhook/). The audit log is the outbox: a trigger on audit_event queues one delivery
-- per endpoint that wants the event, in the transaction that records it, so an event that commits is
-- always queued and one that rolls back never is, whichever replica wrote it or dies afterwards.

alter table audit_event drop constraint audit_event_target_ck;
alter table audit_event add constraint audit_event_target_ck
    check (target_type in ('client', 'user', 'wallet', 'webhook'));

create table webhook_endpoint (
    id            uuid          primary key,
    wallet_id     bigint        not null references wallet (id) on delete cascade,
    url           varchar(2000) not null,
    -- the audit actions it receives, in the order given
    events        text[]        not null,
    enabled       boolean       not null default true,
    -- the signing secret, AES-256-GCM under api-access.webhooks.secret-key (WebhookSecrets): it has to be
    -- read back to sign, so it cannot be a digest like a client secret
    secret_sealed varchar(200)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    constraint webhook_endpoint_events_ck check (cardinality(events) >= 1)
);

create index webhook_endpoint_wallet_idx on webhook_endpoint (wallet_id, created_at, id);

create table webhook_delivery (
    id              bigint generated always as identity primary key,
    endpoint_id     uuid          not null references webhook_endpoint (id) on delete cascade,
    -- retries end within a day and events are kept 400 days: an event outlives its deliveries
    event_id        bigint        not null references audit_event (id) on delete cascade,
    type            varchar(40)   not null,
    status          varchar(10)   not null default 'pending',
    attempts        integer       not null default 0,
    last_error      varchar(200),
    last_attempt_at timestamptz,
    -- when it is due; while a dispatcher holds it, the end of that dispatcher's lease
    next_attempt_at timestamptz   not null,
    constraint webhook_delivery_status_ck check (status in ('pending', 'delivered', 'failed')),
    constraint webhook_delivery_uq unique (endpoint_id, event_id)
);

-- what the dispatchers claim, oldest due first
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
-- an endpoint's deliveries, newest first (the unique key serves the cascade from the endpoint)
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, id desc);
create index webhook_delivery_event_idx on webhook_delivery (event_id);

-- One delivery per enabled endpoint of the event's wallet subscribed to its action; a webhook.test event
-- goes to the endpoint it names only, enabled or not.
create function webhook_fan_out() returns trigger language plpgsql as $$
begin
    insert into webhook_delivery (endpoint_id, event_id, type, next_attempt_at)
    select e.id, new.id, new.action, new.at
    from webhook_endpoint e
    where e.wallet_id = new.wallet_id
      and ((e.enabled and new.action = any (e.events))
           or (new.action = 'webhook.test' and new.target_type = 'webhook' and e.id::text = new.target_id));
    return null;
end;
$$;

create trigger audit_event_webhook_fan_out after insert on audit_event
    for each row execute function webhook_fan_out();

-- Expiry notices sent (client.expiring 30, 7 and 1 days ahead, client.expired): one row each, so that a
-- notice is recorded once whatever the number of replicas and however late a run catches up.
create table webhook_expiry_notice (
    client_row_id bigint      not null references api_client (id) on delete cascade,
    expiry_date   date        not null,
    notice        varchar(12) not null,
    noticed_at    timestamptz not null,
    constraint webhook_expiry_notice_pk primary key (client_row_id, expiry_date, notice),
    constraint webhook_expiry_notice_ck check (notice in ('expiring-30', 'expiring-7', 'expiring-1', 'expired'))
);

-- the notices' hourly look for clients near or just past their expiry date, over all wallets
create index api_client_expiry_idx on api_client (expiry_date);
