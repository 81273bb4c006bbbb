package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Assertions and direct database access shared by the API client tests. */
final class ClientChecks {

    static final String CLIENTS = "/api/clients";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    private static final String WALLET_ROW = "(select id from wallet where external_key = ?)";

    private ClientChecks() {}

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A wallet of its own, provisioned through the platform API, and its admin's session token. */
    record OwnWallet(String key, String admin) {
        String oauthClientId(String clientId) {
            return "wallet-" + key + "-" + clientId;
        }
    }

    static OwnWallet provisionWallet(String prefix) {
        String key = token(prefix);
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
        return new OwnWallet(key, Api.signIn(key, "boss", password));
    }

    /** Lower-case letters and digits only: fits clientIds, notes, search terms and wallet keys. */
    static String token(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            out.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** An RFC 9457 body with every member the contract names. */
    static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }

    /** A 400 problem that names {@code field} in its errors, with a message. */
    static ValidatableResponse isFieldError(ValidatableResponse response, String field) {
        return isProblem(response, 400)
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", not(emptyOrNullString()));
    }

    static ValidatableResponse post(String token, Object body) {
        return Api.as(token).body(body).when().post(CLIENTS).then();
    }

    static ValidatableResponse put(String token, String clientId, Object body) {
        return Api.as(token).body(body).when().put(CLIENTS + "/" + clientId).then();
    }

    static ValidatableResponse get(String token, String clientId) {
        return Api.as(token).when().get(CLIENTS + "/" + clientId).then();
    }

    static ValidatableResponse search(String token, String q) {
        return Api.as(token).queryParam("q", q).when().get(CLIENTS).then();
    }

    static ValidatableResponse search(String token, Map<String, ?> query) {
        return Api.as(token).queryParams(query).when().get(CLIENTS).then();
    }

    /** Rows of the test wallet whose clientId equals {@code clientId} ignoring case. */
    static int rowsIgnoringCase(String database, String clientId) {
        return count(
                database,
                "select count(*) from api_client where lower(client_id) = lower(?)" + " and wallet_id = " + WALLET_ROW,
                clientId,
                Api.WALLET);
    }

    /** Rows of the test wallet whose clientId or notes contain {@code text}. */
    static int rowsMentioning(String database, String text) {
        return count(
                database,
                "select count(*) from api_client where (strpos(lower(client_id), lower(?)) > 0"
                        + " or strpos(lower(coalesce(notes, '')), lower(?)) > 0) and wallet_id = " + WALLET_ROW,
                text,
                text,
                Api.WALLET);
    }

    /** The database id of the wallet with this external key. */
    static long walletId(String database, String walletKey) {
        return number(database, "select id from wallet where external_key = ?", walletKey);
    }

    static String secretDigest(String database, String clientId) {
        try (Connection c = PostgresTestDatabase.connect(database);
                PreparedStatement s = c.prepareStatement("select s.digest from client_secret s"
                        + " join api_client a on a.id = s.client_row_id"
                        + " where a.client_id = ? and a.wallet_id = " + WALLET_ROW)) {
            s.setString(1, clientId);
            s.setString(2, Api.WALLET);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void setExpiryDate(String database, String clientId, LocalDate date) {
        update(
                database,
                "update api_client set expiry_date = ? where client_id = ? and wallet_id = " + WALLET_ROW,
                java.sql.Date.valueOf(date),
                clientId,
                Api.WALLET);
    }

    static void setCreatedAt(String database, String clientId, Instant at) {
        update(
                database,
                "update api_client set created_at = ? where client_id = ? and wallet_id = " + WALLET_ROW,
                Timestamp.from(at),
                clientId,
                Api.WALLET);
    }

    static void setLastUsedAt(String database, String clientId, Instant at) {
        update(
                database,
                "update api_client set last_used_at = ? where client_id = ? and wallet_id = " + WALLET_ROW,
                Timestamp.from(at),
                clientId,
                Api.WALLET);
    }

    private static int count(String database, String sql, Object... params) {
        return (int) number(database, sql, params);
    }

    /** The first column of the first row the query answers, straight from the test database. */
    static long number(String database, String sql, Object... params) {
        try (Connection c = PostgresTestDatabase.connect(database);
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a write straight in the test database, as another replica or a bulk load would; the rows it changed. */
    static int execute(String database, String sql, Object... params) {
        try (Connection c = PostgresTestDatabase.connect(database);
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(String database, String sql, Object... params) {
        if (execute(database, sql, params) != 1) {
            throw new IllegalStateException("Expected one row to change: " + sql);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
