-- One index per order the admin list offers, each ending in client_id, the tie-break, so that any
-- page is read in index order instead of sorting the whole wallet. Expiry and creation dates are
-- never null; a never-used client sorts last in both directions of lastUsedAt.
drop index api_client_wallet_expiry_idx;
drop index api_client_wallet_created_idx;
drop index api_client_wallet_last_used_idx;

create index api_client_expiry_asc_idx on api_client (wallet_id, expiry_date, client_id);
create index api_client_expiry_desc_idx on api_client (wallet_id, expiry_date desc, client_id);
create index api_client_created_asc_idx on api_client (wallet_id, created_at, client_id);
create index api_client_created_desc_idx on api_client (wallet_id, created_at desc, client_id);
create index api_client_last_used_asc_idx on api_client (wallet_id, last_used_at asc nulls last, client_id);
create index api_client_last_used_desc_idx on api_client (wallet_id, last_used_at desc nulls last, client_id);
