package com.wallet.apiaccess.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With an {@code https://} issuer every answer says HSTS, though the request reached us over plain HTTP. */
@QuarkusTest
@TestProfile(BehindTlsProxy.class)
class HstsBehindProxyTest {

    private static final String HSTS = "max-age=31536000; includeSubDomains";

    @Test
    void shouldSendHstsOnEveryAnswer() {
        given().when()
                .get("/.well-known/oauth-authorization-server")
                .then()
                .statusCode(200)
                .body("issuer", equalTo("https://wallet.example.test"))
                .header("Strict-Transport-Security", equalTo(HSTS));
        given().when().get("/oauth2/jwks").then().statusCode(200).header("Strict-Transport-Security", equalTo(HSTS));
        given().when()
                .get("/api/clients")
                .then()
                .statusCode(401)
                .header("Strict-Transport-Security", equalTo(HSTS))
                .header("Cache-Control", equalTo("no-store"));
        given().when()
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .header("Strict-Transport-Security", equalTo(HSTS));
        given().when()
                .get("/missing-file.js")
                .then()
                .statusCode(404)
                .header("Strict-Transport-Security", equalTo(HSTS));
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .when()
                .post("/oauth2/token")
                .then()
                .statusCode(401)
                .header("Strict-Transport-Security", equalTo(HSTS))
                .header("Cache-Control", equalTo("no-store"));
    }
}
