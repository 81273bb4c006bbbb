-- Credential lifecycle: a client's secrets become rows of their own (one or two live, so that a secret
-- can be rotated without an outage), and a client can be disabled without being deleted.
alter table api_client add column enabled boolean not null default true;

create table client_secret (
    id              bigint generated always as identity primary key,
    client_row_id   bigint       not null references api_client (id) on delete cascade,
    secret_id       varchar(32)  not null,
    -- null while the secret waits for its hand-off link to be opened: it does not exist yet
    digest          varchar(100),
    -- what the secret's tokens name (claim credential_ref), a fingerprint of the digest
    credential_ref  varchar(32),
    hint            varchar(32),
    created_at      timestamptz  not null,
    last_used_at    timestamptz,
    retires_at      timestamptz,
    link_digest     varchar(100),
    link_expires_at timestamptz,
    link_opened_at  timestamptz,
    constraint client_secret_secret_id_uq unique (secret_id),
    constraint client_secret_link_digest_uq unique (link_digest),
    constraint client_secret_ref_ck check ((digest is null) = (credential_ref is null)),
    constraint client_secret_link_ck check (digest is not null or (link_digest is not null and link_expires_at is not null))
);

create index client_secret_client_idx on client_secret (client_row_id, created_at);
-- what the retirement sweep looks for: rotated-out secrets and hand-off links not opened
create index client_secret_retiring_idx on client_secret (retires_at) where retires_at is not null;
create index client_secret_link_pending_idx on client_secret (link_expires_at) where digest is null;

-- Existing secrets move over as they are. Their credential_ref is what the tokens issued before carry
-- (CredentialRef: the first 12 bytes of SHA-256 of the stored digest, base64url), so those stay valid.
-- They have no hint: the clear secret was never kept.
insert into client_secret (client_row_id, secret_id, digest, credential_ref, created_at, last_used_at)
select id,
       substr(replace(gen_random_uuid()::text, '-', ''), 1, 16),
       secret_digest,
       translate(rtrim(encode(substr(sha256(convert_to(secret_digest, 'UTF8')), 1, 12), 'base64'), '='), '+/', '-_'),
       created_at,
       last_used_at
from api_client;

-- Kept, no longer written: replicas of the previous version read it during a rolling deploy (they see
-- neither rotations nor disabling; docs/operations.md). A later migration drops it.
alter table api_client alter column secret_digest drop not null;

-- sort=status: enabled before disabled, and among enabled ones the farthest expiry first, which is the
-- order active, expiring, expired; a page is read in index order like the other sorts (V4).
create index api_client_status_asc_idx on api_client (wallet_id, enabled desc, expiry_date desc, client_id);
