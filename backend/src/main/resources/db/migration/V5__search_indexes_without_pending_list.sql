-- A GIN index normally parks new entries in a pending list that every search then reads in full until
-- (auto)vacuum merges it: after a few thousand new clients, one search cost hundreds of milliseconds.
-- Clients are created one at a time by admins, so the search indexes take each entry straight away.
alter index api_client_client_id_trgm_idx set (fastupdate = off);
alter index api_client_notes_trgm_idx set (fastupdate = off);
