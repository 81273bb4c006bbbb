package com.wallet.apiaccess.hardening;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void shouldSendAStrictContentSecurityPolicyAndNoSniffing() {
        given().when()
                .get("/.well-known/oauth-authorization-server")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void shouldServeTheConsoleAndItsDeepLinksWithTheSameHeaders() {
        Assumptions.assumeTrue(
                getClass().getClassLoader().getResource("META-INF/resources/index.html") != null,
                "the SPA is bundled by `make build` / `make test` (npm run build) before the backend is packaged");
        for (String path : new String[] {"/", "/settings/iam/api-access", "/settings/iam/users"}) {
            given().accept("text/html")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("<div id=\"root\">"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void shouldNotFallBackToTheConsoleForApiPathsOrFiles() {
        given().accept("text/html")
                .when()
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().accept("text/html").when().get("/missing-file.js").then().statusCode(404);
    }

    @Test
    void shouldAllowNoCrossOriginCallsUnlessConfigured() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/clients")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .when()
                .get("/.well-known/oauth-authorization-server")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
