package com.wallet.apiaccess.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.wallet.apiaccess.oauth.TokenEndpoint.TestClient;
import com.wallet.apiaccess.support.Api;
import com.wallet.apiaccess.support.TestKeys;
import com.wallet.apiaccess.support.TestKeys.TestKey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Set;

import static com.wallet.apiaccess.oauth.TokenEndpoint.newClient;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An off-the-shelf OAuth client (Nimbus OAuth 2.0 SDK) gets tokens from the running service, with a
 * secret or with {@code private_key_jwt}, bound to its DPoP key or not, and an
 * off-the-shelf resource server (Nimbus JOSE+JWT) verifies them against the published JWKS.
 */
@QuarkusTest
class ThirdPartyClientTest {

    private static final String ISSUER = "http://localhost:8081";

    @TestHTTPResource("/oauth2/token")
    URI tokenEndpoint;

    @TestHTTPResource("/oauth2/jwks")
    URL jwksEndpoint;

    @TestHTTPResource("/.well-known/oauth-authorization-server")
    URL metadataEndpoint;

    private TokenResponse requestToken(ClientAuthentication authentication, Scope scope) throws Exception {
        TokenRequest request = new TokenRequest(tokenEndpoint, authentication, new ClientCredentialsGrant(), scope);
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private static AccessTokenResponse success(TokenResponse response) {
        assertThat(
                "token response "
                        + (response.indicatesSuccess()
                                ? ""
                                : response.toErrorResponse().getErrorObject()),
                response.indicatesSuccess(),
                is(true));
        return response.toSuccessResponse();
    }

    private DefaultJWTProcessor<SecurityContext> resourceServer(String expectedSubject) throws Exception {
        JWKSet keys = JWKSet.load(jwksEndpoint);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                "wallet-api",
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject(expectedSubject)
                        .build(),
                Set.of("iat", "exp", "jti", "client_id", "scope")));
        return processor;
    }

    @Test
    void shouldIssueATokenToClientSecretBasic() throws Exception {
        TestClient client = newClient(List.of("accounts:read", "payments:change"));
        AccessTokenResponse response = success(requestToken(
                new ClientSecretBasic(new ClientID(client.oauthClientId()), new Secret(client.secret())), null));

        assertThat(response.getTokens().getAccessToken().getType(), equalTo(AccessTokenType.BEARER));
        assertThat(
                response.getTokens().getAccessToken().getScope(),
                equalTo(Scope.parse("accounts:read payments:change payments:read")));
        JWTClaimsSet claims = resourceServer(client.oauthClientId())
                .process(response.getTokens().getAccessToken().getValue(), null);
        assertThat(claims.getStringClaim("client_id"), equalTo(client.oauthClientId()));
    }

    @Test
    void shouldIssueATokenToClientSecretPostWithAScope() throws Exception {
        TestClient client = newClient(List.of("accounts:read", "payments:change"));
        AccessTokenResponse response = success(requestToken(
                new ClientSecretPost(new ClientID(client.oauthClientId()), new Secret(client.secret())),
                new Scope("accounts:read")));

        assertThat(response.getTokens().getAccessToken().getScope(), equalTo(new Scope("accounts:read")));
        assertThat(response.getTokens().getAccessToken().getLifetime() > 0, is(true));
        JWTClaimsSet claims = resourceServer(client.oauthClientId())
                .process(response.getTokens().getAccessToken().getValue(), null);
        assertThat(claims.getStringClaim("scope"), equalTo("accounts:read"));
        assertThat(claims.getStringClaim("wallet"), equalTo(Api.WALLET));
    }

    @Test
    void shouldUseTheTokenOnTheAdminApi() throws Exception {
        TestClient client = newClient(List.of("api-access:read"));
        String token = success(requestToken(
                        new ClientSecretBasic(new ClientID(client.oauthClientId()), new Secret(client.secret())), null))
                .getTokens()
                .getAccessToken()
                .getValue();
        Api.as(token).when().get("/api/clients/" + client.clientId()).then().statusCode(200);
    }

    @Test
    void shouldGiveTheClientAnErrorItUnderstands() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        TokenResponse response = requestToken(
                new ClientSecretBasic(new ClientID(client.oauthClientId()), new Secret("not-the-secret")), null);
        assertThat(response.indicatesSuccess(), is(false));
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getCode(), equalTo("invalid_client"));
        assertThat(error.getHTTPStatusCode(), equalTo(401));
    }

    @Test
    void shouldRefuseTheTokenForAnotherSubjectInTheResourceServer() throws Exception {
        TestClient client = newClient(List.of("accounts:read"));
        String token = success(requestToken(
                        new ClientSecretBasic(new ClientID(client.oauthClientId()), new Secret(client.secret())), null))
                .getTokens()
                .getAccessToken()
                .getValue();
        // The verifier is not a rubber stamp: the same token fails an expectation it does not meet.
        assertThrows(
                BadJWTException.class,
                () -> resourceServer("wallet-acme-someone-else").process(token, null));
    }

    @Test
    void shouldIssueATokenToPrivateKeyJwt() throws Exception {
        TestKey key = TestKeys.ec256();
        String clientId = Api.unique("nimbus");
        TestKeys.createKeyClient(Api.adminToken(), clientId, List.of("api-access:read"), key);
        String oauthClientId = Api.oauthClientId(clientId);
        ECKey jwk = ECKey.parse(key.publicJwk()).toECKey();
        ECKey signing = new ECKey.Builder(jwk)
                .privateKey((java.security.interfaces.ECPrivateKey) key.pair().getPrivate())
                .keyID(key.thumbprint())
                .build();

        // the SDK's assertion: iss = sub = the client, a random jti, exp in 5 minutes, and aud the token
        // endpoint the metadata advertises (the test server listens on another port than the issuer names)
        PrivateKeyJWT authentication = new PrivateKeyJWT(
                new JWTAuthenticationClaimsSet(
                        new ClientID(oauthClientId), new Audience(URI.create(ISSUER + "/oauth2/token"))),
                JWSAlgorithm.ES256,
                signing.toECPrivateKey(),
                signing.getKeyID(),
                null);
        AccessTokenResponse response = success(requestToken(authentication, null));

        JWTClaimsSet claims = resourceServer(oauthClientId)
                .process(response.getTokens().getAccessToken().getValue(), null);
        assertThat(claims.getStringClaim("client_id"), equalTo(oauthClientId));
        Api.as(response.getTokens().getAccessToken().getValue())
                .when()
                .get("/api/clients/" + clientId)
                .then()
                .statusCode(200);

        // the SDK's metadata model reads the method and algorithms
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(
                new String(metadataEndpoint.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(
                metadata.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT), is(true));
        assertThat(metadata.getTokenEndpointJWSAlgs().contains(JWSAlgorithm.ES256), is(true));
    }

    @Test
    void shouldBindATokenToTheSdksDpopKeyAndServeItOnlyWithItsProofs() throws Exception {
        TestClient client = newClient(List.of("api-access:read"));
        ECKey dpopKey = new ECKeyGenerator(Curve.P_256).generate();
        DPoPProofFactory proofs = new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256);

        // the SDK's proof names the public token endpoint the metadata advertises
        HTTPRequest tokenRequest = new TokenRequest(
                        tokenEndpoint,
                        new ClientSecretBasic(new ClientID(client.oauthClientId()), new Secret(client.secret())),
                        new ClientCredentialsGrant(),
                        null)
                .toHTTPRequest();
        tokenRequest.setDPoP(proofs.createDPoPJWT("POST", URI.create(ISSUER + "/oauth2/token")));
        AccessTokenResponse response = success(TokenResponse.parse(tokenRequest.send()));

        DPoPAccessToken token = response.getTokens().getDPoPAccessToken();
        assertThat(token.getType(), equalTo(AccessTokenType.DPOP));
        JWTClaimsSet claims = resourceServer(client.oauthClientId()).process(token.getValue(), null);
        assertThat(
                claims.getJSONObjectClaim("cnf").get("jkt"),
                equalTo(dpopKey.computeThumbprint().toString()));

        URI resource = URI.create(ISSUER + "/api/clients/" + client.clientId());
        HTTPRequest withProof = new HTTPRequest(HTTPRequest.Method.GET, apiUri("/api/clients/" + client.clientId()));
        withProof.setAuthorization(token.toAuthorizationHeader());
        withProof.setDPoP(proofs.createDPoPJWT("GET", resource, token));
        assertThat(withProof.send().getStatusCode(), equalTo(200));

        HTTPRequest asBearer = new HTTPRequest(HTTPRequest.Method.GET, apiUri("/api/clients/" + client.clientId()));
        asBearer.setAuthorization("Bearer " + token.getValue());
        assertThat(asBearer.send().getStatusCode(), equalTo(401));

        // the SDK's metadata model reads the DPoP algorithms
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(
                new String(metadataEndpoint.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(metadata.getDPoPJWSAlgs().contains(JWSAlgorithm.ES256), is(true));
    }

    private URL apiUri(String path) throws Exception {
        return new URL(metadataEndpoint, path);
    }

    @Test
    void shouldPublishMetadataThatTheSdkParses() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(
                new String(metadataEndpoint.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(metadata.getIssuer().getValue(), equalTo(ISSUER));
        assertThat(metadata.getTokenEndpointURI(), equalTo(URI.create(ISSUER + "/oauth2/token")));
        assertThat(metadata.getJWKSetURI(), equalTo(URI.create(ISSUER + "/oauth2/jwks")));
    }
}
