package com.wallet.apiaccess.hardening;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Wallet B's admin reaches nothing of wallet A: A's users and clients are absent for B (404), and untouched. */
@QuarkusTest
class TenantIsolationTest {

    private String adminOfA;
    private String adminOfB;
    private String walletB;

    @BeforeEach
    void twoWallets() {
        adminOfA = Api.adminToken();
        walletB = "b" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType("application/json")
                .body(Map.of(
                        "externalKey",
                        walletB,
                        "name",
                        "Wallet B",
                        "adminUsername",
                        "boss",
                        "adminPassword",
                        "boss-password-1"))
                .post("/api/platform/wallets")
                .then()
                .statusCode(201);
        adminOfB = Api.signIn(walletB, "boss", "boss-password-1");
    }

    @Test
    void shouldNotLetAnotherWalletSeeChangeOrDeleteUsers() {
        String username = Api.unique("only-in-a");
        Api.as(adminOfA)
                .body(Map.of("username", username, "password", "password-of-a-1", "roles", List.of("accounts:read")))
                .post("/api/users")
                .then()
                .statusCode(201);

        Api.as(adminOfB).get("/api/users").then().statusCode(200).body("username", not(hasItem(username)));
        Api.as(adminOfB)
                .body(Map.of("roles", List.of("accounts:read")))
                .put("/api/users/" + username)
                .then()
                .statusCode(404);
        Api.as(adminOfB)
                .body(Map.of("roles", List.of("accounts:read"), "password", "taken-over-password"))
                .put("/api/users/" + username)
                .then()
                .statusCode(404);
        Api.as(adminOfB).delete("/api/users/" + username).then().statusCode(404);

        Api.as(adminOfA).get("/api/users").then().statusCode(200).body("username", hasItem(username));
        Api.signIn(Api.WALLET, username, "password-of-a-1");
    }

    @Test
    void shouldNotLetAnotherWalletSeeChangeOrDeleteClients() {
        String clientId = Api.unique("only-in-a");
        Api.createClient(adminOfA, clientId, List.of("accounts:read"));

        Api.as(adminOfB).get("/api/clients/" + clientId).then().statusCode(404);
        Api.as(adminOfB)
                .queryParam("q", clientId)
                .get("/api/clients")
                .then()
                .statusCode(200)
                .body("items.clientId", not(hasItem(clientId)));
        Api.as(adminOfB)
                .body(Map.of("roles", List.of("accounts:read")))
                .put("/api/clients/" + clientId)
                .then()
                .statusCode(404);
        Api.as(adminOfB).delete("/api/clients/" + clientId).then().statusCode(404);

        Api.as(adminOfA).get("/api/clients/" + clientId).then().statusCode(200);
    }

    @Test
    void shouldSignInOnlyToTheWalletTheUserBelongsTo() {
        given().contentType("application/json")
                .body(Map.of("wallet", walletB, "username", Api.ADMIN, "password", Api.ADMIN_PASSWORD))
                .post("/api/session")
                .then()
                .statusCode(401);
    }
}
