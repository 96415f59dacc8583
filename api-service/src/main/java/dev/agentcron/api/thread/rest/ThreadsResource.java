package dev.agentcron.api.thread.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.common.rest.Page;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.idempotency.Idempotent;
import dev.agentcron.api.thread.mapping.CreateThreadRequest;
import dev.agentcron.api.thread.mapping.MessageView;
import dev.agentcron.api.thread.mapping.ThreadView;
import dev.agentcron.api.thread.service.ThreadService;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An agent's conversation threads and their messages. */
@Path(Api.BASE + "/agents/{id}/threads")
@Tag(name = Api.TAG_THREADS)
@Produces(MediaType.APPLICATION_JSON)
public class ThreadsResource {

    private final ThreadService service;
    private final SecurityIdentity identity;

    public ThreadsResource(ThreadService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent
    @Operation(operationId = "createThread", summary = "Create a thread", description = ThreadDocs.CREATE)
    @APIResponse(responseCode = "201", description = "The new thread.")
    public Uni<RestResponse<Data<ThreadView>>> createThread(
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.AGENT_ID) @PathParam("id") String id,
            @RequestBody(required = false) CreateThreadRequest request) {
        return service.create(Caller.of(identity), id, request)
                .map(thread -> RestResponse.status(RestResponse.Status.CREATED, Data.of(thread)));
    }

    @GET
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "listThreads", summary = "List an agent's threads", description = ThreadDocs.LIST)
    @APIResponse(responseCode = "200", description = "A page of threads, most recently updated first.")
    public Uni<Page<ThreadView>> listThreads(
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.AGENT_ID) @PathParam("id") String id,
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
        return service.list(Caller.of(identity), id, paging).map(slice -> slice.toPage(t -> t, paging));
    }

    @GET
    @Path("/{thread_id}/messages")
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(
            operationId = "listThreadMessages",
            summary = "List a thread's messages",
            description = ThreadDocs.MESSAGES)
    @APIResponse(responseCode = "200", description = "A page of messages, oldest first.")
    public Uni<Page<MessageView>> listThreadMessages(
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.THREAD_ID) @PathParam("thread_id")
                    String threadId,
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
        return service.messages(Caller.of(identity), id, threadId, paging).map(slice -> slice.toPage(m -> m, paging));
    }

    @DELETE
    @Path("/{thread_id}")
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Operation(operationId = "deleteThread", summary = "Delete a thread", description = ThreadDocs.DELETE)
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<RestResponse<Void>> deleteThread(
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.THREAD_ID) @PathParam("thread_id")
                    String threadId) {
        return service.delete(Caller.of(identity), id, threadId).map(ignored -> RestResponse.noContent());
    }
}
