package dev.agentcron.api.run.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.run.mapping.RunView;
import dev.agentcron.api.run.service.RunQueries;
import dev.agentcron.api.run.service.RunService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One run, by id. */
@Path(Api.BASE + "/runs/{id}")
@Tag(name = Api.TAG_RUNS)
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    private final RunService service;
    private final RunQueries queries;
    private final SecurityIdentity identity;

    public RunsResource(RunService service, RunQueries queries, SecurityIdentity identity) {
        this.service = service;
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "getRun", summary = "Get a run", description = RunDocs.GET)
    @APIResponse(responseCode = "200", description = "The run with its steps.")
    public Uni<Data<RunView>> getRun(
            @Parameter(in = ParameterIn.PATH, description = RunDocs.RUN_ID) @PathParam("id") String id) {
        return queries.get(Caller.of(identity), id).map(Data::of);
    }

    @POST
    @Path("/cancel")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "cancelRun", summary = "Cancel a run", description = RunDocs.CANCEL)
    @APIResponse(responseCode = "200", description = "The run, `cancelled` or `cancelling`.")
    public Uni<Data<RunView>> cancelRun(
            @Parameter(in = ParameterIn.PATH, description = RunDocs.RUN_ID) @PathParam("id") String id) {
        return service.cancel(Caller.of(identity), id).map(Data::of);
    }
}
