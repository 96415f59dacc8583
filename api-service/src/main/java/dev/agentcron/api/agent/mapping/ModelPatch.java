package dev.agentcron.api.agent.mapping;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to an agent's model settings: absent fields stay, null fields return to their default. */
@Schema(name = "ModelPatch", description = "Model settings to change; a field set to null returns to its default.")
public record ModelPatch(
        @Schema(description = "Model id at the gateway.", example = "gpt-4o-mini", nullable = true)
        Optional<String> id,

        @Schema(
                description = "Fallback models, in order (at most 10).",
                maxItems = 10,
                example = "[\"gpt-4.1-mini\"]",
                nullable = true)
        Optional<List<String>> fallbacks,

        @Schema(
                description = "Sampling temperature, 0–2.",
                minimum = "0",
                maximum = "2",
                example = "0.7",
                nullable = true)
        Optional<Double> temperature,

        @Schema(
                description = "Most tokens one model call may produce, 1–128000.",
                minimum = "1",
                maximum = "128000",
                example = "512",
                nullable = true)
        Optional<Integer> maxOutputTokens) {}
