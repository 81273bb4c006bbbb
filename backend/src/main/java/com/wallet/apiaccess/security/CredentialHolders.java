package com.wallet.apiaccess.security;

import com.wallet.apiaccess.client.ApiClient;
import com.wallet.apiaccess.role.RoleSet;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * What a bearer check needs of a token's holder, as it is now: one row by its unique key, read on the
 * reactive client. Every {@code /api} call makes this check, so it stays off the ORM.
 */
@ApplicationScoped
public class CredentialHolders {

    /** The stored credential (secret digest or password hash), the roles held, and a client's expiry date. */
    public record Holder(String credential, SortedSet<String> roles, LocalDate expiryDate) {

        public boolean isExpiredAt(Instant now) {
            return expiryDate != null && ApiClient.isExpiredAt(expiryDate, now);
        }
    }

    private final Pool pool;

    public CredentialHolders(Pool pool) {
        this.pool = pool;
    }

    /** The client, or null when the wallet has no client of that id. */
    public Uni<Holder> client(long walletId, String clientId) {
        return one("select secret_digest, roles, expiry_date from api_client where wallet_id = $1 and client_id = $2",
                walletId, clientId, row -> new Holder(row.getString(0), RoleSet.split(row.getString(1)), row.getLocalDate(2)));
    }

    /** The user, or null when the wallet has no user of that name. */
    public Uni<Holder> user(long walletId, String username) {
        return one("select password_hash, roles from wallet_user where wallet_id = $1 and username = $2",
                walletId, username, row -> new Holder(row.getString(0), RoleSet.split(row.getString(1)), null));
    }

    private Uni<Holder> one(String sql, long walletId, String key, Function<Row, Holder> holder) {
        return pool.preparedQuery(sql).execute(Tuple.of(walletId, key)).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? holder.apply(found.next()) : null;
        });
    }
}
