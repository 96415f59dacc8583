package dev.agentcron.api.run.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.run.events.RunEventDocs;
import dev.agentcron.api.run.events.RunEventRelay;
import dev.agentcron.api.run.events.SseFrame;
import dev.agentcron.api.run.events.SseFrames;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * A run's events as server-sent events. The run is checked (404, 410, 400) before the stream opens, on a
 * worker thread: RESTEasy writes the SSE head as soon as it subscribes, after which no problem can be sent.
 */
@Path(Api.BASE + "/runs/{id}/events")
@Tag(name = Api.TAG_RUNS)
public class RunEventsResource {

    private final RunEventRelay relay;
    private final SecurityIdentity identity;

    public RunEventsResource(RunEventRelay relay, SecurityIdentity identity) {
        this.relay = relay;
        this.identity = identity;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @RolesAllowed(Scopes.AGENTS_READ)
    @Operation(operationId = "streamRunEvents", summary = "Stream a run's events", description = RunEventDocs.STREAM)
    @APIResponse(
            responseCode = "200",
            description = "The run's events, then `data: [DONE]`.",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = RunEventDocs.MAX_STREAM_CHARS,
                                            example = RunEventDocs.SSE_EXAMPLE)))
    public RestMulti<OutboundSseEvent> streamRunEvents(
            @Parameter(in = ParameterIn.PATH, description = RunDocs.RUN_ID) @PathParam("id") String id,
            @Parameter(
                            description = RunEventDocs.LAST_EVENT_ID,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            pattern = "^\\d{1,19}-\\d{1,19}$",
                                            maxLength = 40),
                            example = "1767776400120-0")
                    @HeaderParam("Last-Event-ID")
                    String lastEventId,
            @Context Sse sse) {
        Multi<SseFrame> frames =
                relay.open(Caller.of(identity), id, lastEventId).await().atMost(Api.PRELUDE_TIMEOUT);
        return RestMulti.fromMultiData(SseFrames.toEvents(sse, frames)).build();
    }
}
