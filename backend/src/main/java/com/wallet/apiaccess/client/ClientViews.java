package com.wallet.apiaccess.client;

import com.wallet.apiaccess.role.RoleSet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link ClientView}s, from entities or from the admin list's rows, with the status on the day. */
@ApplicationScoped
public class ClientViews {

    private final CredentialPolicy policy;

    public ClientViews(CredentialPolicy policy) {
        this.policy = policy;
    }

    /**
     * The list's columns of a client row in {@code table}, and its live secrets and its keys as JSON
     * arrays, oldest first: a page costs one statement however many secrets and keys it shows.
     */
    static String columns(String table) {
        String t = table.isEmpty() ? "api_client." : table;
        return table + "client_id, " + table + "roles, " + table + "expiry_date, " + table + "notes, " + table
                + "created_at, " + table + "updated_at, " + table + "last_used_at, " + table + "enabled, " + table
                + "require_dpop,"
                + " (select coalesce(json_agg(json_build_object('secretId', s.secret_id, 'hint', s.hint,"
                + " 'createdAt', s.created_at, 'lastUsedAt', s.last_used_at, 'retiresAt', s.retires_at,"
                + " 'linkExpiresAt', case when s.digest is null then s.link_expires_at end)"
                + " order by s.created_at, s.id), '[]'::json) from client_secret s where s.client_row_id = " + t
                + "id and (s.retires_at is null or s.retires_at > now())"
                + " and (s.digest is not null or s.link_expires_at > now())) as secrets,"
                + " (select coalesce(json_agg(json_build_object('kid', k.kid, 'alg', k.alg,"
                + " 'createdAt', k.created_at, 'lastUsedAt', k.last_used_at) order by k.created_at, k.id), '[]'::json)"
                + " from client_key k where k.client_row_id = " + t + "id) as keys";
    }

    ClientView of(ApiClient client, List<ClientSecret> secrets, List<ClientKey> keys, String walletKey, Instant now) {
        List<SecretView> live = secrets.stream()
                .filter(secret -> secret.isLiveAt(now))
                .map(SecretView::of)
                .toList();
        return new ClientView(
                client.clientId,
                OAuthClientId.prefix(walletKey) + client.clientId,
                List.copyOf(client.roles),
                client.expiryDate,
                client.expiry().isPassedAt(now),
                client.notes,
                client.createdAt,
                client.updatedAt,
                client.lastUsedAt,
                client.enabled,
                client.requireDpop,
                policy.status(client.enabled, client.expiry(), LocalDate.ofInstant(now, ZoneOffset.UTC)),
                live,
                keys.stream().map(KeyView::of).toList());
    }

    ClientView of(Row row, String prefix, Instant now) {
        String clientId = row.getString("client_id");
        Expiry expiry = new Expiry(row.getLocalDate("expiry_date"));
        boolean enabled = row.getBoolean("enabled");
        return new ClientView(
                clientId,
                prefix + clientId,
                List.copyOf(RoleSet.split(row.getString("roles"))),
                expiry.lastDay(),
                expiry.isPassedAt(now),
                row.getString("notes"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                instant(row, "last_used_at"),
                enabled,
                row.getBoolean("require_dpop"),
                policy.status(enabled, expiry, LocalDate.ofInstant(now, ZoneOffset.UTC)),
                secrets(row.getValue("secrets")),
                keys(row.getValue("keys")));
    }

    private static List<KeyView> keys(Object json) {
        JsonArray array = json instanceof JsonArray a ? a : new JsonArray(String.valueOf(json));
        List<KeyView> keys = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject key = array.getJsonObject(i);
            keys.add(new KeyView(
                    key.getString("kid"), key.getString("alg"), instant(key, "createdAt"), instant(key, "lastUsedAt")));
        }
        return keys;
    }

    private static List<SecretView> secrets(Object json) {
        JsonArray array = json instanceof JsonArray a ? a : new JsonArray(String.valueOf(json));
        List<SecretView> secrets = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject secret = array.getJsonObject(i);
            secrets.add(new SecretView(
                    secret.getString("secretId"),
                    secret.getString("hint"),
                    instant(secret, "createdAt"),
                    instant(secret, "lastUsedAt"),
                    instant(secret, "retiresAt"),
                    instant(secret, "linkExpiresAt")));
        }
        return secrets;
    }

    private static Instant instant(JsonObject json, String field) {
        String value = json.getString(field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
