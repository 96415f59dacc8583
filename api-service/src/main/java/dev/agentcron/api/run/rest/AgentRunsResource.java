package dev.agentcron.api.run.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.idempotency.Idempotent;
import dev.agentcron.api.run.mapping.CancelledRunsView;
import dev.agentcron.api.run.mapping.ManualRunRequest;
import dev.agentcron.api.run.mapping.RunView;
import dev.agentcron.api.run.service.RunFilter;
import dev.agentcron.api.run.service.RunQueries;
import dev.agentcron.api.run.service.RunService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Runs of one agent: trigger one now, cancel them, read their history. */
@Path(Api.BASE + "/agents/{id}")
@Tag(name = Api.TAG_RUNS)
@Produces(MediaType.APPLICATION_JSON)
public class AgentRunsResource {

    /** Run history pages default to 100 runs (seed 002). */
    private static final int DEFAULT_LIMIT = 100;

    private final RunService service;
    private final RunQueries queries;
    private final SecurityIdentity identity;

    public AgentRunsResource(RunService service, RunQueries queries, SecurityIdentity identity) {
        this.service = service;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Path("/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent
    @Operation(operationId = "triggerRun", summary = "Run an agent now", description = RunDocs.TRIGGER)
    @APIResponse(responseCode = "202", description = "The recorded run: `queued`, or `skipped` with its reason.")
    public Uni<RestResponse<Data<RunView>>> triggerRun(
            @Parameter(in = ParameterIn.PATH, description = RunDocs.AGENT_ID) @PathParam("id") String id,
            @RequestBody(required = false) ManualRunRequest request) {
        return service.trigger(Caller.of(identity), id, request == null ? null : request.input())
                .map(run -> RestResponse.status(RestResponse.Status.ACCEPTED, Data.of(run)));
    }

    @POST
    @Path("/cancel")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "cancelAgentRuns", summary = "Cancel an agent's runs", description = RunDocs.CANCEL_AGENT)
    @APIResponse(responseCode = "200", description = "How many runs were cancelled.")
    public Uni<Data<CancelledRunsView>> cancelAgentRuns(
            @Parameter(in = ParameterIn.PATH, description = RunDocs.AGENT_ID) @PathParam("id") String id) {
        return service.cancelAll(Caller.of(identity), id)
                .map(CancelledRunsView::new)
                .map(Data::of);
    }

    @GET
    @Path("/runs")
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "listAgentRuns", summary = "List an agent's runs", description = RunDocs.HISTORY)
    @APIResponse(responseCode = "200", description = "A page of runs, newest first.")
    public Uni<Page<RunView>> listAgentRuns(
            @Parameter(in = ParameterIn.PATH, description = RunDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(description = "Time window.", schema = @Schema(enumeration = {"24h", "7d", "30d"}))
                    @QueryParam("period")
                    String period,
            @Parameter(
                            description = "Status filter.",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "queued",
                                                "running",
                                                "cancelling",
                                                "success",
                                                "error",
                                                "budget_exceeded",
                                                "cancelled",
                                                "timed_out",
                                                "skipped"
                                            }))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Trigger filter.",
                            schema = @Schema(enumeration = {"schedule", "manual", "event", "chat"}))
                    @QueryParam("trigger")
                    String trigger,
            @Parameter(
                            description = "Page size, 1–200 (default 100).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    @QueryParam("limit")
                    Integer limit,
            @Parameter(
                            description = "Items to skip (default 0).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
                    @QueryParam("offset")
                    Integer offset) {
        Paging paging = Paging.of(limit == null ? DEFAULT_LIMIT : limit, offset);
        RunFilter filter = RunFilter.of(period, status, trigger, Clock.systemUTC());
        return queries.history(Caller.of(identity), id, filter, paging).map(slice -> slice.toPage(run -> run, paging));
    }
}
