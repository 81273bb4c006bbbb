-- Each service replica keeps, per wallet it searched, the searchable text of the wallet's clients in
-- memory (ClientSearch). A version beside the wallet tells it whether that copy is still exact: it
-- goes up, in the same transaction, whenever a client is inserted or deleted, or its client id, notes,
-- expiry date or creation time change. Writes of last_used_at and roles leave it alone.
alter table wallet add column clients_version bigint not null default 0;

create or replace function api_client_count_inserted() returns trigger language plpgsql as $$
begin
    update wallet w set client_count = w.client_count + n.added, clients_version = w.clients_version + 1
    from (select wallet_id, count(*) as added from inserted group by wallet_id) n
    where w.id = n.wallet_id;
    return null;
end $$;

create or replace function api_client_count_deleted() returns trigger language plpgsql as $$
begin
    update wallet w set client_count = w.client_count - n.removed, clients_version = w.clients_version + 1
    from (select wallet_id, count(*) as removed from deleted group by wallet_id) n
    where w.id = n.wallet_id;
    return null;
end $$;

create function api_client_searched_text_changed() returns trigger language plpgsql as $$
begin
    update wallet set clients_version = clients_version + 1 where id in (old.wallet_id, new.wallet_id);
    return null;
end $$;

create trigger api_client_searched_text_update after update on api_client for each row
    when ((old.wallet_id, old.client_id, old.notes, old.expiry_date, old.created_at)
          is distinct from (new.wallet_id, new.client_id, new.notes, new.expiry_date, new.created_at))
    execute function api_client_searched_text_changed();
