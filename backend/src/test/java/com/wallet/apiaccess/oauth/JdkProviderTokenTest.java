package com.wallet.apiaccess.oauth;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.crypto.CryptoProvider;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static com.wallet.apiaccess.oauth.TokenEndpoint.secretPost;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code api-access.crypto.provider=jdk} tokens are signed on the worker pool, one Signature per worker thread. */
@QuarkusTest
@TestProfile(JdkProviderTokenTest.JdkProvider.class)
class JdkProviderTokenTest {

    public static class JdkProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api-access.crypto.provider", "jdk");
        }
    }

    @Inject
    CryptoProvider crypto;

    @Test
    void shouldSignOnTheWorkerPoolTokensThatVerify() throws Exception {
        assertThat(crypto.signsInline()).isFalse();
        TestClient client = newClient(List.of("accounts:read"));
        JWKSet published = JWKSet.parse(
                RestAssured.get("/oauth2/jwks").then().statusCode(200).extract().asString());

        List<String> tokens = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> TokenEndpoint.issued(secretPost(client, null)).getString("access_token")))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        Set<String> jtis = new HashSet<>();
        for (String compact : tokens) {
            SignedJWT token = SignedJWT.parse(compact);
            assertThat(token.verify(new ECDSAVerifier(published
                            .getKeyByKeyId(token.getHeader().getKeyID())
                            .toECKey())))
                    .isTrue();
            jtis.add(token.getJWTClaimsSet().getJWTID());
        }
        assertThat(jtis).hasSize(tokens.size());
    }

    @Test
    void shouldVerifyClientAssertionsOnTheWorkerPool() {
        for (TestKey key : new TestKey[] {TestKeys.ec256(), TestKeys.rsa(2048), TestKeys.ed25519()}) {
            String clientId = Api.unique("jdk-key");
            TestKeys.createKeyClient(Api.adminToken(), clientId, List.of("accounts:read"), key);
            String oauthClientId = Api.oauthClientId(clientId);

            List<Integer> statuses = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> TokenEndpoint.post(TokenEndpoint.form(
                                    "grant_type",
                                    "client_credentials",
                                    "client_assertion_type",
                                    TestKeys.JWT_BEARER,
                                    "client_assertion",
                                    key.assertion(oauthClientId, key.thumbprint())))
                            .statusCode()))
                    .toList()
                    .stream()
                    .map(CompletableFuture::join)
                    .toList();

            assertThat(statuses).as(key.alg()).containsOnly(200);
        }
    }

    @Test
    void shouldVerifyIntrospectedTokensOnTheWorkerPool() {
        Introspection.Holder resourceServer = Introspection.Holder.create(List.of("accounts:read"));
        List<String> tokens = IntStream.range(0, 8)
                .mapToObj(i ->
                        Introspection.Holder.create(List.of("accounts:read")).token())
                .toList();

        List<Boolean> active = tokens.stream()
                .map(token -> CompletableFuture.supplyAsync(() -> Introspection.isActive(resourceServer, token)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(active).containsOnly(true);
        Introspection.assertInactive(Introspection.introspect(resourceServer, tokens.get(0) + "x"));
    }
}
