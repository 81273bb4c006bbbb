package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.audit.Audit.events;
import static com.wallet.apiaccess.audit.Audit.part;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failed sign-ins and client authentications: one row per target and minute, never what was typed. */
@QuarkusTest
class AuditFailuresTest {

    @Inject
    FailedAttempts failures;

    @ConfigProperty(name = "test.database.name")
    String database;

    @Test
    void shouldCountFailedSignInsOfAUserInOneEvent() {
        String admin = Api.adminToken();
        String username = Api.unique("fail-user");
        Api.as(admin)
                .body(Map.of("username", username, "password", "the-right-password", "roles", List.of("accounts:read")))
                .post("/api/users")
                .then()
                .statusCode(201);
        for (int i = 0; i < 3; i++) {
            signIn(Api.WALLET, username, "wrong-password-" + i).then().statusCode(401);
        }
        failures.write().await().indefinitely();

        List<Map<String, Object>> failed = events(admin, "username=" + username + "&action=session.failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("attempts")).isEqualTo(3);
        assertThat(part(failed.get(0), "target")).isEqualTo(Map.of("type", "user", "id", username));
        assertThat(Audit.get(admin, "username=" + username).extract().asString())
                .doesNotContain("wrong-password");
    }

    @Test
    void shouldNotRecordAnUnknownNameAsTyped() {
        String admin = Api.adminToken();
        String typed = Api.unique("maybe-a-password");
        signIn(Api.WALLET, typed, "whatever-it-is").then().statusCode(401);
        failures.write().await().indefinitely();

        String all =
                Audit.get(admin, "size=100&action=session.failed").extract().asString();
        assertThat(all).doesNotContain(typed).contains(FailedAttempts.UNKNOWN);
    }

    @Test
    void shouldCountFailedClientAuthenticationsWithoutARowEach() {
        String admin = Api.adminToken();
        String clientId = Api.unique("fail-client");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.URLENC)
                    .formParam("grant_type", "client_credentials")
                    .formParam("client_id", Api.oauthClientId(clientId))
                    .formParam("client_secret", "wacs_wrong-" + i)
                    .post("/oauth2/token")
                    .then()
                    .statusCode(401);
        }
        failures.write().await().indefinitely();
        // counted again after the first write: the same row of that minute grows
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(clientId))
                .formParam("client_secret", "wacs_wrong-again")
                .post("/oauth2/token")
                .then()
                .statusCode(401);
        failures.write().await().indefinitely();

        List<Map<String, Object>> failed = events(admin, "clientId=" + clientId + "&action=client.auth_failed");
        assertThat(failed).hasSizeBetween(1, 2); // 2 only when the attempts straddled a minute
        assertThat(failed.stream()
                        .mapToInt(event -> (Integer) event.get("attempts"))
                        .sum())
                .isEqualTo(6);
        assertThat(Audit.get(admin, "clientId=" + clientId).extract().asString())
                .doesNotContain("wacs_wrong");
    }

    /** The database refuses a write (a trigger stands in for an outage): the count waits for the next write. */
    @Test
    void shouldKeepTheCountOfAWriteThatFailed() throws Exception {
        String admin = Api.adminToken();
        String username = Api.unique("fail-later");
        Api.as(admin)
                .body(Map.of("username", username, "password", "the-right-password", "roles", List.of("accounts:read")))
                .post("/api/users")
                .then()
                .statusCode(201);
        signIn(Api.WALLET, username, "wrong-password-1").then().statusCode(401);
        signIn(Api.WALLET, username, "wrong-password-2").then().statusCode(401);
        try (Connection db = PostgresTestDatabase.connect(database);
                Statement sql = db.createStatement()) {
            sql.execute("create function refuse_failure() returns trigger language plpgsql as $$ begin"
                    + " if new.target_id like 'fail-later-%' then raise exception 'refused for the test'; end if;"
                    + " return new; end $$");
            sql.execute("create trigger refuse_failure before insert on audit_event for each row"
                    + " execute function refuse_failure()");
            try {
                assertThatThrownBy(() -> failures.write().await().indefinitely())
                        .hasMessageContaining("refused for the test");
            } finally {
                sql.execute("drop trigger refuse_failure on audit_event");
                sql.execute("drop function refuse_failure()");
            }
        }
        signIn(Api.WALLET, username, "wrong-password-3").then().statusCode(401);
        failures.write().await().indefinitely();

        List<Map<String, Object>> failed = events(admin, "username=" + username + "&action=session.failed");
        assertThat(failed.stream()
                        .mapToInt(event -> (Integer) event.get("attempts"))
                        .sum())
                .isEqualTo(3);
    }

    /**
     * A NUL byte in the user agent is what PostgreSQL refuses in text: sent with a failed sign-in it
     * would fail the write of every failure counted beside it, and so hide them.
     */
    @Test
    void shouldRecordAFailureWhoseUserAgentCarriesControlCharacters() throws Exception {
        String admin = Api.adminToken();
        String username = Api.unique("fail-nul");
        Api.as(admin)
                .body(Map.of("username", username, "password", "the-right-password", "roles", List.of("accounts:read")))
                .post("/api/users")
                .then()
                .statusCode(201);
        String answer;
        String body = "{\"wallet\": \"" + Api.WALLET + "\", \"username\": \"" + username
                + "\", \"password\": \"wrong-password\"}";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "User-Agent: evil\u0000agent\u0001\r\nConnection: close\r\nContent-Length: "
                                    + body.length() + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 4");
        }
        signIn(Api.WALLET, username, "wrong-again").then().statusCode(401);
        failures.write().await().indefinitely();

        List<Map<String, Object>> failed = events(admin, "username=" + username + "&action=session.failed");
        assertThat(failed).hasSize(1);
        // the HTTP layer may refuse such a header outright (400); when it let the request through (401), it counted
        assertThat(failed.get(0).get("attempts")).isEqualTo(answer.startsWith("HTTP/1.1 401") ? 2 : 1);
    }

    private static io.restassured.response.Response signIn(String wallet, String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("wallet", wallet, "username", username, "password", password))
                .post("/api/session");
    }
}
