package com.wallet.apiaccess.oauth;

import com.wallet.apiaccess.config.Endpoints;
import com.wallet.apiaccess.crypto.KeyRing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Map;

@Path(Endpoints.JWKS_PATH)
@Tag(name = "OAuth 2.0")
public class JwksResource {

    private final KeyRing keys;

    public JwksResource(KeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 7517 key set with every key whose tokens may still be live")
    public RestResponse<Map<String, Object>> jwks() {
        return RestResponse.ResponseBuilder.ok(keys.jwks())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
