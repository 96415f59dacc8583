package dev.agentcron.api.event.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event subscription as the API returns it. */
@Schema(
        name = "Subscription",
        description = "Wires events whose topic matches `topic` (and whose data passes `filter`) to runs of the agent.")
public record SubscriptionView(
        @Schema(description = "Subscription id.", example = "sub_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "The agent the events run.", example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String agentId,

        @Schema(
                description = "Topic pattern: dot-separated tokens; `*` matches one token, `>` (last token only) one"
                        + " or more.",
                example = "workflow.failed",
                required = true)
        String topic,

        @Schema(
                description = "Shallow equality match on `event.data`; `{}` matches every event.",
                type = SchemaType.OBJECT,
                example = "{\"status\": 422}",
                required = true)
        JsonNode filter,

        @Schema(
                description = "Template of the run input; null: the run input is `{\"event\": {id, topic, data}}`.",
                type = SchemaType.OBJECT,
                example = "{\"data\": {\"error\": \"{event.data.error}\"}}",
                nullable = true)
        JsonNode inputMapping,

        @Schema(description = "Disabled subscriptions match nothing.", example = "true", required = true)
        boolean enabled,

        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {}
