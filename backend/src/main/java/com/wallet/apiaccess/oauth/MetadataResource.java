package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.auth.DpopProofs;
import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.ClientPublicKey;
import com.wallet.apiaccess.role.RoleCatalogue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 8414 authorization server metadata. */
@Path("/.well-known/oauth-authorization-server")
@Tag(name = "OAuth 2.0")
public class MetadataResource {

    private final Map<String, Object> metadata;

    public MetadataResource(Endpoints endpoints, RoleCatalogue catalogue) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", endpoints.issuer());
        m.put("token_endpoint", endpoints.tokenEndpoint());
        m.put("jwks_uri", endpoints.jwksUri());
        // No authorization endpoint: nothing here is issued to a browser redirect.
        m.put("response_types_supported", List.of());
        m.put("grant_types_supported", List.of("client_credentials"));
        m.put("token_endpoint_auth_methods_supported", ClientCredentials.METHODS);
        m.put("token_endpoint_auth_signing_alg_values_supported", ClientPublicKey.ALGORITHMS);
        m.put("scopes_supported", List.copyOf(catalogue.roles()));
        m.put("introspection_endpoint", endpoints.introspectionEndpoint());
        m.put("introspection_endpoint_auth_methods_supported", ClientCredentials.METHODS);
        m.put("introspection_endpoint_auth_signing_alg_values_supported", ClientPublicKey.ALGORITHMS);
        m.put("revocation_endpoint", endpoints.revocationEndpoint());
        m.put("revocation_endpoint_auth_methods_supported", ClientCredentials.METHODS);
        m.put("revocation_endpoint_auth_signing_alg_values_supported", ClientPublicKey.ALGORITHMS);
        m.put("dpop_signing_alg_values_supported", DpopProofs.ALGORITHMS);
        this.metadata = java.util.Collections.unmodifiableMap(m);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 8414 authorization server metadata")
    public RestResponse<Map<String, Object>> metadata() {
        return RestResponse.ResponseBuilder.ok(metadata)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
