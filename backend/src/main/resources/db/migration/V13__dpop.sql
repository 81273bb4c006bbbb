-- DPoP (RFC 9449): a client may be required to bind every token it obtains to a key it proves it holds.
alter table api_client add column require_dpop boolean not null default false;

-- The jti of every DPoP proof accepted, per client, until the proof is too old to be accepted anyway:
-- a replayed proof finds its row on whichever replica it arrives. Pruned like used_assertion.
create table used_dpop_proof (
    client_row_id   bigint       not null,
    jti             varchar(200) not null,
    expires_at      timestamptz  not null,
    primary key (client_row_id, jti)
);

create index used_dpop_proof_expires_idx on used_dpop_proof (expires_at);
