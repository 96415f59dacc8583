package dev.agentcron.api.agent.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The model settings of a new agent; every field has a default. */
@Schema(name = "ModelInput", description = "Which model an agent's runs call, and how.")
public record ModelInput(
        @Schema(description = "Model id at the gateway; default: the server's default model.", example = "gpt-4o-mini")
        String id,

        @Schema(
                description = "Models tried in order when the model fails; default none; at most 10.",
                maxItems = 10,
                example = "[\"gpt-4.1-mini\"]")
        List<String> fallbacks,

        @Schema(
                description = "Sampling temperature, 0–2; null for the model's default.",
                minimum = "0",
                maximum = "2",
                example = "0.7",
                nullable = true)
        Double temperature,

        @Schema(
                description =
                        "Most tokens one model call may produce, 1–128000; null for the model's default (512 per draft in draft mode).",
                minimum = "1",
                maximum = "128000",
                example = "512",
                nullable = true)
        Integer maxOutputTokens) {}
