package com.wallet.apiaccess.auth;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.restassured.response.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Calls of the admin API with a bearer token, and the checks its refusals must pass. */
public final class Bearer {

    static final String PROBLEM_JSON = "application/problem+json";

    private Bearer() {}

    /** A client of the test wallet: its clientId, OAuth client id and secret. */
    public record TestClient(String clientId, String oauthClientId, String secret) {

        public String token() {
            return Api.clientToken(oauthClientId, secret);
        }
    }

    public static TestClient newClient(List<String> roles) {
        String clientId = Api.unique("bearer");
        String secret = Api.createClient(Api.adminToken(), clientId, roles).getString("clientSecret");
        return new TestClient(clientId, Api.oauthClientId(clientId), secret);
    }

    public static Response listClients(String authorization) {
        var request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().get("/api/clients");
    }

    public static Response listClientsWith(String token) {
        return listClients("Bearer " + token);
    }

    /** 401 problem+json with an RFC 6750 challenge naming invalid_token. */
    public static void assertInvalidToken(Response response) {
        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate"), containsString("error=\"invalid_token\""));
    }

    /** 401 problem+json with a Bearer challenge. */
    public static void assertUnauthorized(Response response) {
        response.then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(response.header("WWW-Authenticate"), startsWith("Bearer"));
        Map<String, Object> problem = response.jsonPath().getMap("");
        assertThat(problem.get("status"), equalTo(401));
        assertThat(problem.get("type"), notNullValue());
        assertThat(problem.get("title"), notNullValue());
        assertThat(problem.get("detail"), notNullValue());
        assertThat(response.asString(), not(containsString("Exception")));
    }

    /** 403 problem+json with {@code WWW-Authenticate: Bearer error="insufficient_scope"}. */
    public static void assertInsufficientScope(Response response) {
        response.then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(response.header("WWW-Authenticate"), startsWith("Bearer"));
        assertThat(response.header("WWW-Authenticate"), containsString("error=\"insufficient_scope\""));
        Map<String, Object> problem = response.jsonPath().getMap("");
        assertThat(problem.get("status"), equalTo(403));
        assertThat(problem.get("type"), notNullValue());
        assertThat(problem.get("title"), notNullValue());
        assertThat(problem.get("detail"), notNullValue());
    }

    /** Changes a client's row behind the API's back, for states the API refuses to create. */
    public static void update(String database, String sql, String clientId, Object value) throws SQLException {
        try (Connection connection = PostgresTestDatabase.connect(database);
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setString(2, clientId);
            assertThat("clients updated", update.executeUpdate(), equalTo(1));
        }
    }

    public static void setExpiryDate(String database, String clientId, LocalDate date) throws SQLException {
        update(database, "update api_client set expiry_date = ? where client_id = ?", clientId, date);
    }
}
