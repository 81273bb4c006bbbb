-- The admin list's q is a case-insensitive substring of clientId or notes: trigram indexes let
-- PostgreSQL find matches (and count them) without reading every client of the wallet.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
create extension if not exists pg_trgm;

create index api_client_client_id_trgm_idx on api_client using gin (lower(client_id) gin_trgm_ops);
create index api_client_notes_trgm_idx on api_client using gin (lower(coalesce(notes, '')) gin_trgm_ops);
