-- The admin list shows the wallet's client count on every page. Counting 100,000 rows costs ~12 ms
-- each time; a count kept beside the wallet costs nothing to read. Statement-level triggers with
-- transition tables keep it exact, in the same transaction as the insert or delete, and update the
-- wallet row once per statement however many rows it touched (a bulk load stays one update).
alter table wallet add column client_count bigint not null default 0;

update wallet w set client_count = (select count(*) from api_client c where c.wallet_id = w.id);

create function api_client_count_inserted() returns trigger language plpgsql as $$
begin
    update wallet w set client_count = w.client_count + n.added
    from (select wallet_id, count(*) as added from inserted group by wallet_id) n
    where w.id = n.wallet_id;
    return null;
end $$;

create function api_client_count_deleted() returns trigger language plpgsql as $$
begin
    update wallet w set client_count = w.client_count - n.removed
    from (select wallet_id, count(*) as removed from deleted group by wallet_id) n
    where w.id = n.wallet_id;
    return null;
end $$;

create trigger api_client_counted_insert after insert on api_client
    referencing new table as inserted for each statement execute function api_client_count_inserted();
create trigger api_client_counted_delete after delete on api_client
    referencing old table as deleted for each statement execute function api_client_count_deleted();

alter table wallet add constraint wallet_client_count_ck check (client_count >= 0);
