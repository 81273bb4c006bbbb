package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.client.SecretRetirement;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.audit.Audit.actions;
import static com.wallet.apiaccess.audit.Audit.changes;
import static com.wallet.apiaccess.audit.Audit.events;
import static com.wallet.apiaccess.audit.Audit.part;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change of API.md's list writes exactly one event, with the right diff, actor and source. */
@QuarkusTest
class AuditLogTest {

    @Inject
    SecretRetirement retirement;

    @Test
    void shouldRecordACreatedClientWithItsRolesAsAddedAndWhoFromWhere() {
        String admin = Api.adminToken();
        String clientId = Api.unique("aud-new");
        String secret = Api.as(admin)
                .header("User-Agent", "audit-test/1.0")
                .body(Map.of("clientId", clientId, "roles", List.of("payments:change"), "notes", "for payroll"))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");

        List<Map<String, Object>> events = events(admin, "clientId=" + clientId);
        assertThat(actions(events)).containsExactly("client.created");
        Map<String, Object> event = events.get(0);
        assertThat(part(event, "actor")).isEqualTo(Map.of("type", "user", "id", Api.ADMIN));
        assertThat(part(event, "target")).isEqualTo(Map.of("type", "client", "id", clientId));
        assertThat(changes(event).get("roles"))
                .isEqualTo(Map.of("added", List.of("payments:change", "payments:read"), "removed", List.of()));
        assertThat(changes(event).get("notes")).isEqualTo(nullTo("for payroll"));
        assertThat(part(event, "source").get("userAgent")).isEqualTo("audit-test/1.0");
        assertThat((String) part(event, "source").get("ip")).isNotBlank();
        assertThat((String) event.get("id")).isNotBlank();
        assertThat((String) event.get("at")).endsWith("Z");
        assertThat(Audit.get(admin, "clientId=" + clientId).extract().asString())
                .doesNotContain(secret);
    }

    @Test
    void shouldRecordARoleEditAsAddedAndRemovedAndNotesAsFromAndTo() {
        String admin = Api.adminToken();
        String clientId = Api.unique("aud-edit");
        Api.as(admin)
                .body(Map.of("clientId", clientId, "roles", List.of("accounts:read", "payments:read"), "notes", "old"))
                .post("/api/clients")
                .then()
                .statusCode(201);

        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read", "payments:change"), "notes", "new"))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(200);

        List<Map<String, Object>> events = events(admin, "clientId=" + clientId);
        assertThat(actions(events)).containsExactly("client.updated", "client.created");
        Map<String, Object> changes = changes(events.get(0));
        assertThat(changes.get("roles")).isEqualTo(Map.of("added", List.of("payments:change"), "removed", List.of()));
        assertThat(changes.get("notes")).isEqualTo(Map.of("from", "old", "to", "new"));

        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read")))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(200);
        Map<String, Object> removed =
                changes(events(admin, "clientId=" + clientId).get(0));
        assertThat(removed.get("roles"))
                .isEqualTo(Map.of("added", List.of(), "removed", List.of("payments:change", "payments:read")));
        assertThat(removed.get("notes")).isEqualTo(fromTo("new", null));
    }

    @Test
    void shouldRecordDisableEnableSecretsAndDeleteOnceEach() {
        String admin = Api.adminToken();
        String clientId = Api.unique("aud-life");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "enabled", false))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(200);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:read"), "enabled", true))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(200);
        String secretId = Api.as(admin)
                .body(Map.of())
                .post("/api/clients/" + clientId + "/secrets")
                .then()
                .statusCode(201)
                .extract()
                .path("secretId");
        Api.as(admin)
                .delete("/api/clients/" + clientId + "/secrets/" + secretId)
                .then()
                .statusCode(204);
        Api.as(admin).delete("/api/clients/" + clientId).then().statusCode(204);

        List<Map<String, Object>> events = events(admin, "clientId=" + clientId);
        assertThat(actions(events))
                .containsExactly(
                        "client.deleted",
                        "secret.retired",
                        "secret.created",
                        "client.enabled",
                        "client.disabled",
                        "client.created");
        assertThat(changes(events.get(2)).get("secretId")).isEqualTo(secretId);
        assertThat(changes(events.get(1)).get("secretId")).isEqualTo(secretId);
    }

    @Test
    void shouldRecordASecretTheServiceRetiredAsTheOperatorsDoing() {
        String admin = Api.adminToken();
        String clientId = Api.unique("aud-sweep");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        String older = Api.as(admin)
                .get("/api/clients/" + clientId)
                .then()
                .statusCode(200)
                .extract()
                .path("secrets[0].secretId");
        Api.as(admin)
                .body(Map.of())
                .post("/api/clients/" + clientId + "/secrets")
                .then()
                .statusCode(201);

        retirement.sweep(Instant.now().plus(Duration.ofDays(8))).await().indefinitely();

        Map<String, Object> retired =
                events(admin, "clientId=" + clientId + "&action=secret.retired").get(0);
        assertThat(part(retired, "actor")).isEqualTo(Map.of("type", "operator", "id", "api-access"));
        assertThat(changes(retired).get("secretId")).isEqualTo(older);
        assertThat((String) changes(retired).get("reason")).contains("retirement date");
    }

    @Test
    void shouldRecordUsersAndTheirOwnPasswordChange() {
        String admin = Api.adminToken();
        String username = Api.unique("aud-user");
        String password = "a-good-password-" + username;
        Api.as(admin)
                .body(Map.of("username", username, "password", password, "roles", List.of("accounts:read")))
                .post("/api/users")
                .then()
                .statusCode(201);
        Api.as(admin)
                .body(Map.of("roles", List.of("accounts:change"), "password", "another-good-password"))
                .put("/api/users/" + username)
                .then()
                .statusCode(200);
        String session = Api.signIn(Api.WALLET, username, "another-good-password");
        Api.as(session)
                .body(Map.of("currentPassword", "another-good-password", "newPassword", "a-third-good-password"))
                .put("/api/me/password")
                .then()
                .statusCode(204);
        Api.as(admin).delete("/api/users/" + username).then().statusCode(204);

        List<Map<String, Object>> events = events(admin, "username=" + username);
        assertThat(actions(events))
                .containsExactly("user.deleted", "user.password_changed", "user.updated", "user.created");
        assertThat(changes(events.get(2)))
                .isEqualTo(Map.of(
                        "roles",
                        Map.of("added", List.of("accounts:change"), "removed", List.of()),
                        "password",
                        "reset"));
        assertThat(part(events.get(1), "actor")).isEqualTo(Map.of("type", "user", "id", username));
        String all = Audit.get(admin, "size=100&username=" + username).extract().asString();
        assertThat(all)
                .doesNotContain(password)
                .doesNotContain("another-good-password")
                .doesNotContain("a-third-good-password");
    }

    @Test
    void shouldNameAClientTokenAsTheActor() {
        String admin = Api.adminToken();
        String caller = Api.unique("aud-caller");
        String secret = Api.createClient(admin, caller, List.of("api-access:change", "accounts:read"))
                .getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(caller), secret);
        String made = Api.unique("aud-made");
        Api.createClient(token, made, List.of("accounts:read"));

        Map<String, Object> event = events(admin, "clientId=" + made).get(0);
        assertThat(part(event, "actor")).isEqualTo(Map.of("type", "client", "id", Api.oauthClientId(caller)));
        assertThat(actions(events(admin, "clientId=" + caller + "&action=client.created")))
                .as("what the client did is in its history too")
                .hasSize(2);
    }

    @Test
    void shouldRecordAWalletMadeByThePlatformOperator() {
        String key = "aud" + Long.toString(System.nanoTime(), 36).substring(0, 8);
        String first = Api.provisionWallet(key, "first", "a-good-first-password");

        List<Map<String, Object>> events = events(first, "");
        assertThat(actions(events)).containsExactly("wallet.created");
        assertThat(part(events.get(0), "actor")).isEqualTo(Map.of("type", "operator", "id", "platform"));
        assertThat(part(events.get(0), "target")).isEqualTo(Map.of("type", "wallet", "id", key));
        assertThat(Audit.get(first, "page=0").extract().asString()).doesNotContain("a-good-first-password");
    }

    private static Map<String, Object> nullTo(String to) {
        return fromTo(null, to);
    }

    private static Map<String, Object> fromTo(String from, String to) {
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
