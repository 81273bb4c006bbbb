package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.crypto.AssertionVerifier;
import org.jose4j.jwt.MalformedClaimException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The client id and what proves it: a secret, by HTTP Basic or in the form (RFC 6749 §2.3.1), or a signed
 * client assertion ({@code private_key_jwt}, RFC 7523 §2.2), whose {@code iss} names the client when
 * {@code client_id} is absent. A secret is set for the first, never for the second; an assertion that
 * cannot be read is null, and fails like any other that does not verify.
 */
public record ClientCredentials(String clientId, String secret, AssertionVerifier.Parsed assertion) {

    private static final String BASIC = "Basic ";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** How a client authenticates at every endpoint of ours (RFC 8414's {@code *_auth_methods_supported}). */
    static final List<String> METHODS = List.of("client_secret_basic", "client_secret_post", "private_key_jwt");

    public ClientCredentials(String clientId, String secret) {
        this(clientId, secret, null);
    }

    /** Exactly one method, or an OAuth error that says what is wrong. */
    static ClientCredentials from(String authorization, TokenForm form) {
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        String assertionType = form.get("client_assertion_type");
        String assertion = form.get("client_assertion");
        if (assertionType != null || assertion != null) {
            return assertion(authorization, formId, formSecret, assertionType, assertion);
        }
        ClientCredentials basic = authorization == null ? null : basic(authorization);
        if (basic != null) {
            if (formSecret != null) {
                throw OAuthError.invalidRequest(
                        "Use one client authentication method: HTTP Basic or client_secret" + " in the body, not both");
            }
            if (formId != null && !formId.equals(basic.clientId())) {
                throw OAuthError.invalidRequest("The client_id in the body differs from the one in HTTP Basic");
            }
            return basic;
        }
        if (formId == null) {
            throw OAuthError.invalidClient("Client authentication is required: HTTP Basic (client_secret_basic)"
                    + " or client_id and client_secret in the body (client_secret_post)");
        }
        if (formSecret == null) {
            throw OAuthError.invalidClient("client_secret is required with client_id");
        }
        return new ClientCredentials(formId, formSecret);
    }

    private static ClientCredentials assertion(
            String authorization, String formId, String formSecret, String assertionType, String assertion) {
        if (authorization != null || formSecret != null) {
            throw OAuthError.invalidRequest("Use one client authentication method: a client_assertion, HTTP Basic"
                    + " or client_secret, not two");
        }
        if (assertionType == null) {
            throw OAuthError.invalidRequest("client_assertion_type is required with client_assertion");
        }
        if (!assertionType.equals(JWT_BEARER)) {
            throw OAuthError.invalidRequest("client_assertion_type must be " + JWT_BEARER);
        }
        if (assertion == null) {
            throw OAuthError.invalidRequest("client_assertion is required with client_assertion_type");
        }
        AssertionVerifier.Parsed parsed = AssertionVerifier.parse(assertion);
        String issuer = null;
        if (parsed != null) {
            try {
                issuer = parsed.claims().getIssuer();
            } catch (MalformedClaimException e) {
                // left null: the assertion fails to authenticate, like any other
            }
        }
        // a client_id that differs from the issuer fails the assertion's checks: iss must name this client
        String clientId = formId != null ? formId : issuer == null ? "" : issuer;
        return new ClientCredentials(clientId, null, parsed);
    }

    /** Whether the client proves itself with a client assertion (private_key_jwt) rather than a secret. */
    boolean byAssertion() {
        return secret == null;
    }

    private static ClientCredentials basic(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw OAuthError.invalidRequest("The Authorization header must use the Basic scheme");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder()
                    .decode(authorization.substring(BASIC.length()).trim());
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The Basic credentials are not valid base64");
        }
        String pair = TokenForm.utf8(decoded, decoded.length);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidRequest("The Basic credentials must be client_id:client_secret");
        }
        String id = formDecode(pair.substring(0, colon));
        String secret = formDecode(pair.substring(colon + 1));
        if (id.isEmpty() || secret.isEmpty()) {
            throw OAuthError.invalidClient("The Basic credentials must name a client_id and a client_secret");
        }
        return new ClientCredentials(id, secret);
    }

    /** RFC 6749 §2.3.1: id and secret are form-url-encoded before Basic encoding. */
    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("The Basic credentials have a broken percent-encoding");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + (byAssertion() ? ", assertion=***]" : ", secret=***]");
    }
}
