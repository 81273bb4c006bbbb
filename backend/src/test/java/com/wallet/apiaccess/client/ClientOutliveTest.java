package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The attack: a client with api-access:change makes a client that survives it. */
@QuarkusTest
class ClientOutliveTest {

    private static final List<String> ROLES = List.of("api-access:change", "accounts:read");

    /** A client expiring in ten days, and its access token. */
    private static String[] creator() {
        String clientId = Api.unique("creator");
        LocalDate expiry = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        String secret = Api.as(Api.adminToken())
                .body(Map.of("clientId", clientId, "roles", ROLES, "expiryDate", expiry.toString()))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("clientSecret");
        return new String[] {Api.clientToken(Api.oauthClientId(clientId), secret), expiry.toString()};
    }

    @Test
    void shouldRefuseAnExpiryLaterThanTheCreatingClientsOwn() {
        String[] creator = creator();
        String clientId = Api.unique("child");
        Api.as(creator[0])
                .body(Map.of("clientId", clientId, "roles", List.of("accounts:read"), "expiryDate", "9999-12-31"))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("expiryDate"))
                .body("errors.message", hasItem(containsString(creator[1])));
        Api.as(Api.adminToken()).when().get("/api/clients/" + clientId).then().statusCode(404);
        Api.as(creator[0])
                .body(Map.of(
                        "clientId",
                        clientId,
                        "roles",
                        List.of("accounts:read"),
                        "expiryDate",
                        LocalDate.parse(creator[1]).plusDays(1).toString()))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("expiryDate"));
    }

    @Test
    void shouldAcceptTheCreatingClientsOwnExpiry() {
        String[] creator = creator();
        Api.as(creator[0])
                .body(Map.of(
                        "clientId", Api.unique("child"), "roles", List.of("accounts:read"), "expiryDate", creator[1]))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .body("expiryDate", equalTo(creator[1]));
    }

    @Test
    void shouldDefaultToTheCreatingClientsExpiryWhenItIsSooner() {
        String[] creator = creator();
        Api.as(creator[0])
                .body(Map.of("clientId", Api.unique("child"), "roles", List.of("accounts:read")))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .body("expiryDate", equalTo(creator[1]));
    }

    @Test
    void shouldLetAUserChooseAnyExpiryThePolicyAllows() {
        String latest = LocalDate.now(ZoneOffset.UTC).plusDays(397).toString();
        Api.as(Api.adminToken())
                .body(Map.of("clientId", Api.unique("far"), "roles", List.of("accounts:read"), "expiryDate", latest))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .body("expiryDate", equalTo(latest));
    }
}
