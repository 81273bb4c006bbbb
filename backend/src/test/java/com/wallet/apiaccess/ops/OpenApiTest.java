package com.wallet.apiaccess.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GET /q/openapi documents every path of the contract, the Vert.x token endpoint included, lints clean
 * with Redocly's recommended rules (operationIds, security, servers, tag descriptions), and is the
 * document committed as docs/openapi.json.
 */
@QuarkusTest
class OpenApiTest {

    private static JsonPath openApi() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> paths() {
        return openApi().getMap("paths");
    }

    @Test
    void shouldServeAnOpenApiDocument() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
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
        assertNotNull(
                doc.get("paths.'/oauth2/token'.post.requestBody.content.'application/x-www-form-urlencoded'"),
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

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** "POST /api/session" to its operation, for every operation of the document. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(JsonPath doc) {
        Map<String, Map<String, Object>> operations = new java.util.TreeMap<>();
        Map<String, Object> paths = doc.getMap("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, (Map<String, Object>) operation);
            }
        }));
        return operations;
    }

    @Test
    void shouldGiveEveryOperationAUniqueOperationId() {
        Map<String, Map<String, Object>> operations = operations(openApi());
        Set<Object> seen = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> operation : operations.entrySet()) {
            Object id = operation.getValue().get("operationId");
            assertNotNull(id, operation.getKey() + " has an operationId");
            assertTrue(id.toString().matches("[a-z][A-Za-z0-9]*"), operation.getKey() + ": " + id);
            assertTrue(seen.add(id), operation.getKey() + ": operationId " + id + " is used twice");
        }
        Map<String, String> expected = Map.ofEntries(
                Map.entry("POST /oauth2/token", "issueToken"),
                Map.entry("GET /oauth2/jwks", "getJwks"),
                Map.entry("GET /.well-known/oauth-authorization-server", "getAuthorizationServerMetadata"),
                Map.entry("POST /api/session", "signIn"),
                Map.entry("GET /api/me", "getMe"),
                Map.entry("PUT /api/me/password", "changeOwnPassword"),
                Map.entry("GET /api/resources", "listResources"),
                Map.entry("GET /api/clients", "listClients"),
                Map.entry("POST /api/clients", "createClient"),
                Map.entry("GET /api/clients/{clientId}", "getClient"),
                Map.entry("PUT /api/clients/{clientId}", "updateClient"),
                Map.entry("DELETE /api/clients/{clientId}", "deleteClient"),
                Map.entry("POST /api/clients/{clientId}/secrets", "createClientSecret"),
                Map.entry("DELETE /api/clients/{clientId}/secrets/{secretId}", "deleteClientSecret"),
                Map.entry("POST /api/handoff/lookup", "lookUpSecretLink"),
                Map.entry("POST /api/handoff/open", "openSecretLink"),
                Map.entry("GET /api/users", "listUsers"),
                Map.entry("POST /api/users", "createUser"),
                Map.entry("PUT /api/users/{username}", "updateUser"),
                Map.entry("DELETE /api/users/{username}", "deleteUser"),
                Map.entry("POST /api/platform/wallets", "createWallet"));
        expected.forEach((operation, id) -> {
            assertNotNull(operations.get(operation), operation + " is documented");
            assertEquals(id, operations.get(operation).get("operationId"), operation);
        });
    }

    @Test
    void shouldDocumentWhoMayCallEachOperation() {
        JsonPath doc = openApi();
        assertEquals(List.of(), doc.getList("paths.'/api/session'.post.security"), "sign-in is public");
        assertEquals(
                List.of(), doc.getList("paths.'/api/handoff/open'.post.security"), "a secret link needs no sign-in");
        assertEquals(List.of(), doc.getList("paths.'/api/handoff/lookup'.post.security"));
        assertEquals(List.of(), doc.getList("paths.'/oauth2/jwks'.get.security"), "the key set is public");
        assertEquals(
                List.of(),
                doc.getList("paths.'/.well-known/oauth-authorization-server'.get.security"),
                "the metadata is public");
        assertEquals(
                List.of(Map.of("platformOperator", List.of())),
                doc.getList("paths.'/api/platform/wallets'.post.security"),
                "the operator token, not a session");
        assertEquals("http", doc.getString("components.securitySchemes.platformOperator.type"));
        assertEquals("bearer", doc.getString("components.securitySchemes.platformOperator.scheme"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertNotNull(
                doc.getList("paths.'/oauth2/token'.post.security"),
                "the token endpoint names its client authentication");
        operations(doc).forEach((operation, body) -> {
            assertNotNull(body.get("security"), operation + " says who may call it");
            String path = operation.substring(operation.indexOf(' ') + 1);
            if (path.startsWith("/api/")
                    && !path.equals("/api/session")
                    && !path.startsWith("/api/handoff/")
                    && !path.startsWith("/api/platform/")) {
                assertEquals(List.of(Map.of("bearer", List.of())), body.get("security"), operation);
                assertThat(operation + " answers 401", (Map<String, Object>) body.get("responses"), hasKey("401"));
            }
        });
        assertNull(doc.get("security"), "no blanket security: each operation says its own");
    }

    @Test
    void shouldNameAServerAndDescribeEveryTag() {
        JsonPath doc = openApi();
        assertEquals(List.of("/"), doc.getList("servers.url"), "relative to where the document is served");
        Map<String, String> tags = new java.util.HashMap<>();
        for (Map<String, Object> tag : doc.<Map<String, Object>>getList("tags")) {
            tags.put(tag.get("name").toString(), (String) tag.get("description"));
        }
        List<String> undescribed = new ArrayList<>();
        operations(doc).forEach((operation, body) -> {
            for (Object tag : (List<?>) body.getOrDefault("tags", List.of())) {
                assertThat(operation + "'s tag is declared", tags, hasKey(tag.toString()));
            }
        });
        tags.forEach((name, description) -> {
            if (description == null || description.isBlank()) {
                undescribed.add(name);
            }
        });
        assertEquals(List.of(), undescribed, "tags without a description");
    }

    @Test
    void shouldAnswerEveryOperationWithAnErrorShape() {
        operations(openApi()).forEach((operation, body) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) body.get("responses");
            assertTrue(
                    responses.keySet().stream().anyMatch(code -> code.startsWith("4")),
                    operation + " has a 4xx answer");
        });
    }

    /** The build writes target/openapi/openapi.json; make test also diffs it with docs/openapi.json byte for byte. */
    @Test
    void shouldServeTheCommittedDocument() throws Exception {
        Path committed = Path.of("../docs/openapi.json");
        assertTrue(Files.exists(committed), committed.toAbsolutePath() + " exists");
        ObjectMapper json = new ObjectMapper();
        String served = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String difference = firstDifference("", json.readTree(Files.readString(committed)), json.readTree(served));
        if (difference != null) {
            fail("docs/openapi.json is stale at " + difference + ": cp backend/target/openapi/openapi.json docs/");
        }
    }

    /** The JSON pointer of the first place where the two differ, or null when they are equal. */
    private static String firstDifference(String at, JsonNode committed, JsonNode served) {
        if (committed.equals(served)) {
            return null;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name) || !served.has(name)) {
                    return pointer + (committed.has(name) ? " is no longer served" : " is new");
                }
                String difference = firstDifference(pointer, committed.get(name), served.get(name));
                if (difference != null) {
                    return difference;
                }
            }
        }
        return at + ": committed " + abbreviate(committed) + ", served " + abbreviate(served);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
