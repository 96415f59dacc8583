package dev.agentcron.api.artifact.rest;

import dev.agentcron.api.artifact.mapping.ArtifactSummaryView;
import dev.agentcron.api.artifact.mapping.ArtifactView;
import dev.agentcron.api.artifact.mapping.CreateArtifactRequest;
import dev.agentcron.api.artifact.service.ArtifactFilter;
import dev.agentcron.api.artifact.service.ArtifactQueries;
import dev.agentcron.api.artifact.service.ArtifactService;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.DeletedView;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.idempotency.Idempotent;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An agent's artifacts: list them, save one, read one, delete one. */
@Path(Api.BASE + "/agents/{id}/artifacts")
@Tag(name = Api.TAG_ARTIFACTS)
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactsResource {

    /** Artifact lists are capped at 100 per page (seed 001). */
    private static final int MAX_LIMIT = 100;

    private final ArtifactService service;
    private final ArtifactQueries queries;
    private final SecurityIdentity identity;

    public ArtifactsResource(ArtifactService service, ArtifactQueries queries, SecurityIdentity identity) {
        this.service = service;
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "listArtifacts", summary = "List an agent's artifacts", description = ArtifactDocs.LIST)
    @APIResponse(responseCode = "200", description = "A page of artifacts without content, newest first.")
    public Uni<Page<ArtifactSummaryView>> listArtifacts(
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(
                            description = "Artifact type filter.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = "^[a-z][a-z0-9_]{0,49}$",
                                            maxLength = 50),
                            example = "post_draft")
                    @QueryParam("type")
                    String type,
            @Parameter(
                            description = "Only artifacts holding this tag.",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 50),
                            example = "marketing")
                    @QueryParam("tag")
                    String tag,
            @Parameter(
                            description = "Approval status filter.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"not_required", "pending_review", "approved", "rejected"}))
                    @QueryParam("approval_status")
                    String approvalStatus,
            @Parameter(
                            description = "Page size, 1–100 (default 50).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    Integer limit,
            @Parameter(
                            description = "Items to skip (default 0).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                    @QueryParam("offset")
                    Integer offset) {
        Paging paging = Paging.of(limit, offset, MAX_LIMIT);
        ArtifactFilter filter = ArtifactFilter.of(type, tag, approvalStatus);
        return queries.list(Caller.of(identity), id, filter, paging).map(slice -> slice.toPage(a -> a, paging));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent
    @Operation(operationId = "createArtifact", summary = "Save an artifact", description = ArtifactDocs.CREATE)
    @APIResponse(responseCode = "201", description = "The new artifact.")
    public Uni<RestResponse<Data<ArtifactView>>> createArtifact(
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.AGENT_ID) @PathParam("id") String id,
            CreateArtifactRequest request) {
        return service.create(Caller.of(identity), id, request)
                .map(view -> RestResponse.status(RestResponse.Status.CREATED, Data.of(view)));
    }

    @GET
    @Path("/{artifact_id}")
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "getArtifact", summary = "Get an artifact", description = ArtifactDocs.GET)
    @APIResponse(responseCode = "200", description = "The artifact with its content.")
    public Uni<Data<ArtifactView>> getArtifact(
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.ARTIFACT_ID) @PathParam("artifact_id")
                    String artifactId) {
        return queries.get(Caller.of(identity), id, artifactId).map(Data::of);
    }

    @DELETE
    @Path("/{artifact_id}")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "deleteArtifact", summary = "Delete an artifact", description = ArtifactDocs.DELETE)
    @APIResponse(responseCode = "200", description = "Deleted.")
    public Uni<Data<DeletedView>> deleteArtifact(
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.ARTIFACT_ID) @PathParam("artifact_id")
                    String artifactId) {
        return service.delete(Caller.of(identity), id, artifactId).replaceWith(Data.of(DeletedView.TRUE));
    }
}
