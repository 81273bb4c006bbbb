package com.wallet.apiaccess.client;

import com.wallet.apiaccess.client.SecretRotationTest.Made;
import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The requireDpop setting of a client: set on create and update, shown in Client, audited, read for tokens. */
@QuarkusTest
class ClientRequireDpopTest {

    private static final List<String> ROLES = List.of("api-access:read");

    @Inject
    ClientCache cache;

    private static void setRequireDpop(Made made, boolean requireDpop) {
        ClientChecks.put(made.admin(), made.clientId(), Map.of("roles", ROLES, "requireDpop", requireDpop))
                .statusCode(200)
                .body("requireDpop", equalTo(requireDpop));
    }

    /** The client.updated or client.created events of the client, newest first. */
    private static List<Map<String, Object>> events(String admin, String clientId, String action) {
        return Api.as(admin)
                .when()
                .get("/api/audit?size=100&clientId=" + clientId + "&action=" + action)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changes(Map<String, Object> event) {
        return (Map<String, Object>) event.get("changes");
    }

    @Test
    void shouldCreateAClientWithoutDpopWhenRequireDpopIsLeftOut() {
        Made made = SecretRotationTest.client("dpop-absent");

        ClientChecks.get(made.admin(), made.clientId()).statusCode(200).body("requireDpop", equalTo(false));
    }

    @Test
    void shouldCreateAClientThatRequiresDpopWhenAsked() {
        String admin = Api.adminToken();
        String clientId = Api.unique("dpop-new");

        ClientChecks.post(admin, Map.of("clientId", clientId, "roles", ROLES, "requireDpop", true))
                .statusCode(201)
                .body("requireDpop", equalTo(true))
                .body("enabled", equalTo(true));

        ClientChecks.get(admin, clientId).statusCode(200).body("requireDpop", equalTo(true));
        ClientChecks.search(admin, clientId).statusCode(200).body("items[0].requireDpop", equalTo(true));
        ClientChecks.search(admin, Map.of("q", clientId, "status", "active"))
                .statusCode(200)
                .body("items[0].requireDpop", equalTo(true));
        Map<String, Object> created = events(admin, clientId, "client.created").get(0);
        assertThat(changes(created)).containsEntry("requireDpop", true);
    }

    @Test
    void shouldTurnRequireDpopOnAndOffAndRecordEachChange() {
        Made made = SecretRotationTest.client("dpop-toggle");

        setRequireDpop(made, true);
        ClientChecks.get(made.admin(), made.clientId()).body("requireDpop", equalTo(true));
        List<Map<String, Object>> on = events(made.admin(), made.clientId(), "client.updated");
        assertThat(changes(on.get(0))).containsEntry("requireDpop", Map.of("from", false, "to", true));

        setRequireDpop(made, false);
        ClientChecks.get(made.admin(), made.clientId()).body("requireDpop", equalTo(false));
        List<Map<String, Object>> off = events(made.admin(), made.clientId(), "client.updated");
        assertThat(off).hasSize(2);
        assertThat(changes(off.get(0))).containsEntry("requireDpop", Map.of("from", true, "to", false));
    }

    @Test
    void shouldKeepRequireDpopWhenAnUpdateLeavesItOut() {
        Made made = SecretRotationTest.client("dpop-keep");
        setRequireDpop(made, true);

        ClientChecks.put(made.admin(), made.clientId(), Map.of("roles", ROLES, "notes", "n"))
                .statusCode(200)
                .body("requireDpop", equalTo(true));
        ClientChecks.get(made.admin(), made.clientId()).body("requireDpop", equalTo(true));
        Map<String, Object> update =
                events(made.admin(), made.clientId(), "client.updated").get(0);
        assertThat(changes(update)).doesNotContainKey("requireDpop");
    }

    @Test
    void shouldRecordNoChangeWhenRequireDpopIsSetToWhatItIs() {
        Made made = SecretRotationTest.client("dpop-same");

        setRequireDpop(made, false);

        Map<String, Object> update =
                events(made.admin(), made.clientId(), "client.updated").get(0);
        assertThat(changes(update)).isNull();
    }

    @Test
    void shouldRefuseARequireDpopThatIsNotABoolean() {
        Made made = SecretRotationTest.client("dpop-type");

        isFieldError(
                ClientChecks.put(made.admin(), made.clientId(), Map.of("roles", ROLES, "requireDpop", "yes")),
                "requireDpop");
        ClientChecks.get(made.admin(), made.clientId()).body("requireDpop", equalTo(false));

        Map<String, Object> body = new HashMap<>();
        body.put("clientId", Api.unique("dpop-type-new"));
        body.put("roles", ROLES);
        body.put("requireDpop", "yes");
        isFieldError(ClientChecks.post(made.admin(), body), "requireDpop");
    }

    @Test
    void shouldNeedApiAccessChangeToRequireDpop() {
        Made made = SecretRotationTest.client("dpop-perm");
        String reader = Api.userWithRoles(List.of("api-access:read"));

        isProblem(ClientChecks.put(reader, made.clientId(), Map.of("roles", ROLES, "requireDpop", true)), 403);
        ClientChecks.get(made.admin(), made.clientId()).body("requireDpop", equalTo(false));
    }

    @Test
    void shouldGiveTheTokenEndpointTheSetting() {
        Made made = SecretRotationTest.client("dpop-cache");
        OAuthClientId id = OAuthClientId.parse(made.oauthClientId()).orElseThrow();
        assertThat(cache.fresh(id)
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .orElseThrow()
                        .requireDpop())
                .isFalse();

        setRequireDpop(made, true);

        assertThat(cache.fresh(id)
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .orElseThrow()
                        .requireDpop())
                .isTrue();
    }
}
