package dev.agentcron.api.run.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a manual run. */
@Schema(name = "ManualRunRequest", description = "Optional input for a manual run.")
public record ManualRunRequest(
        @Schema(
                description = "JSON object handed to the run (the agent's prompt sees it).",
                type = SchemaType.OBJECT,
                example = "{\"topic\": \"weekly report\"}")
        JsonNode input) {}
