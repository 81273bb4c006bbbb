package com.wallet.apiaccess.client;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The clients, of every wallet, whose expiry date falls in a range: what the expiry notices look at. */
@ApplicationScoped
public class ExpiringClients {

    /** A client by its row id (stable while it exists, never reused), its wallet and its expiry date. */
    public record ExpiringClient(long rowId, long walletId, String clientId, LocalDate expiryDate) {}

    /**
     * Those expiring from {@code from} to {@code to}, both included, read on {@code connection}: inside
     * its transaction their rows cannot be deleted until it ends (a key-share lock).
     */
    public Uni<List<ExpiringClient>> between(SqlClient connection, LocalDate from, LocalDate to) {
        return connection
                .preparedQuery("select id, wallet_id, client_id, expiry_date from api_client"
                        + " where expiry_date between $1 and $2 order by id for key share")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    List<ExpiringClient> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new ExpiringClient(
                                row.getLong("id"),
                                row.getLong("wallet_id"),
                                row.getString("client_id"),
                                row.getLocalDate("expiry_date")));
                    }
                    return found;
                });
    }
}
