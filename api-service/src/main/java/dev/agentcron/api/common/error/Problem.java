package dev.agentcron.api.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error response ({@code application/problem+json}). */
@Schema(name = "Problem", description = "An RFC 9457 problem document: the body of every error response.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(
                description = "URI naming the kind of problem.",
                example = "https://agentcron.dev/problems/validation",
                required = true)
        String type,

        @Schema(description = "Short summary of the kind of problem.", example = "Invalid request", required = true)
        String title,

        @Schema(description = "HTTP status code.", example = "400", minimum = "400", maximum = "599", required = true)
        int status,

        @Schema(
                description = "What went wrong with this request.",
                example = "name: must not be blank",
                required = true)
        String detail,

        @Schema(description = "The request path.", example = "/api/v1/agents", required = true)
        String instance,

        @Schema(description = "Every invalid field, for validation problems.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
