package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.CLIENTS;
import static com.wallet.apiaccess.client.ClientChecks.get;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static com.wallet.apiaccess.client.ClientChecks.post;
import static com.wallet.apiaccess.client.ClientChecks.put;
import static com.wallet.apiaccess.client.ClientChecks.search;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClientPermissionsTest {

    @ConfigProperty(name = "test.database.name")
    String database;

    private static ValidatableResponse isForbidden(ValidatableResponse response) {
        return isProblem(response, 403)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("WWW-Authenticate", containsString("insufficient_scope"));
    }

    private static ValidatableResponse isUnauthenticated(ValidatableResponse response) {
        return isProblem(response, 401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    private static String existingClient() {
        String clientId = Api.unique("perm");
        Api.createClient(Api.adminToken(), clientId, List.of("accounts:read"));
        return clientId;
    }

    @Test
    void shouldLetAReaderListClients() {
        String clientId = existingClient();
        String reader = Api.userWithRoles(List.of("api-access:read"));

        search(reader, clientId).statusCode(200).body("items.clientId", contains(clientId));
    }

    @Test
    void shouldLetAReaderGetAClient() {
        String clientId = existingClient();
        String reader = Api.userWithRoles(List.of("api-access:read"));

        get(reader, clientId).statusCode(200).body("clientId", equalTo(clientId));
    }

    @Test
    void shouldForbidAReaderToCreate() {
        String reader = Api.userWithRoles(List.of("api-access:read"));
        String clientId = Api.unique("perm-new");

        isForbidden(post(reader, Map.of("clientId", clientId, "roles", List.of("api-access:read"))));
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldForbidAReaderToUpdate() {
        String clientId = existingClient();
        String reader = Api.userWithRoles(List.of("api-access:read"));

        isForbidden(put(reader, clientId, Map.of("roles", List.of("api-access:read"), "notes", "by reader")));
        get(Api.adminToken(), clientId)
                .statusCode(200)
                .body("roles", contains("accounts:read"))
                .body("notes", equalTo(null));
    }

    @Test
    void shouldForbidAReaderToDelete() {
        String clientId = existingClient();
        String reader = Api.userWithRoles(List.of("api-access:read"));

        isForbidden(Api.as(reader).when().delete(CLIENTS + "/" + clientId).then());
        get(Api.adminToken(), clientId).statusCode(200);
    }

    @Test
    void shouldForbidAUserWithoutApiAccessRolesToList() {
        String other = Api.userWithRoles(List.of("accounts:change", "users:read"));

        isForbidden(Api.as(other).when().get(CLIENTS).then());
    }

    @Test
    void shouldForbidAUserWithoutApiAccessRolesToGetAClient() {
        String clientId = existingClient();
        String other = Api.userWithRoles(List.of("accounts:change", "users:read"));

        isForbidden(get(other, clientId));
    }

    @Test
    void shouldForbidAClientTokenWithOnlyReadToCreate() {
        String admin = Api.adminToken();
        String readerClient = Api.unique("perm-client");
        String secret = Api.createClient(admin, readerClient, List.of("api-access:read"))
                .getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(readerClient), secret);
        String clientId = Api.unique("perm-bycl");

        search(token, readerClient).statusCode(200).body("items.clientId", contains(readerClient));
        isForbidden(post(token, Map.of("clientId", clientId, "roles", List.of("api-access:read"))));
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldLetAClientTokenWithChangeCreateAClient() {
        String admin = Api.adminToken();
        String manager = Api.unique("perm-mgr");
        String secret = Api.createClient(admin, manager, List.of("api-access:change", "accounts:read"))
                .getString("clientSecret");
        String token = Api.clientToken(Api.oauthClientId(manager), secret);
        String clientId = Api.unique("perm-made");

        post(token, Map.of("clientId", clientId, "roles", List.of("accounts:read")))
                .statusCode(201)
                .body("roles", contains("accounts:read"));
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        isUnauthenticated(given().when().get(CLIENTS).then());
    }

    @Test
    void shouldAnswer401WithoutATokenOnEveryCall() {
        String clientId = existingClient();
        isUnauthenticated(given().when().get(CLIENTS + "/" + clientId).then());
        isUnauthenticated(given().contentType(ContentType.JSON)
                .body(Map.of("clientId", Api.unique("anon"), "roles", List.of("accounts:read")))
                .when()
                .post(CLIENTS)
                .then());
        isUnauthenticated(given().contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("accounts:read")))
                .when()
                .put(CLIENTS + "/" + clientId)
                .then());
        isUnauthenticated(given().when().delete(CLIENTS + "/" + clientId).then());
        get(Api.adminToken(), clientId).statusCode(200);
    }

    @Test
    void shouldAnswer401ForATokenThatIsNotOurs() {
        isUnauthenticated(Api.as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .when()
                .get(CLIENTS)
                .then());
    }

    @Test
    void shouldForbidGrantingARoleTheCallerDoesNotHold() {
        String manager = Api.userWithRoles(List.of("api-access:change"));
        String clientId = Api.unique("perm-grant");

        isForbidden(post(manager, Map.of("clientId", clientId, "roles", List.of("payments:change"))))
                .body("detail", containsString("payments:change"));
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldForbidGrantingChangeToACallerWhoHoldsOnlyRead() {
        String manager = Api.userWithRoles(List.of("api-access:change", "payments:read"));
        String clientId = Api.unique("perm-upgrade");

        isForbidden(post(manager, Map.of("clientId", clientId, "roles", List.of("payments:change"))))
                .body("detail", containsString("payments:change"));
        assertEquals(0, ClientChecks.rowsIgnoringCase(database, clientId));
    }

    @Test
    void shouldLetACallerGrantRolesItHolds() {
        String manager = Api.userWithRoles(List.of("api-access:change", "payments:read"));

        post(manager, Map.of("clientId", Api.unique("perm-held"), "roles", List.of("payments:read", "api-access:read")))
                .statusCode(201)
                .body("roles", contains("api-access:read", "payments:read"));
    }

    @Test
    void shouldForbidAddingARoleTheCallerDoesNotHoldOnUpdate() {
        String admin = Api.adminToken();
        String clientId = Api.unique("perm-add");
        Api.createClient(admin, clientId, List.of("api-access:read"));
        String manager = Api.userWithRoles(List.of("api-access:change"));

        isForbidden(put(manager, clientId, Map.of("roles", List.of("api-access:read", "accounts:read"), "notes", "x")))
                .body("detail", containsString("accounts:read"))
                .body("detail", not(containsString("api-access:read")));
        get(admin, clientId)
                .statusCode(200)
                .body("roles", contains("api-access:read"))
                .body("notes", equalTo(null));
    }

    @Test
    void shouldLetACallerKeepARoleItDoesNotHoldOnUpdate() {
        String admin = Api.adminToken();
        String clientId = Api.unique("perm-keep");
        Api.createClient(admin, clientId, List.of("payments:change"));
        String manager = Api.userWithRoles(List.of("api-access:change"));

        put(
                        manager,
                        clientId,
                        Map.of(
                                "roles",
                                List.of("payments:change", "payments:read", "api-access:read"),
                                "notes",
                                "kept payments"))
                .statusCode(200)
                .body("roles", contains("api-access:read", "payments:change", "payments:read"))
                .body("notes", equalTo("kept payments"));
    }

    @Test
    void shouldLetACallerRemoveARoleItDoesNotHoldOnUpdate() {
        String admin = Api.adminToken();
        String clientId = Api.unique("perm-drop");
        Api.createClient(admin, clientId, List.of("payments:change", "api-access:read"));
        String manager = Api.userWithRoles(List.of("api-access:change"));

        put(manager, clientId, Map.of("roles", List.of("api-access:read"), "notes", "dropped payments"))
                .statusCode(200)
                .body("roles", contains("api-access:read"));
    }
}
