package dev.agentcron.api.event.rest;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.rest.Api;
import dev.agentcron.api.common.rest.Data;
import dev.agentcron.api.event.mapping.EventResultView;
import dev.agentcron.api.event.mapping.PublishEventRequest;
import dev.agentcron.api.event.service.EventService;
import dev.agentcron.api.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Publishes events that run the agents subscribed to them. */
@Path(Api.BASE + "/events")
@Tag(name = Api.TAG_EVENTS)
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final EventService service;
    private final SecurityIdentity identity;

    public EventsResource(EventService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.EVENTS_WRITE)
    @Idempotent
    @Operation(operationId = "publishEvent", summary = "Publish an event", description = EventDocs.PUBLISH)
    @APIResponse(responseCode = "202", description = "The event's id and the runs it recorded.")
    public Uni<RestResponse<Data<EventResultView>>> publishEvent(PublishEventRequest request) {
        return service.publish(Caller.of(identity), request)
                .map(result -> RestResponse.status(RestResponse.Status.ACCEPTED, Data.of(result)));
    }
}
