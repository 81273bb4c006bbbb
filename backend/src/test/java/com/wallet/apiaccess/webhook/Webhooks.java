package com.wallet.apiaccess.webhook;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Calls of the webhooks API, the database rows behind them and a resolver that tests can point. */
final class Webhooks {

    static final String PATH = "/api/webhooks";

    private Webhooks() {}

    static ValidatableResponse create(String token, String url, List<String> events) {
        return Api.as(token)
                .body(Map.of("url", url, "events", events))
                .when()
                .post(PATH)
                .then();
    }

    static ValidatableResponse create(String token, Object body) {
        return Api.as(token).body(body).when().post(PATH).then();
    }

    static ValidatableResponse update(String token, String id, Object body) {
        return Api.as(token).body(body).when().put(PATH + "/" + id).then();
    }

    static ValidatableResponse list(String token) {
        return Api.as(token).when().get(PATH).then();
    }

    static ValidatableResponse delete(String token, String id) {
        return Api.as(token).when().delete(PATH + "/" + id).then();
    }

    static ValidatableResponse test(String token, String id) {
        return Api.as(token).when().post(PATH + "/" + id + "/test").then();
    }

    static ValidatableResponse deliveries(String token, String id) {
        return Api.as(token).when().get(PATH + "/" + id + "/deliveries").then();
    }

    /** A 400 problem+json naming {@code field} in its errors. */
    static ValidatableResponse isFieldError(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", not(emptyOrNullString()))
                .body("errors.field", hasItem(field));
    }

    /** A wallet of its own, provisioned through the platform API, and its admin's session token. */
    static String ownWalletAdmin() {
        String key = "wh" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
        String password = "password-of-" + key;
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "externalKey",
                        key,
                        "name",
                        "Wallet " + key,
                        "adminUsername",
                        "boss",
                        "adminPassword",
                        password))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);
        return Api.signIn(key, "boss", password);
    }

    /** Records an audit event of the test wallet straight in the table, as any change in it would. */
    static long recordEvent(String database, String action, String targetType, String targetId) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement insert = connection.prepareStatement("insert into audit_event"
                        + " (wallet_id, at, action, actor_type, actor_id, target_type, target_id, changes)"
                        + " values ((select id from wallet where external_key = ?), now(), ?, 'user', 'admin', ?, ?,"
                        + " '{\"roles\": {\"added\": [\"accounts:read\"], \"removed\": []}}'::jsonb) returning id")) {
            insert.setString(1, Api.WALLET);
            insert.setString(2, action);
            insert.setString(3, targetType);
            insert.setString(4, targetId);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The rows of one query, each as its columns' text. */
    static List<List<String>> rows(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<List<String>> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getString(c));
                    }
                    found.add(row);
                }
            }
            return found;
        }
    }

    static void execute(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** The system resolver, but with names a test gives the addresses it wants. */
    static final class PointedResolver extends HostResolver {

        final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

        PointedResolver(Vertx vertx) {
            super(vertx);
        }

        PointedResolver point(String host, String... literals) {
            List<InetAddress> addresses = new ArrayList<>();
            for (String literal : literals) {
                try {
                    addresses.add(InetAddress.getByName(literal));
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException(literal, e);
                }
            }
            names.put(host, addresses);
            return this;
        }

        @Override
        public Uni<List<InetAddress>> resolve(String host) {
            List<InetAddress> pointed = names.get(host);
            return pointed != null ? Uni.createFrom().item(pointed) : super.resolve(host);
        }
    }
}
