package dev.agentcron.api.artifact.rest;

import dev.agentcron.api.artifact.mapping.ApproveArtifactRequest;
import dev.agentcron.api.artifact.mapping.ArtifactView;
import dev.agentcron.api.artifact.mapping.RejectArtifactRequest;
import dev.agentcron.api.artifact.service.ArtifactService;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.error.Problem;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A human's decision on a draft: approve it (possibly edited) or reject it, once. */
@Path(Api.BASE + "/agents/{id}/artifacts/{artifact_id}")
@Tag(name = Api.TAG_ARTIFACTS)
@Produces(MediaType.APPLICATION_JSON)
public class ArtifactReviewResource {

    private final ArtifactService service;
    private final SecurityIdentity identity;

    public ArtifactReviewResource(ArtifactService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "approveArtifact", summary = "Approve a draft", description = ArtifactDocs.APPROVE)
    @APIResponse(responseCode = "200", description = "The approved artifact.")
    @APIResponse(
            responseCode = "409",
            description = ArtifactDocs.NOT_PENDING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Data<ArtifactView>> approveArtifact(
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.ARTIFACT_ID) @PathParam("artifact_id")
                    String artifactId,
            @RequestBody(required = false) ApproveArtifactRequest request) {
        return service.approve(Caller.of(identity), id, artifactId, request).map(Data::of);
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "rejectArtifact", summary = "Reject a draft", description = ArtifactDocs.REJECT)
    @APIResponse(responseCode = "200", description = "The rejected artifact.")
    @APIResponse(
            responseCode = "409",
            description = ArtifactDocs.NOT_PENDING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Data<ArtifactView>> rejectArtifact(
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = ArtifactDocs.ARTIFACT_ID) @PathParam("artifact_id")
                    String artifactId,
            @RequestBody(required = false) RejectArtifactRequest request) {
        return service.reject(Caller.of(identity), id, artifactId, request).map(Data::of);
    }
}
