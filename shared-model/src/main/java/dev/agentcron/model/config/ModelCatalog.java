package dev.agentcron.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Models the operator has priced, and the model an agent gets when it names none. Both services read it:
 * the api-service to accept {@code max_budget_usd}, the worker to cost every call.
 */
@ConfigMapping(prefix = "agentcron")
public interface ModelCatalog {

    /** Prices per model id: {@code agentcron.models."gpt-4o-mini".input-usd-per-mtok=0.15}. */
    Map<String, ModelPrice> models();

    /** The model of an agent created without {@code model.id}. */
    @WithName("default-model")
    @WithDefault("gpt-4o-mini")
    String defaultModel();

    /** The price of a model, if the operator configured one. */
    default Optional<ModelPrice> price(String modelId) {
        return Optional.ofNullable(models().get(modelId));
    }

    interface ModelPrice {
        /** USD per million input (prompt) tokens. */
        @WithName("input-usd-per-mtok")
        BigDecimal inputUsdPerMtok();

        /** USD per million output (completion) tokens. */
        @WithName("output-usd-per-mtok")
        BigDecimal outputUsdPerMtok();
    }
}
