package dev.agentcron.api.thread.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.idempotency.IdempotencyFilter;
import dev.agentcron.api.idempotency.Idempotent;
import dev.agentcron.api.run.events.RunEventDocs;
import dev.agentcron.api.run.events.RunEventRelay;
import dev.agentcron.api.run.events.SseFrame;
import dev.agentcron.api.run.events.SseFrames;
import dev.agentcron.api.thread.mapping.ChatRequest;
import dev.agentcron.api.thread.service.ChatService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * One chat turn, answered as the run's event stream. The turn is started (or found, for a replay) before the
 * stream opens: RESTEasy writes the SSE head as soon as it subscribes, so every refusal (400, 404, 409, 410)
 * must come first to be a problem document. That prelude waits on a worker thread, never on the event loop;
 * the stream itself is fully non-blocking.
 */
@Path(Api.BASE + "/agents/{id}/chat")
@Tag(name = Api.TAG_THREADS)
public class ChatResource {

    private final ChatService chat;
    private final RunEventRelay relay;
    private final SecurityIdentity identity;

    public ChatResource(ChatService chat, RunEventRelay relay, SecurityIdentity identity) {
        this.chat = chat;
        this.relay = relay;
        this.identity = identity;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @RolesAllowed(Scopes.AGENTS_WRITE)
    @Idempotent(replaysRunEvents = true)
    @Operation(operationId = "chat", summary = "Chat with an agent", description = ThreadDocs.CHAT)
    @APIResponse(
            responseCode = "200",
            description = "The chat run's events, then `data: [DONE]`.",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = RunEventDocs.MAX_STREAM_CHARS,
                                            example = RunEventDocs.SSE_EXAMPLE)))
    public RestMulti<OutboundSseEvent> chat(
            @Parameter(in = ParameterIn.PATH, description = ThreadDocs.AGENT_ID) @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
            ChatRequest request,
            @Context Sse sse,
            @Context HttpServerResponse http) {
        Caller caller = Caller.of(identity);
        ChatService.ChatTurn turn =
                chat.start(caller, id, request, idempotencyKey).await().atMost(Api.PRELUDE_TIMEOUT);
        Multi<SseFrame> frames = relay.open(caller, turn.runId(), null).await().atMost(Api.PRELUDE_TIMEOUT);
        if (turn.replayed()) {
            http.putHeader(IdempotencyFilter.REPLAYED_HEADER, "true");
        }
        return RestMulti.fromMultiData(SseFrames.toEvents(sse, frames)).build();
    }
}
