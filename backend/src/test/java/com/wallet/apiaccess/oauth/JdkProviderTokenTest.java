package com.wallet.apiaccess.oauth;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.wallet.apiaccess.crypto.CryptoProvider;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
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
