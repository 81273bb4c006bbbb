package com.wallet.apiaccess.audit;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.audit.Audit.actions;
import static com.wallet.apiaccess.audit.Audit.events;
import static com.wallet.apiaccess.audit.Audit.part;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Who reads which events, the filters and paging of GET /api/audit, and bad parameters. */
@QuarkusTest
class AuditAccessTest {

    @Test
    void shouldShowClientEventsOnlyToApiAccessReadersAndUserEventsOnlyToUsersReaders() {
        String admin = Api.adminToken();
        String clientId = Api.unique("acc-cl");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        String username = Api.unique("acc-us");
        Api.as(admin)
                .body(Map.of("username", username, "password", "a-good-password-1", "roles", List.of("accounts:read")))
                .post("/api/users")
                .then()
                .statusCode(201);

        String clientsReader = Api.userWithRoles(List.of("api-access:read"));
        String usersReader = Api.userWithRoles(List.of("users:read"));

        List<Map<String, Object>> seenByClientsReader = events(clientsReader, "action=client.created,user.created");
        assertThat(seenByClientsReader)
                .allMatch(event -> "client".equals(part(event, "target").get("type")));
        assertThat(seenByClientsReader)
                .anyMatch(event -> clientId.equals(part(event, "target").get("id")));

        List<Map<String, Object>> seenByUsersReader = events(usersReader, "action=client.created,user.created");
        assertThat(seenByUsersReader)
                .allMatch(event -> "user".equals(part(event, "target").get("type")));
        assertThat(seenByUsersReader)
                .anyMatch(event -> username.equals(part(event, "target").get("id")));

        Audit.get(usersReader, "clientId=" + clientId)
                .statusCode(403)
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("insufficient_scope"));
        Audit.get(clientsReader, "username=" + username).statusCode(403);
    }

    @Test
    void shouldRefuseACallerWithoutAReadRole() {
        String nobody = Api.userWithRoles(List.of("accounts:change"));
        Audit.get(nobody, "page=0")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("api-access:read"));
        given().when().get("/api/audit").then().statusCode(401);
    }

    @Test
    void shouldKeepEachWalletsEventsToItself() {
        String key = "accw" + Long.toString(System.nanoTime(), 36).substring(0, 8);
        String other = Api.provisionWallet(key, "other", "a-good-other-password");
        String clientId = Api.unique("acc-iso");
        Api.createClient(other, clientId, List.of("accounts:read"));

        assertThat(events(Api.adminToken(), "clientId=" + clientId)).isEmpty();
        assertThat(actions(events(other, "clientId=" + clientId))).containsExactly("client.created");
        assertThat(events(other, "page=0"))
                .allMatch(event -> !Api.ADMIN.equals(part(event, "actor").get("id")));
    }

    @Test
    void shouldFilterByActionAndTimeAndPageNewestFirst() {
        String admin = Api.adminToken();
        String clientId = Api.unique("acc-page");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        for (int i = 0; i < 4; i++) {
            Api.as(admin)
                    .body(Map.of("roles", List.of("accounts:read"), "notes", "edit " + i))
                    .put("/api/clients/" + clientId)
                    .then()
                    .statusCode(200);
        }

        Audit.get(admin, "clientId=" + clientId + "&size=2&page=1")
                .statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("items.size()", equalTo(2))
                .body("items[0].changes.notes.to", equalTo("edit 1"));
        Audit.get(admin, "clientId=" + clientId + "&size=2&page=9")
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.size()", equalTo(0));
        assertThat(actions(events(admin, "clientId=" + clientId + "&action=client.created")))
                .containsExactly("client.created");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(events(admin, "clientId=" + clientId + "&from=" + today + "&to=" + today))
                .hasSize(5);
        assertThat(events(
                        admin, "clientId=" + clientId + "&from=" + Instant.now().plusSeconds(3600)))
                .isEmpty();
        assertThat(events(admin, "clientId=" + clientId + "&to=2020-01-01")).isEmpty();
    }

    @Test
    void shouldNameTheBadParameter() {
        String admin = Api.adminToken();
        for (Map.Entry<String, String> bad : Map.of(
                        "page", "page=-1",
                        "size", "size=101",
                        "action", "action=DROP%20TABLE",
                        "from", "from=yesterday",
                        "to", "from=2026-12-02&to=2026-12-01")
                .entrySet()) {
            Audit.get(Api.adminToken(), bad.getValue())
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.getKey()));
        }
        Audit.get(admin, "clientId=" + "x".repeat(300)).statusCode(400);
    }
}
