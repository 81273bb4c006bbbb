-- Sessions are tied to the password by credential_ref (a fingerprint of the stored hash), so nothing
-- reads password_changed_at any more and the service no longer writes it. It loses its NOT NULL here
-- rather than being dropped, so that replicas of the previous version, which still write it, keep
-- working during a rolling deploy. A later migration may drop it once no replica older than this runs.
alter table wallet_user alter column password_changed_at drop not null;
