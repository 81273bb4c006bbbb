-- Revoked access tokens (RFC 7009; owner: client/, RevokedTokens). A row refuses one token by its jti
-- until the token's own exp; rows past it are pruned. Every replica holds the live rows in memory: it
-- loads them when it starts listening and hears of new ones by NOTIFY api_access_token_revoked.
create table revoked_token (
    jti        text        primary key,
    wallet_key varchar(32) not null,
    client_id  varchar(64) not null,
    expires_at timestamptz not null,
    revoked_at timestamptz not null default now()
);

create index revoked_token_expires_idx on revoked_token (expires_at);
