package com.wallet.apiaccess.role;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/resources")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class ResourceCatalogueResource {

    private final RoleCatalogue catalogue;

    public ResourceCatalogueResource(RoleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "The rows of the permissions grid; each yields the roles {id}:read and {id}:change")
    public List<ResourceView> list() {
        return catalogue.resources();
    }
}
