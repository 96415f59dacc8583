package dev.agentcron.api.key.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.idempotency.Idempotent;
import dev.agentcron.api.key.mapping.ApiKeyView;
import dev.agentcron.api.key.mapping.CreateApiKeyRequest;
import dev.agentcron.api.key.mapping.CreatedApiKeyView;
import dev.agentcron.api.key.service.ApiKeyService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path(Api.BASE + "/keys")
@Tag(name = Api.TAG_KEYS)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.KEYS_ADMIN)
public class ApiKeysResource {

    private final ApiKeyService service;
    private final SecurityIdentity identity;

    public ApiKeysResource(ApiKeyService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Creates a key in the caller's workspace, or in `workspace_id` when the caller holds"
                    + " `workspaces:admin` (another workspace's id is a 404 otherwise). The secret (`ac_` and 40"
                    + " random base62 characters) is in this response only; the server keeps its SHA-256.")
    @APIResponse(responseCode = "201", description = "The new key with its secret.")
    public Uni<RestResponse<Data<CreatedApiKeyView>>> createApiKey(CreateApiKeyRequest request) {
        return service.create(Caller.of(identity), request)
                .map(created -> CreatedApiKeyView.of(created.key(), created.secret()))
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, Data.of(view)));
    }

    @GET
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description =
                    "The workspace's keys, oldest first, without secrets. Revoked keys are listed with `revoked_at`.")
    @APIResponse(responseCode = "200", description = "A page of keys.")
    public Uni<Page<ApiKeyView>> listApiKeys(
            @Parameter(description = "Another workspace's keys (needs `workspaces:admin`).") @QueryParam("workspace_id")
                    String workspaceId,
            @Parameter(
                            description = "Page size, 1–200 (default 50).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    @QueryParam("limit")
                    Integer limit,
            @Parameter(
                            description = "Items to skip (default 0).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                    @QueryParam("offset")
                    Integer offset) {
        Paging paging = Paging.of(limit, offset);
        return service.list(Caller.of(identity), workspaceId, paging)
                .map(slice -> slice.toPage(ApiKeyView::of, paging));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Revokes the key: it fails within 5 seconds on every replica (at once where the"
                    + " revocation broadcast arrives). Revoking a revoked key returns it unchanged.")
    @APIResponse(responseCode = "200", description = "The revoked key.")
    public Uni<Data<ApiKeyView>> revokeApiKey(@Parameter(description = "Key id.") @PathParam("id") String id) {
        return service.revoke(Caller.of(identity), id).map(ApiKeyView::of).map(Data::of);
    }
}
