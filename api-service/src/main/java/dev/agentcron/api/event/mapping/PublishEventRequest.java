package dev.agentcron.api.event.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /events}. */
@Schema(
        name = "PublishEventRequest",
        description = "An event of the caller's workspace. `topic` is required; unknown properties are a 400.")
public record PublishEventRequest(
        @Schema(
                description = "The event's topic: dot-separated non-empty tokens without wildcards, at most 255"
                        + " characters.",
                example = "workflow.failed",
                maxLength = 255,
                required = true)
        String topic,

        @Schema(
                description = "The event's payload, a JSON object (default `{}`); filters and `{event.data.<path>}`"
                        + " placeholders read it.",
                type = SchemaType.OBJECT,
                example = "{\"status\": 422, \"error\": \"schema drift\"}")
        JsonNode data,

        @Schema(
                description = "The client's own event id, 1–200 characters: the same id again within 24 hours matches"
                        + " nothing again and returns the first answer.",
                example = "wf-run-8812-failed",
                minLength = 1,
                maxLength = 200)
        String id) {}
