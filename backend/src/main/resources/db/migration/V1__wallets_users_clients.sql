create table wallet (
    id           bigint generated always as identity primary key,
    external_key varchar(32)  not null,
    name         varchar(200) not null,
    created_at   timestamptz  not null,
    constraint wallet_external_key_uq unique (external_key),
    constraint wallet_external_key_ck check (external_key ~ '^[a-z0-9]{4,32}$')
);

create table wallet_user (
    id                  bigint generated always as identity primary key,
    wallet_id           bigint       not null references wallet (id) on delete cascade,
    username            varchar(64)  not null,
    password_hash       varchar(100) not null,
    roles               text         not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    password_changed_at timestamptz  not null,
    constraint wallet_user_username_uq unique (wallet_id, username)
);

create table api_client (
    id            bigint generated always as identity primary key,
    wallet_id     bigint        not null references wallet (id) on delete cascade,
    client_id     varchar(64)   not null,
    secret_digest varchar(100)  not null,
    roles         text          not null,
    expiry_date   date          not null,
    notes         varchar(1000),
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    last_used_at  timestamptz,
    constraint api_client_client_id_uq unique (wallet_id, client_id),
    constraint api_client_client_id_ck check (client_id ~ '^[a-z0-9]([a-z0-9._-]{1,62})[a-z0-9]$')
);

create index api_client_wallet_expiry_idx on api_client (wallet_id, expiry_date);
create index api_client_wallet_created_idx on api_client (wallet_id, created_at);
create index api_client_wallet_last_used_idx on api_client (wallet_id, last_used_at);
