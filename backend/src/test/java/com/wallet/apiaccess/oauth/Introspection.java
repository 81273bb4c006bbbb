package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Calls of {@code /oauth2/introspect} and {@code /oauth2/revoke}, and the checks their answers must pass. */
final class Introspection {

    static final String INTROSPECT = "/oauth2/introspect";
    static final String REVOKE = "/oauth2/revoke";

    private Introspection() {}

    /** A client of the test wallet, with a token of its own. */
    record Holder(String clientId, String oauthClientId, String secret) {

        static Holder create(String admin, List<String> roles) {
            String clientId = Api.unique("intro");
            String secret = Api.createClient(admin, clientId, roles).getString("clientSecret");
            return new Holder(clientId, Api.oauthClientId(clientId), secret);
        }

        static Holder create(List<String> roles) {
            return create(Api.adminToken(), roles);
        }

        String token() {
            return Api.clientToken(oauthClientId, secret);
        }
    }

    /** client_secret_post of {@code caller}, {@code token} and any further name/value pairs. */
    static Response introspect(Holder caller, String token, String... more) {
        return post(INTROSPECT, caller, token, more);
    }

    static Response revoke(Holder caller, String token, String... more) {
        return post(REVOKE, caller, token, more);
    }

    private static Response post(String path, Holder caller, String token, String... more) {
        String[] pairs = new String[4 + more.length];
        pairs[0] = "client_id";
        pairs[1] = caller.oauthClientId();
        pairs[2] = "client_secret";
        pairs[3] = caller.secret();
        System.arraycopy(more, 0, pairs, 4, more.length);
        String body = TokenEndpoint.form(pairs) + "&" + TokenEndpoint.form("token", token);
        return given().contentType(TokenEndpoint.FORM).body(body).when().post(path);
    }

    /** 200 JSON with the no-store headers; answers the body. */
    static JsonPath answered(Response response) {
        response.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        return response.jsonPath();
    }

    /** Exactly {@code {"active": false}}: nothing else about the token is told. */
    static void assertInactive(Response response) {
        Map<String, Object> body = answered(response).getMap("");
        assertThat(body, equalTo(Map.of("active", false)));
    }

    static boolean isActive(Holder caller, String token) {
        return answered(introspect(caller, token)).getBoolean("active");
    }

    /** Waits for something another replica or the change feed makes true, up to a generous deadline. */
    static void eventually(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Changes a client's row behind the API's back and announces it on the change feed, as a change made
     * on another replica would be; for states the API refuses to create.
     */
    static void changeBehindTheApi(String database, String sql, String clientId, Object value) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database)) {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, value);
                update.setString(2, clientId);
                assertThat("clients updated", update.executeUpdate(), equalTo(1));
            }
            try (PreparedStatement notify =
                    connection.prepareStatement("select pg_notify('api_access_client_changed', ?)")) {
                notify.setString(1, Api.WALLET + "/" + clientId);
                notify.execute();
            }
        }
    }
}
