package dev.agentcron.api.event.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /agents/{id}/subscriptions}: {@code topic} is required. */
@Schema(
        name = "CreateSubscriptionRequest",
        description = "A new event subscription. `topic` is required. `id`, `agent_id`, `created_at` and `updated_at`"
                + " are read-only: like any unknown property, they are a 400.")
public record CreateSubscriptionRequest(
        @Schema(description = SubscriptionDocs.TOPIC, example = "workflow.failed", maxLength = 255, required = true)
        String topic,

        @Schema(description = SubscriptionDocs.FILTER, type = SchemaType.OBJECT, example = "{\"status\": 422}")
        JsonNode filter,

        @Schema(
                description = SubscriptionDocs.INPUT_MAPPING,
                type = SchemaType.OBJECT,
                example = "{\"data\": {\"error\": \"{event.data.error}\"}}",
                nullable = true)
        JsonNode inputMapping,

        @Schema(description = "Default `true`.", example = "true")
        Boolean enabled) {}
