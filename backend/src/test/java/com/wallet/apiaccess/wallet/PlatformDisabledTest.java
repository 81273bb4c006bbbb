package com.wallet.apiaccess.wallet;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Without an operator token the platform endpoint does not exist, whatever bearer is sent. */
@QuarkusTest
@TestProfile(PlatformDisabledTest.NoOperatorToken.class)
class PlatformDisabledTest {

    public static class NoOperatorToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.platform.operator-token", "");
        }
    }

    private static Map<String, String> wallet() {
        return Map.of(
                "externalKey",
                PlatformResourceTest.uniqueKey(),
                "name",
                "Nope",
                "adminUsername",
                "owner",
                "adminPassword",
                "owner-password-1");
    }

    @Test
    void shouldAnswerNotFoundWithTheFormerOperatorToken() {
        given().auth()
                .oauth2(Api.OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(wallet())
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundWithoutToken() {
        given().contentType(ContentType.JSON)
                .body(wallet())
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundToAnEmptyBearer() {
        given().header("Authorization", "Bearer ")
                .contentType(ContentType.JSON)
                .body(wallet())
                .when()
                .post("/api/platform/wallets")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldStillServeTheRestOfTheApi() {
        Api.as(Api.adminToken()).when().get("/api/me").then().statusCode(200);
    }
}
