package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TokenFlowSmokeTest {

    @Test
    void shouldCreateClientGetTokenUseItAndLoseItOnDelete() {
        String admin = Api.adminToken();
        String clientId = Api.unique("smoke");
        JsonPath created = Api.createClient(admin, clientId, List.of("api-access:read"));
        String secret = created.getString("clientSecret");

        String token = Api.clientToken(Api.oauthClientId(clientId), secret);
        Api.as(token)
                .queryParam("q", clientId)
                .when()
                .get("/api/clients")
                .then()
                .statusCode(200)
                .body("items.clientId", hasItem(clientId));
        Api.as(token)
                .when()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(Api.oauthClientId(clientId)));

        Api.as(admin).when().delete("/api/clients/" + clientId).then().statusCode(204);
        Api.as(token).when().get("/api/clients").then().statusCode(401);
    }
}
