package com.wallet.apiaccess.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Documents what the contract (API.md) says once, by path, instead of on every method, so that it
 * holds whichever class serves a path:
 * <ul>
 *   <li>who may call: a bearer token on {@code /api} but sign-in and the platform, which takes the
 *       operator token; sign-in and the OAuth discovery documents are public;</li>
 *   <li>the error answers of {@code /api}: each 4xx/5xx is RFC 9457 problem+json, every authenticated
 *       call may answer 401, role-guarded ones 403, and any call 503 while the database is unreachable;</li>
 *   <li>an {@code operationId} on every operation (generated clients name their methods after it) and
 *       a description on every tag.</li>
 * </ul>
 */
public class ProblemOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The scheme of session and access tokens; quarkus.smallrye-openapi.security-scheme-name. */
    static final String BEARER = "bearer";

    static final String OPERATOR = "platformOperator";

    /** Paths anyone may call without credentials. */
    private static final Set<String> PUBLIC = Set.of(
            "/api/session",
            "/api/handoff/lookup",
            "/api/handoff/open",
            "/oauth2/jwks",
            "/.well-known/oauth-authorization-server");

    /** The operationIds of the contract's calls; any other operation gets one made from its method and path. */
    private static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("POST /oauth2/token", "issueToken"),
            Map.entry("POST /oauth2/introspect", "introspectToken"),
            Map.entry("POST /oauth2/revoke", "revokeToken"),
            Map.entry("GET /oauth2/jwks", "getJwks"),
            Map.entry("GET /.well-known/oauth-authorization-server", "getAuthorizationServerMetadata"),
            Map.entry("POST /api/session", "signIn"),
            Map.entry("GET /api/me", "getMe"),
            Map.entry("PUT /api/me/password", "changeOwnPassword"),
            Map.entry("GET /api/resources", "listResources"),
            Map.entry("GET /api/clients", "listClients"),
            Map.entry("POST /api/clients", "createClient"),
            Map.entry("GET /api/clients/{clientId}", "getClient"),
            Map.entry("PUT /api/clients/{clientId}", "updateClient"),
            Map.entry("DELETE /api/clients/{clientId}", "deleteClient"),
            Map.entry("POST /api/clients/{clientId}/secrets", "createClientSecret"),
            Map.entry("DELETE /api/clients/{clientId}/secrets/{secretId}", "deleteClientSecret"),
            Map.entry("POST /api/clients/{clientId}/keys", "addClientKey"),
            Map.entry("DELETE /api/clients/{clientId}/keys/{kid}", "deleteClientKey"),
            Map.entry("GET /api/users", "listUsers"),
            Map.entry("POST /api/users", "createUser"),
            Map.entry("PUT /api/users/{username}", "updateUser"),
            Map.entry("DELETE /api/users/{username}", "deleteUser"),
            Map.entry("GET /api/audit", "listAuditEvents"),
            Map.entry("GET /api/webhooks", "listWebhooks"),
            Map.entry("POST /api/webhooks", "createWebhook"),
            Map.entry("PUT /api/webhooks/{id}", "updateWebhook"),
            Map.entry("DELETE /api/webhooks/{id}", "deleteWebhook"),
            Map.entry("POST /api/webhooks/{id}/test", "testWebhook"),
            Map.entry("GET /api/webhooks/{id}/deliveries", "listWebhookDeliveries"),
            Map.entry("POST /api/handoff/lookup", "lookUpSecretLink"),
            Map.entry("POST /api/handoff/open", "openSecretLink"),
            Map.entry("POST /api/platform/wallets", "createWallet"));

    private static final Map<String, String> TAG_DESCRIPTIONS = Map.of(
            "OAuth 2.0",
            "For integrators: the token endpoint (RFC 6749 client credentials), its metadata"
                    + " (RFC 8414) and the keys that sign the tokens (RFC 7517)",
            "Session",
            "Signing in to a wallet's console, and the caller's own account",
            "API clients",
            "The wallet's OAuth clients: their roles, expiry and secrets; needs api-access:read"
                    + " or api-access:change",
            "Users",
            "The administrators who sign in to the wallet's console; needs users:read or users:change",
            "Roles",
            "The resources of the permissions grid; each yields the roles {id}:read and {id}:change",
            "Secret links",
            "For the integrator who received a one-time secret link: no sign-in, the link's token is"
                    + " the credential",
            "Platform",
            "For the platform operator: provisioning wallets with the operator token",
            "Audit log",
            "Who did what, when, from where: client events need api-access:read, user events" + " users:read",
            "Webhooks",
            "Endpoints that receive the wallet's audit events, signed as Standard Webhooks says; needs"
                    + " webhooks:read or webhooks:change");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSchema(
                        "FieldError",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("field", string("The JSON property, e.g. clientId or roles[2]"))
                                .addProperty("message", string("What is wrong with it")));
        openAPI.getComponents()
                .addSchema(
                        "Problem",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .description("RFC 9457 problem details")
                                .addProperty("type", string("A URI naming the kind of problem"))
                                .addProperty("title", string("A short summary of the kind of problem"))
                                .addProperty(
                                        "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                                .addProperty("detail", string("What went wrong this time"))
                                .addProperty(
                                        "errors",
                                        OASFactory.createSchema()
                                                .type(List.of(Schema.SchemaType.ARRAY))
                                                .items(OASFactory.createSchema()
                                                        .ref("#/components/schemas/FieldError"))));
        openAPI.getComponents()
                .addSecurityScheme(
                        OPERATOR,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("The platform operator token, api-access.platform.operator-token;"
                                        + " while it is not configured the platform endpoints answer 404"));
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                if (tag.getDescription() == null && TAG_DESCRIPTIONS.containsKey(tag.getName())) {
                    tag.setDescription(TAG_DESCRIPTIONS.get(tag.getName()));
                }
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().getOperations().entrySet()) {
                document(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null) {
            operation.setOperationId(OPERATION_IDS.getOrDefault(method + " " + path, operationId(method, path)));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean platform = path.startsWith("/api/platform");
        if (PUBLIC.contains(path)) {
            operation.setSecurity(List.of());
        } else if (platform) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(OPERATOR)));
        } else if (path.startsWith("/api")) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        }
        if (!path.startsWith("/api")) {
            if (method == PathItem.HttpMethod.GET && PUBLIC.contains(path)) {
                // The discovery documents answer JSON only; ProblemMapper answers any other Accept.
                addIfAbsent(responses, "406", "The Accept header does not allow application/json");
                responses.getAPIResponse("406").setContent(problemContent());
            }
            return;
        }
        boolean authenticated = !PUBLIC.contains(path) && !platform;
        boolean roleGuarded =
                path.startsWith("/api/clients") || path.startsWith("/api/users") || path.startsWith("/api/webhooks");
        if (authenticated) {
            addIfAbsent(responses, "401", "No valid bearer token (RFC 6750 WWW-Authenticate)");
        }
        if (roleGuarded) {
            addIfAbsent(responses, "403", "A role this call needs is missing (insufficient_scope)");
        }
        addIfAbsent(responses, "503", "The database is unreachable; retry shortly");
        for (Map.Entry<String, APIResponse> response :
                responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    /** {@code DELETE /api/clients/{clientId}/keys} becomes {@code deleteApiClientsByClientIdKeys}. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("[/.\\-_]+")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
        }
        return id.toString();
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
