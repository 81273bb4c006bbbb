package com.wallet.apiaccess.ops;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every log record written during a full flow (sign-in, user with a password, client, token, use,
 * delete, provisioning), DEBUG for com.wallet included, is free of secrets, tokens and passwords.
 */
@QuarkusTest
class SecretsInLogsTest {

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final List<String> serviceDebug = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder()
                    .append(record.getLoggerName())
                    .append(' ')
                    .append(record.getLevel())
                    .append(' ')
                    .append(formatted(record, formatter))
                    .append('\n')
                    .append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append('\n').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            logged.add(text.toString());
            if (record.getLoggerName() != null
                    && record.getLoggerName().startsWith("com.wallet")
                    && record.getLevel().intValue() <= Level.FINE.intValue()) {
                serviceDebug.add(text.toString());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldNeverLogSecretsTokensOrPasswords() {
        List<String> secrets = new ArrayList<>();

        String admin = Api.adminToken();
        secrets.add(admin);
        secrets.add(Api.ADMIN_PASSWORD);

        String username = Api.unique("logged");
        String password = "pw-" + Api.unique("first");
        String newPassword = "pw-" + Api.unique("second");
        String wrongPassword = "pw-" + Api.unique("wrong");
        secrets.add(password);
        secrets.add(newPassword);
        secrets.add(wrongPassword);
        Api.as(admin)
                .body(Map.of("username", username, "password", password, "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        String session = Api.signIn(Api.WALLET, username, password);
        secrets.add(session);
        given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", wrongPassword))
                .when()
                .post("/api/session")
                .then()
                .statusCode(401);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", newPassword))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        Api.as(session).when().get("/api/me").then().statusCode(401);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", "short"))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(400);
        String ownPassword = "pw-" + Api.unique("own");
        secrets.add(ownPassword);
        String second = Api.signIn(Api.WALLET, username, newPassword);
        secrets.add(second);
        Api.as(second)
                .body(Map.of("currentPassword", wrongPassword, "newPassword", ownPassword))
                .when()
                .put("/api/me/password")
                .then()
                .statusCode(403);
        Api.as(second)
                .body(Map.of("currentPassword", newPassword, "newPassword", ownPassword))
                .when()
                .put("/api/me/password")
                .then()
                .statusCode(204);

        String clientId = Api.unique("logged");
        String secret =
                Api.createClient(admin, clientId, List.of("api-access:read")).getString("clientSecret");
        secrets.add(secret);
        String oauthClientId = Api.oauthClientId(clientId);
        String token = Api.clientToken(oauthClientId, secret);
        secrets.add(token);
        String basicToken = given().auth()
                .preemptive()
                .basic(oauthClientId, secret)
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        secrets.add(basicToken);
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", oauthClientId)
                .formParam("client_secret", secret + "x")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic(oauthClientId, secret)
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(400);
        Api.as(token).when().get("/api/clients").then().statusCode(200);
        Api.as(token).when().get("/api/me").then().statusCode(200).body("username", equalTo(oauthClientId));
        String rotated = Api.as(admin)
                .body(Map.of())
                .when()
                .post("/api/clients/" + clientId + "/secrets")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");
        secrets.add(rotated);
        secrets.add(Api.clientToken(oauthClientId, rotated));
        String link = Api.as(admin)
                .body(Map.of(
                        "clientId", Api.unique("logged-link"), "roles", List.of("accounts:read"), "delivery", "link"))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("secretLink");
        String linkToken = link.substring(link.indexOf('#') + 1);
        secrets.add(linkToken);
        secrets.add(given().contentType(ContentType.JSON)
                .body(Map.of("token", linkToken))
                .when()
                .post("/api/handoff/open")
                .then()
                .statusCode(200)
                .extract()
                .path("clientSecret"));
        given().contentType(ContentType.JSON)
                .body(Map.of("token", linkToken))
                .when()
                .post("/api/handoff/open")
                .then()
                .statusCode(410);
        Api.as(admin).when().delete("/api/clients/" + clientId).then().statusCode(204);
        Api.as(token).when().get("/api/clients").then().statusCode(401);
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", oauthClientId)
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401);

        String walletPassword = "pw-" + Api.unique("owner");
        secrets.add(walletPassword);
        secrets.add(Api.OPERATOR_TOKEN);
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "externalKey",
                        "logs" + Long.toString(System.nanoTime(), 36),
                        "name",
                        "Logged",
                        "adminUsername",
                        "owner",
                        "adminPassword",
                        walletPassword))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);

        List<String> records = List.copyOf(logged);
        assertTrue(
                records.stream().anyMatch(r -> r.contains(clientId)),
                "the capture saw the service's own records: " + records.size() + " records");
        assertFalse(serviceDebug.isEmpty(), "the capture saw the service's DEBUG records");
        for (String record : records) {
            for (String value : secrets) {
                assertFalse(record.contains(value), "a log record holds a secret value:\n" + record);
                String[] parts = value.split("\\.");
                if (parts.length == 3) {
                    assertFalse(record.contains(parts[2]), "a log record holds a token signature:\n" + record);
                }
            }
        }
    }

    /** What an operator needs to see an attack today: each security event at INFO, with who, whom and from where. */
    @Test
    void shouldLogSecurityEventsAtInfo() {
        String admin = Api.adminToken();
        String username = Api.unique("audited");
        String password = "pw-" + Api.unique("audited");
        Api.as(admin)
                .body(Map.of("username", username, "password", password, "roles", List.of("accounts:read")))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("wallet", Api.WALLET, "username", username, "password", "not-" + password))
                .when()
                .post("/api/session")
                .then()
                .statusCode(401);
        String session = Api.signIn(Api.WALLET, username, password);
        Api.as(session)
                .body(Map.of("currentPassword", "not-" + password, "newPassword", "a-long-new-password"))
                .when()
                .put("/api/me/password")
                .then()
                .statusCode(403);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "password", "reset-" + password))
                .when()
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        String clientId = Api.unique("audited");
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", Api.oauthClientId(clientId))
                .formParam("client_secret", "guessed")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2("not-the-operator-token")
                .contentType(ContentType.JSON)
                .body(Map.of("externalKey", "nope", "name", "x", "adminUsername", "owner", "adminPassword", "x"))
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(401);

        List<String> info =
                List.copyOf(logged).stream().filter(r -> r.contains(" INFO ")).toList();
        assertLogged(info, "Failed sign-in to wallet " + Api.WALLET + " as " + username + " from 127.0.0.1");
        assertLogged(
                info, "Wrong current password for user " + username + " of wallet " + Api.WALLET + " from 127.0.0.1");
        assertLogged(info, "Password of user " + username + " in wallet " + Api.WALLET + " reset by " + Api.ADMIN);
        assertLogged(info, "Client authentication failed for " + Api.oauthClientId(clientId) + " from 127.0.0.1");
        assertLogged(info, "Wrong platform operator token from 127.0.0.1");
    }

    private static void assertLogged(List<String> records, String text) {
        assertTrue(records.stream().anyMatch(r -> r.contains(text)), "an INFO record says: " + text);
    }

    private static String formatted(LogRecord record, SimpleFormatter formatter) {
        try {
            Method method = record.getClass().getMethod("getFormattedMessage");
            Object text = method.invoke(record);
            return String.valueOf(text);
        } catch (ReflectiveOperationException e) {
            return formatter.formatMessage(record);
        }
    }
}
