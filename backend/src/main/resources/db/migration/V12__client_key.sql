-- private_key_jwt (RFC 7523 §2.2): a client may hold up to two public keys, beside or instead of
-- secrets. Only the public JWK is kept; kid is its RFC 7638 thumbprint (SHA-256, base64url).
create table client_key (
    id              bigint generated always as identity primary key,
    client_row_id   bigint       not null references api_client (id) on delete cascade,
    kid             varchar(64)  not null,
    alg             varchar(8)   not null,
    jwk             jsonb        not null,
    -- what the key's tokens name (claim credential_ref); a fresh value each time a key is added, so that
    -- removing a key and adding it again does not bring its old tokens back
    credential_ref  varchar(32)  not null,
    created_at      timestamptz  not null,
    last_used_at    timestamptz,
    constraint client_key_kid_uq unique (client_row_id, kid),
    constraint client_key_ref_uq unique (client_row_id, credential_ref)
);

-- The jti of every client assertion accepted, until its exp: a replayed assertion finds its row, on
-- whichever replica it arrives. Rows past expires_at are pruned in the background.
create table used_assertion (
    client_row_id   bigint       not null,
    jti             varchar(200) not null,
    expires_at      timestamptz  not null,
    primary key (client_row_id, jti)
);

create index used_assertion_expires_idx on used_assertion (expires_at);
