package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.wallet.apiaccess.client.ClientChecks.CLIENTS;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ClientDeleteTest {

    private static ValidatableResponse delete(String token, String clientId) {
        return Api.as(token).when().delete(CLIENTS + "/" + clientId).then();
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
    void shouldAnswer204WithNoBody() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del");
        Api.createClient(admin, clientId, List.of("accounts:read"));

        delete(admin, clientId).statusCode(204).body(equalTo(""));
    }

    @Test
    void shouldAnswer404OnGetAfterDelete() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del-get");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        delete(admin, clientId).statusCode(204);

        isProblem(get(admin, clientId), 404);
        ClientChecks.search(admin, clientId).statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAnswer404OnASecondDelete() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del-twice");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        delete(admin, clientId).statusCode(204);

        isProblem(delete(admin, clientId), 404);
    }

    @Test
    void shouldAnswer404ForAnUnknownClient() {
        isProblem(delete(Api.adminToken(), Api.unique("never")), 404);
    }

    @Test
    void shouldRefuseTheLiveTokenOfADeletedClientAtOnce() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del-live");
        String secret =
                Api.createClient(admin, clientId, List.of("api-access:read")).getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(clientId), secret);
        Api.as(token).when().get(CLIENTS).then().statusCode(200);

        delete(admin, clientId).statusCode(204);

        isProblem(Api.as(token).when().get(CLIENTS).then(), 401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldRefuseTheOldTokenAfterTheClientIdIsCreatedAgain() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del-reborn");
        String secret =
                Api.createClient(admin, clientId, List.of("api-access:read")).getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(clientId), secret);

        delete(admin, clientId).statusCode(204);
        Api.createClient(admin, clientId, List.of("api-access:read"));

        isProblem(Api.as(token).when().get(CLIENTS).then(), 401);
    }

    @Test
    void shouldRefuseTheOldSecretAfterTheClientIdIsCreatedAgain() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del-oldsecret");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        delete(admin, clientId).statusCode(204);
        String newSecret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");

        tokenRequest(Api.oauthClientId(clientId), secret).statusCode(401).body("error", equalTo("invalid_client"));
        Api.clientToken(Api.oauthClientId(clientId), newSecret);
    }

    @Test
    void shouldIssueNoNewTokenToADeletedClientAndSayNoMoreThanForAnUnknownOne() {
        String admin = Api.adminToken();
        String clientId = Api.unique("del-token");
        String secret =
                Api.createClient(admin, clientId, List.of("accounts:read")).getString("clientSecret");
        delete(admin, clientId).statusCode(204);

        String unknownDescription = tokenRequest(Api.oauthClientId(Api.unique("unknown")), secret)
                .statusCode(401)
                .extract()
                .path("error_description");
        tokenRequest(Api.oauthClientId(clientId), secret)
                .statusCode(401)
                .body("error", equalTo("invalid_client"))
                .body("error_description", equalTo(unknownDescription));
    }

    @Test
    void shouldLeaveOtherClientsAlone() {
        String admin = Api.adminToken();
        String gone = Api.unique("del-gone");
        String kept = Api.unique("del-kept");
        Api.createClient(admin, gone, List.of("accounts:read"));
        String keptSecret =
                Api.createClient(admin, kept, List.of("accounts:read")).getString("clientSecret");

        delete(admin, gone).statusCode(204);

        get(admin, kept).statusCode(200);
        Api.clientToken(Api.oauthClientId(kept), keptSecret);
    }
}
