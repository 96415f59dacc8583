package dev.agentcron.api.event.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /agents/{id}/subscriptions/{sub_id}}: the fields given replace the stored ones. */
@Schema(
        name = "UpdateSubscriptionRequest",
        description = "The fields given replace the stored ones; `input_mapping: null` removes the mapping."
                + " Read-only and unknown properties are a 400.")
public record UpdateSubscriptionRequest(
        @Schema(description = SubscriptionDocs.TOPIC, example = "workflow.*", maxLength = 255)
        Optional<String> topic,

        @Schema(description = SubscriptionDocs.FILTER, type = SchemaType.OBJECT, example = "{\"status\": 500}")
        JsonNode filter,

        @Schema(
                description = SubscriptionDocs.INPUT_MAPPING,
                type = SchemaType.OBJECT,
                example = "{\"error\": \"{event.data.error}\"}",
                nullable = true)
        JsonNode inputMapping,

        @Schema(example = "false") Optional<Boolean> enabled) {}
