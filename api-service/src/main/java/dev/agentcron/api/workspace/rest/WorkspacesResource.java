package dev.agentcron.api.workspace.rest;

import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.idempotency.Idempotent;
import dev.agentcron.api.workspace.mapping.CreateWorkspaceRequest;
import dev.agentcron.api.workspace.mapping.WorkspaceView;
import dev.agentcron.api.workspace.service.WorkspaceService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

@Path(Api.BASE + "/workspaces")
@Tag(name = Api.TAG_WORKSPACES)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.WORKSPACES_ADMIN)
public class WorkspacesResource {

    private final WorkspaceService service;

    public WorkspacesResource(WorkspaceService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(
            operationId = "createWorkspace",
            summary = "Create a workspace",
            description =
                    "Creates a tenant. Give it a first key with `POST /keys` and `workspace_id`. Needs `workspaces:admin`.")
    @APIResponse(responseCode = "201", description = "The new workspace.")
    public Uni<RestResponse<Data<WorkspaceView>>> createWorkspace(CreateWorkspaceRequest request) {
        String name = request == null ? null : request.name();
        return service.create(name)
                .map(WorkspaceView::of)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, Data.of(view)));
    }

    @GET
    @Operation(
            operationId = "listWorkspaces",
            summary = "List workspaces",
            description = "Every workspace of the installation, oldest first. Needs `workspaces:admin`.")
    @APIResponse(responseCode = "200", description = "A page of workspaces.")
    public Uni<Page<WorkspaceView>> listWorkspaces(
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
        return service.list(paging).map(slice -> slice.toPage(WorkspaceView::of, paging));
    }
}
