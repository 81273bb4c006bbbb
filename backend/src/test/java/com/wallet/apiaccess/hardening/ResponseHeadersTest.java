package com.wallet.apiaccess.hardening;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every answer under {@code /api} says {@code Cache-Control: no-store}, errors included; the token
 * endpoint keeps {@code no-store} with {@code Pragma: no-cache}, the JWKS and the metadata their
 * caching. Over plain HTTP with an {@code http://} issuer (the test profile) nothing says HSTS.
 */
@QuarkusTest
class ResponseHeadersTest {

    private static ValidatableResponse notStored(ValidatableResponse response) {
        return response.header("Cache-Control", equalTo("no-store")).header("Strict-Transport-Security", nullValue());
    }

    @Test
    void shouldNotLetAListBeStored() {
        notStored(Api.as(Api.adminToken()).when().get("/api/clients").then().statusCode(200));
        notStored(Api.as(Api.adminToken()).when().get("/api/users").then().statusCode(200));
    }

    @Test
    void shouldNotLetAClientBeStored() {
        String admin = Api.adminToken();
        String clientId = Api.unique("nostore");
        Api.createClient(admin, clientId, List.of("accounts:read"));
        notStored(Api.as(admin).when().get("/api/clients/" + clientId).then().statusCode(200));
        notStored(Api.as(admin).when().get("/api/me").then().statusCode(200));
    }

    @Test
    void shouldNotLetAnAnswerToAnUnauthenticatedCallBeStored() {
        notStored(given().when()
                .get("/api/clients")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer")));
        notStored(given().auth()
                .oauth2("not-a-token")
                .when()
                .get("/api/clients/anything")
                .then()
                .statusCode(401));
    }

    @Test
    void shouldNotLetANotFoundBeStored() {
        notStored(Api.as(Api.adminToken())
                .when()
                .get("/api/clients/" + Api.unique("absent"))
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json")));
        notStored(given().when().get("/api/no-such-thing").then().statusCode(404));
    }

    @Test
    void shouldNotLetOtherErrorsBeStored() {
        notStored(Api.as(Api.adminToken())
                .body("{\"clientId\": ")
                .when()
                .post("/api/clients")
                .then()
                .statusCode(400));
        notStored(Api.as(Api.adminToken())
                .body("{\"clientId\": \"" + "x".repeat(70 * 1024) + "\"}")
                .when()
                .post("/api/clients")
                .then()
                .statusCode(413));
        notStored(given().contentType(ContentType.JSON)
                .body("{\"wallet\": \"acme\", \"username\": \"admin\"," + " \"password\": \"wrong-password\"}")
                .when()
                .post("/api/session")
                .then()
                .statusCode(401));
        notStored(
                Api.as(Api.adminToken()).when().delete("/api/resources").then().statusCode(405));
    }

    @Test
    void shouldKeepTheTokenEndpointsHeadersAndTheCachingOfKeysAndMetadata() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .header("Cache-Control", equalTo("no-store"))
                .header("Pragma", equalTo("no-cache"))
                .header("Strict-Transport-Security", nullValue());
        given().when()
                .get("/oauth2/jwks")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .header("Strict-Transport-Security", nullValue());
        given().when()
                .get("/.well-known/oauth-authorization-server")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .header("Strict-Transport-Security", nullValue());
    }
}
