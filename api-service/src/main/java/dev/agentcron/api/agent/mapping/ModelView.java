package dev.agentcron.api.agent.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's model settings. */
@Schema(name = "Model", description = "Which model an agent's runs call, and how.")
public record ModelView(
        @Schema(description = "Model id at the gateway.", example = "gpt-4o-mini", required = true)
        String id,

        @Schema(
                description = "Models tried in order when the model fails.",
                example = "[\"gpt-4.1-mini\"]",
                required = true)
        List<String> fallbacks,

        @Schema(
                description = "Sampling temperature (0–2), or null for the model's default.",
                example = "0.7",
                nullable = true)
        Double temperature,

        @Schema(
                description = "Most tokens one call may produce (1–128000), or null for the default.",
                example = "512",
                nullable = true)
        Integer maxOutputTokens) {}
