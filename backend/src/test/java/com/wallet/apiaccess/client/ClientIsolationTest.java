package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.CLIENTS;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.put;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Wallet A is the test wallet "acme"; each test provisions a wallet B of its own. */
@QuarkusTest
class ClientIsolationTest {

    private static ClientChecks.OwnWallet provisionWalletB() {
        return ClientChecks.provisionWallet("b");
    }

    private static ValidatableResponse tokenRequest(String oauthClientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", oauthClientId)
                .formParam("client_secret", secret)
                .when()
                .post("/oauth2/token")
                .then();
    }

    @Test
    void shouldHideAnotherWalletsClientFromGet() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String clientId = Api.unique("iso-get");
        Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"));

        isProblem(get(b.admin(), clientId), 404);
    }

    @Test
    void shouldHideAnotherWalletsClientFromUpdate() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String admin = Api.adminToken();
        String clientId = Api.unique("iso-put");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        isProblem(put(b.admin(), clientId, Map.of("roles", List.of("payments:change"), "notes", "hijacked")), 404);
        get(admin, clientId)
                .statusCode(200)
                .body("roles", contains("accounts:read"))
                .body("notes", equalTo(null));
    }

    @Test
    void shouldHideAnotherWalletsClientFromDelete() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String admin = Api.adminToken();
        String clientId = Api.unique("iso-del");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        isProblem(Api.as(b.admin()).when().delete(CLIENTS + "/" + clientId).then(), 404);
        get(admin, clientId).statusCode(200);
        Api.clientToken(Api.oauthClientId(clientId), secret);
    }

    @Test
    void shouldListOnlyTheCallersWalletsClients() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String term = ClientChecks.token("isolist");
        Api.createClient(Api.adminToken(), "a-" + term, List.of("accounts:read"));
        Api.createClient(b.admin(), "b-" + term, List.of("accounts:read"));

        search(b.admin(), term)
                .statusCode(200)
                .body("items.clientId", contains("b-" + term))
                .body("items[0].oauthClientId", equalTo(b.oauthClientId("b-" + term)))
                .body("total", equalTo(1));
        search(Api.adminToken(), term)
                .statusCode(200)
                .body("items.clientId", contains("a-" + term))
                .body("total", equalTo(1));
    }

    @Test
    void shouldShowANewWalletNoClientsOfOthers() {
        ClientChecks.OwnWallet b = provisionWalletB();
        Api.createClient(Api.adminToken(), Api.unique("iso-empty"), List.of("accounts:read"));

        Api.as(b.admin())
                .when()
                .get(CLIENTS)
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void shouldAllowTheSameClientIdInTwoWallets() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String clientId = Api.unique("iso-same");
        Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"));

        ClientChecks.post(b.admin(), Map.of("clientId", clientId, "roles", List.of("balances:read")))
                .statusCode(201)
                .body("oauthClientId", equalTo(b.oauthClientId(clientId)));
        get(Api.adminToken(), clientId).statusCode(200).body("roles", contains("accounts:read"));
        get(b.admin(), clientId).statusCode(200).body("roles", contains("balances:read"));
    }

    @Test
    void shouldAcceptEachSecretOnlyWithItsOwnWalletsPrefix() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String clientId = Api.unique("iso-secret");
        String secretA = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        String secretB =
                Api.createClient(b.admin(), clientId, List.of("balances:read")).getString("clientSecret");

        tokenRequest(Api.oauthClientId(clientId), secretA).statusCode(200).body("scope", equalTo("accounts:read"));
        tokenRequest(b.oauthClientId(clientId), secretB).statusCode(200).body("scope", equalTo("balances:read"));
        tokenRequest(b.oauthClientId(clientId), secretA).statusCode(401).body("error", equalTo("invalid_client"));
        tokenRequest(Api.oauthClientId(clientId), secretB).statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void shouldLetAClientTokenSeeOnlyItsOwnWallet() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String term = ClientChecks.token("isotok");
        Api.createClient(Api.adminToken(), "a-" + term, List.of("accounts:read"));
        String secret = Api.createClient(b.admin(), "b-" + term, List.of("api-access:read"))
                .getString("clientSecret");
        String token = Api.clientToken(b.oauthClientId("b-" + term), secret);

        search(token, term)
                .statusCode(200)
                .body("items.clientId", contains("b-" + term))
                .body("total", equalTo(1));
        isProblem(get(token, "a-" + term), 404);
    }

    @Test
    void shouldDeleteOnlyTheCallersClientOfASharedClientId() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String admin = Api.adminToken();
        String clientId = Api.unique("iso-shared");
        String secretA =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");
        Api.createClient(b.admin(), clientId, List.of("accounts:read"));

        Api.as(b.admin()).when().delete(CLIENTS + "/" + clientId).then().statusCode(204);

        isProblem(get(b.admin(), clientId), 404);
        get(admin, clientId).statusCode(200);
        Api.clientToken(Api.oauthClientId(clientId), secretA);
    }

    @Test
    void shouldCreateTheClientsOfAClientTokenInTheTokensOwnWallet() {
        ClientChecks.OwnWallet b = provisionWalletB();
        String clientId = Api.unique("iso-cross");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("api-access:change", "accounts:read"))
                .getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(clientId), secret);
        String made = Api.unique("iso-made");

        ClientChecks.post(token, Map.of("clientId", made, "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("oauthClientId", equalTo(Api.oauthClientId(made)))
                .body("oauthClientId", not(equalTo(b.oauthClientId(made))));
        isProblem(get(b.admin(), made), 404);
    }
}
