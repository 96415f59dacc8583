package dev.agentcron.api.common.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON path ({@code schedule.times[1]}) and what is wrong with it. */
@Schema(name = "FieldError", description = "One invalid field of a request.")
public record FieldError(
        @Schema(
                description = "JSON path of the field in the request body or the query parameter name.",
                example = "limits.max_turns",
                required = true)
        String field,

        @Schema(description = "What is wrong with it.", example = "must be between 1 and 200", required = true)
        String message) {}
