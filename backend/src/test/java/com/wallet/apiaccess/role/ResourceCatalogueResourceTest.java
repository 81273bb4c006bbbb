package com.wallet.apiaccess.role;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /api/resources: the rows of the permissions grid. */
@QuarkusTest
class ResourceCatalogueResourceTest {

    @Test
    void shouldListTheTenConfiguredResources() {
        Api.as(Api.adminToken())
                .when()
                .get("/api/resources")
                .then()
                .statusCode(200)
                .body("", hasSize(10))
                .body(
                        "id",
                        hasItems(
                                "accounts",
                                "balances",
                                "transactions",
                                "payments",
                                "beneficiaries",
                                "cards",
                                "statements",
                                "webhooks",
                                "users",
                                "api-access"))
                .body("name", everyItem(not(emptyOrNullString())))
                .body("description", everyItem(not(emptyOrNullString())));
    }

    @Test
    void shouldGiveEachRowIdNameAndDescriptionOnly() {
        JsonPath rows = Api.as(Api.adminToken())
                .when()
                .get("/api/resources")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> list = rows.getList("");
        for (Map<String, Object> row : list) {
            assertEquals(Set.of("id", "name", "description"), row.keySet(), "row " + row);
        }
    }

    @Test
    void shouldNameTheApiAccessRow() {
        Api.as(Api.adminToken())
                .when()
                .get("/api/resources")
                .then()
                .statusCode(200)
                .body("find { it.id == 'api-access' }.name", org.hamcrest.Matchers.equalTo("API Access"))
                .body("find { it.id == 'users' }.name", org.hamcrest.Matchers.equalTo("Users"));
    }

    @Test
    void shouldListResourcesForAUserWithFewRoles() {
        Api.as(Api.userWithRoles(List.of("cards:read")))
                .when()
                .get("/api/resources")
                .then()
                .statusCode(200)
                .body("", hasSize(10));
    }

    @Test
    void shouldListResourcesForAClientToken() {
        String clientId = Api.unique("grid");
        String secret = Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"))
                .getString("clientSecret");
        Api.as(Api.clientToken(Api.oauthClientId(clientId), secret))
                .when()
                .get("/api/resources")
                .then()
                .statusCode(200)
                .body("", hasSize(10));
    }

    @Test
    void shouldRefuseResourcesWithoutToken() {
        given().when().get("/api/resources").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }
}
