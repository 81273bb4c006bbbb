package com.wallet.apiaccess.client;

import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.wallet.apiaccess.client.ClientChecks.isFieldError;
import static com.wallet.apiaccess.client.ClientChecks.isProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** The keys of a client: POST /api/clients/{clientId}/keys, DELETE …/keys/{kid}, and credential key at create. */
@QuarkusTest
class ClientKeysTest {

    private static final List<String> ROLES = List.of("api-access:read");

    static ValidatableResponse addKey(String token, String clientId, Map<String, Object> body) {
        return Api.as(token)
                .body(body)
                .when()
                .post("/api/clients/" + clientId + "/keys")
                .then();
    }

    static ValidatableResponse removeKey(String token, String clientId, String kid) {
        return Api.as(token)
                .when()
                .delete("/api/clients/" + clientId + "/keys/" + kid)
                .then();
    }

    private static String secretClient(String admin) {
        String clientId = Api.unique("keys");
        Api.createClient(admin, clientId, ROLES);
        return clientId;
    }

    private static List<String> auditActions(String admin, String clientId) {
        return Api.as(admin)
                .queryParam("clientId", clientId)
                .when()
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action");
    }

    @Test
    void shouldAddAJwkAndNameItByItsThumbprint() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);
        TestKey key = TestKeys.ec256();
        Instant before = Instant.now().minusSeconds(1);

        JsonPath added = addKey(admin, clientId, Map.of("jwk", key.publicJwk()))
                .statusCode(201)
                .header("Location", endsWith("/api/clients/" + clientId + "/keys/" + key.thumbprint()))
                .extract()
                .jsonPath();

        assertThat(added.getString("kid")).isEqualTo(key.thumbprint());
        assertThat(added.getString("alg")).isEqualTo("ES256");
        assertThat(Instant.parse(added.getString("createdAt"))).isAfter(before);
        JsonPath client =
                ClientChecks.get(admin, clientId).statusCode(200).extract().jsonPath();
        assertThat(client.getList("keys.kid")).containsExactly(key.thumbprint());
        assertThat(client.getList("keys.alg")).containsExactly("ES256");
        assertThat(client.getString("keys[0].lastUsedAt")).isNull();
        assertThat(client.getList("secrets")).hasSize(1);
        assertThat(auditActions(admin, clientId)).contains("key.added");
    }

    @Test
    void shouldListTheKeysInTheClientList() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);
        TestKey key = TestKeys.ed25519();
        addKey(admin, clientId, Map.of("pem", key.publicPem())).statusCode(201).body("alg", equalTo("EdDSA"));

        JsonPath page = Api.as(admin)
                .queryParam("q", clientId)
                .when()
                .get("/api/clients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items[0].keys.kid")).containsExactly(key.thumbprint());
    }

    @Test
    void shouldRefuseTheSameKeyTwiceAsJwkOrPem() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);
        TestKey key = TestKeys.rsa(2048);
        addKey(admin, clientId, Map.of("jwk", key.publicJwk())).statusCode(201);

        isProblem(addKey(admin, clientId, Map.of("pem", key.publicPem())), 409)
                .body("type", equalTo("urn:api-access:problem:key-exists"))
                .body("detail", containsString(key.thumbprint()));
    }

    @Test
    void shouldRefuseAThirdKey() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);
        addKey(admin, clientId, Map.of("jwk", TestKeys.ec256().publicJwk())).statusCode(201);
        addKey(admin, clientId, Map.of("jwk", TestKeys.ec384().publicJwk())).statusCode(201);

        isProblem(addKey(admin, clientId, Map.of("jwk", TestKeys.ed25519().publicJwk())), 409)
                .body("type", equalTo("urn:api-access:problem:too-many-keys"));
    }

    @Test
    void shouldRefuseAPrivateKeyAsJwkOrPem() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);
        TestKey key = TestKeys.ec256();

        isFieldError(addKey(admin, clientId, Map.of("jwk", key.privateJwk())), "jwk")
                .body("detail", containsString("private"));
        isFieldError(addKey(admin, clientId, Map.of("pem", key.privatePem())), "pem")
                .body("detail", containsString("private key"));
        assertThat(ClientChecks.get(admin, clientId).extract().jsonPath().getList("keys"))
                .isEmpty();
    }

    @Test
    void shouldRefuseWeakUnsupportedAndMalformedKeys() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);

        isFieldError(addKey(admin, clientId, Map.of("jwk", TestKeys.rsa(1024).publicJwk())), "jwk")
                .body("detail", equalTo("The RSA key has 1024 bits; at least 2048 are required"));
        isFieldError(addKey(admin, clientId, Map.of("pem", TestKeys.ec521().publicPem())), "pem")
                .body("detail", containsString("P-256 or P-384"));
        isFieldError(
                addKey(admin, clientId, Map.of("pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")),
                "pem");
        isFieldError(addKey(admin, clientId, Map.of("jwk", Map.of("kty", "oct", "k", "c2VjcmV0"))), "jwk");
        isFieldError(addKey(admin, clientId, Map.of()), "jwk");
        TestKey key = TestKeys.ec256();
        isFieldError(addKey(admin, clientId, Map.of("jwk", key.publicJwk(), "pem", key.publicPem())), "pem");
        isFieldError(addKey(admin, clientId, Map.of("jwk", "not an object")), "jwk");
        isFieldError(addKey(admin, clientId, Map.of("pem", key.publicPem(), "extra", 1)), "extra");
    }

    @Test
    void shouldRemoveAKeyAndRecordIt() {
        String admin = Api.adminToken();
        String clientId = secretClient(admin);
        TestKey key = TestKeys.ec256();
        addKey(admin, clientId, Map.of("jwk", key.publicJwk())).statusCode(201);

        removeKey(admin, clientId, key.thumbprint()).statusCode(204);

        assertThat(ClientChecks.get(admin, clientId).extract().jsonPath().getList("keys"))
                .isEmpty();
        assertThat(auditActions(admin, clientId)).contains("key.added", "key.removed");
        isProblem(removeKey(admin, clientId, key.thumbprint()), 404);
        isProblem(removeKey(admin, "no-such-client", key.thumbprint()), 404);
    }

    @Test
    void shouldCreateAClientWithAKeyAndNoSecret() {
        String admin = Api.adminToken();
        String clientId = Api.unique("keyonly");
        TestKey key = TestKeys.ec384();

        JsonPath created = Api.as(admin)
                .body(Map.of("clientId", clientId, "roles", ROLES, "credential", "key", "pem", key.publicPem()))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(created.getMap("$")).doesNotContainKeys("clientSecret", "secretLink");
        assertThat(created.getList("secrets")).isEmpty();
        assertThat(created.getList("keys.kid")).containsExactly(key.thumbprint());
        assertThat(created.getList("keys.alg")).containsExactly("ES384");
        assertThat(ClientChecks.get(admin, clientId).extract().jsonPath().getList("secrets"))
                .isEmpty();
    }

    @Test
    void shouldRefuseACreateWhoseKeyDoesNotFitItsCredential() {
        String admin = Api.adminToken();
        TestKey key = TestKeys.ec256();
        isFieldError(
                ClientChecks.post(admin, Map.of("clientId", Api.unique("k"), "roles", ROLES, "credential", "key")),
                "jwk");
        isFieldError(
                ClientChecks.post(
                        admin,
                        Map.of(
                                "clientId",
                                Api.unique("k"),
                                "roles",
                                ROLES,
                                "credential",
                                "key",
                                "jwk",
                                key.privateJwk())),
                "jwk");
        isFieldError(
                ClientChecks.post(admin, Map.of("clientId", Api.unique("k"), "roles", ROLES, "jwk", key.publicJwk())),
                "jwk");
        isFieldError(
                ClientChecks.post(
                        admin,
                        Map.of(
                                "clientId",
                                Api.unique("k"),
                                "roles",
                                ROLES,
                                "credential",
                                "key",
                                "pem",
                                key.publicPem(),
                                "delivery",
                                "link")),
                "delivery");
        isFieldError(
                ClientChecks.post(
                        admin, Map.of("clientId", Api.unique("k"), "roles", ROLES, "credential", "certificate")),
                "credential");
    }

    @Test
    void shouldKeepOneWorkingCredential() {
        String admin = Api.adminToken();
        String clientId = Api.unique("last");
        TestKey key = TestKeys.ec256();
        TestKeys.createKeyClient(admin, clientId, ROLES, key);

        // the only key of a client without a secret stays
        isProblem(removeKey(admin, clientId, key.thumbprint()), 409)
                .body("type", equalTo("urn:api-access:problem:last-credential"));

        // with a secret beside it, the key may go; then the secret is the last credential
        String secretId = Api.as(admin)
                .body(Map.of())
                .when()
                .post("/api/clients/" + clientId + "/secrets")
                .then()
                .statusCode(201)
                .extract()
                .path("secretId");
        removeKey(admin, clientId, key.thumbprint()).statusCode(204);
        isProblem(
                        Api.as(admin)
                                .when()
                                .delete("/api/clients/" + clientId + "/secrets/" + secretId)
                                .then(),
                        409)
                .body("type", equalTo("urn:api-access:problem:last-secret"));
    }

    @Test
    void shouldLetAClientWithAKeyRetireAllItsSecrets() {
        String admin = Api.adminToken();
        String clientId = Api.unique("nosecret");
        String secretId = Api.createClient(admin, clientId, ROLES).getString("secrets[0].secretId");
        addKey(admin, clientId, Map.of("jwk", TestKeys.ed25519().publicJwk())).statusCode(201);

        Api.as(admin)
                .when()
                .delete("/api/clients/" + clientId + "/secrets/" + secretId)
                .then()
                .statusCode(204);

        JsonPath client = ClientChecks.get(admin, clientId).extract().jsonPath();
        assertThat(client.getList("secrets")).isEmpty();
        assertThat(client.getList("keys")).hasSize(1);
    }

    @Test
    void shouldNeedChangeAndEveryRoleOfTheClient() {
        String admin = Api.adminToken();
        String clientId = Api.unique("trust");
        Api.createClient(admin, clientId, List.of("payments:change"));
        Map<String, Object> body = new HashMap<>(Map.of("jwk", TestKeys.ec256().publicJwk()));

        isProblem(addKey(Api.userWithRoles(List.of("api-access:read")), clientId, body), 403);
        isProblem(addKey(Api.userWithRoles(List.of("api-access:change")), clientId, body), 403)
                .body("detail", containsString("payments:change"));
        addKey(Api.userWithRoles(List.of("api-access:change", "payments:change")), clientId, body)
                .statusCode(201);
    }

    @Test
    void shouldNotReachAClientOfAnotherWallet() {
        ClientChecks.OwnWallet other = ClientChecks.provisionWallet("keyw");
        String clientId = Api.unique("theirs");
        Api.createClient(other.admin(), clientId, ROLES);

        isProblem(
                addKey(
                        Api.adminToken(),
                        clientId,
                        Map.of("jwk", TestKeys.ec256().publicJwk())),
                404);
    }
}
