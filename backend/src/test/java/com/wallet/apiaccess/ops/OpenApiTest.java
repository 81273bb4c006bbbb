package com.wallet.apiaccess.ops;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** GET /q/openapi documents every path of the contract, the Vert.x token endpoint included. */
@QuarkusTest
class OpenApiTest {

    private static JsonPath openApi() {
        return given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> paths() {
        return openApi().getMap("paths");
    }

    @Test
    void shouldServeAnOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("info.title", equalTo("API Access"));
    }

    @Test
    void shouldDocumentTheClientsApi() {
        Map<String, Object> paths = paths();
        assertThat(paths, hasKey("/api/clients"));
        assertThat(paths, hasKey("/api/clients/{clientId}"));
        JsonPath doc = openApi();
        assertNotNull(doc.get("paths.'/api/clients'.get"));
        assertNotNull(doc.get("paths.'/api/clients'.post"));
        assertNotNull(doc.get("paths.'/api/clients/{clientId}'.get"));
        assertNotNull(doc.get("paths.'/api/clients/{clientId}'.put"));
        assertNotNull(doc.get("paths.'/api/clients/{clientId}'.delete"));
    }

    @Test
    void shouldDocumentTheUsersApi() {
        Map<String, Object> paths = paths();
        assertThat(paths, hasKey("/api/users"));
        assertThat(paths, hasKey("/api/users/{username}"));
    }

    @Test
    void shouldDocumentSessionMeAndResources() {
        Map<String, Object> paths = paths();
        assertThat(paths, hasKey("/api/session"));
        assertThat(paths, hasKey("/api/me"));
        assertThat(paths, hasKey("/api/resources"));
    }

    @Test
    void shouldDocumentThePlatformApi() {
        assertThat(paths(), hasKey("/api/platform/wallets"));
    }

    @Test
    void shouldDocumentJwksAndMetadata() {
        Map<String, Object> paths = paths();
        assertThat(paths, hasKey("/oauth2/jwks"));
        assertThat(paths, hasKey("/.well-known/oauth-authorization-server"));
    }

    @Test
    void shouldDocumentTheTokenEndpoint() {
        JsonPath doc = openApi();
        assertThat(doc.getMap("paths"), hasKey("/oauth2/token"));
        assertNotNull(doc.get("paths.'/oauth2/token'.post"), "POST /oauth2/token is documented");
        assertNotNull(doc.get("paths.'/oauth2/token'.post.requestBody.content.'application/x-www-form-urlencoded'"),
                "its form body is documented");
    }

    @Test
    void shouldDocumentExpiryDateAsADateString() {
        JsonPath doc = openApi();
        for (String schema : new String[] {"CreateClientRequest", "UpdateClientRequest"}) {
            Map<String, Object> property = doc.getMap("components.schemas." + schema + ".properties.expiryDate");
            assertNotNull(property, schema + ".expiryDate is documented");
            if (property.get("$ref") != null) {
                String ref = property.get("$ref").toString();
                property = doc.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1));
            }
            assertEquals("string", property.get("type"), schema + ".expiryDate: " + property);
            assertEquals("date", property.get("format"), schema + ".expiryDate: " + property);
        }
    }
}
