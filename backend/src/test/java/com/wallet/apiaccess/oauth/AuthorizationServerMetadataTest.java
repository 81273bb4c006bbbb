package com.wallet.apiaccess.oauth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;

/** RFC 8414 metadata at {@code /.well-known/oauth-authorization-server}. */
@QuarkusTest
class AuthorizationServerMetadataTest {

    private static final String ISSUER = "http://localhost:8081";
    private static final List<String> RESOURCES = List.of(
            "accounts",
            "balances",
            "transactions",
            "payments",
            "beneficiaries",
            "cards",
            "statements",
            "webhooks",
            "users",
            "api-access");

    private static JsonPath metadata() {
        return given().when()
                .get("/.well-known/oauth-authorization-server")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    @Test
    void shouldHaveEveryRequiredMember() {
        var members = metadata().getMap("");
        for (String required : List.of(
                "issuer",
                "token_endpoint",
                "jwks_uri",
                "response_types_supported",
                "grant_types_supported",
                "token_endpoint_auth_methods_supported",
                "scopes_supported")) {
            assertThat(members, hasKey(required));
        }
        assertThat(members.get("response_types_supported"), instanceOf(List.class));
    }

    @Test
    void shouldNameTheConfiguredIssuer() {
        assertThat(metadata().getString("issuer"), equalTo(ISSUER));
    }

    @Test
    void shouldPlaceTheTokenEndpointAndJwksUnderTheIssuer() {
        JsonPath metadata = metadata();
        assertThat(metadata.getString("token_endpoint"), equalTo(ISSUER + "/oauth2/token"));
        assertThat(metadata.getString("jwks_uri"), equalTo(ISSUER + "/oauth2/jwks"));
    }

    @Test
    void shouldSupportOnlyTheClientCredentialsGrant() {
        assertThat(metadata().getList("grant_types_supported"), equalTo(List.of("client_credentials")));
    }

    @Test
    void shouldSupportBasicPostAndPrivateKeyJwtClientAuthentication() {
        assertThat(
                metadata().getList("token_endpoint_auth_methods_supported", String.class),
                containsInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt"));
    }

    @Test
    void shouldNameTheAlgorithmsOfClientAssertions() {
        assertThat(
                metadata().getList("token_endpoint_auth_signing_alg_values_supported", String.class),
                containsInAnyOrder("ES256", "ES384", "RS256", "EdDSA"));
    }

    @Test
    void shouldNameTheAlgorithmsOfDpopProofs() {
        assertThat(
                metadata().getList("dpop_signing_alg_values_supported", String.class),
                containsInAnyOrder("ES256", "ES384", "RS256", "EdDSA"));
    }

    @Test
    void shouldListIntrospectionAndRevocationWithTheirClientAuthentication() {
        JsonPath metadata = metadata();
        assertThat(metadata.getString("introspection_endpoint"), equalTo(ISSUER + "/oauth2/introspect"));
        assertThat(metadata.getString("revocation_endpoint"), equalTo(ISSUER + "/oauth2/revoke"));
        for (String member : List.of(
                "introspection_endpoint_auth_methods_supported", "revocation_endpoint_auth_methods_supported")) {
            assertThat(
                    member,
                    metadata.getList(member, String.class),
                    containsInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt"));
        }
        for (String member : List.of(
                "introspection_endpoint_auth_signing_alg_values_supported",
                "revocation_endpoint_auth_signing_alg_values_supported")) {
            assertThat(
                    member,
                    metadata.getList(member, String.class),
                    containsInAnyOrder("ES256", "ES384", "RS256", "EdDSA"));
        }
    }

    @Test
    void shouldListEveryRoleOfTheCatalogueAsAScope() {
        List<String> roles = new ArrayList<>();
        for (String resource : RESOURCES) {
            roles.add(resource + ":read");
            roles.add(resource + ":change");
        }
        assertThat(
                metadata().getList("scopes_supported", String.class), containsInAnyOrder(roles.toArray(String[]::new)));
    }
}
