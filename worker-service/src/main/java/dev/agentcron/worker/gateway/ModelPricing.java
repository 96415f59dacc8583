package dev.agentcron.worker.gateway;

import dev.agentcron.model.config.ModelCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Costs of model calls from the operator's prices ({@code agentcron.models."<id>".input-usd-per-mtok} and
 * {@code output-usd-per-mtok}): tokens × price / 10^6, exact to 10 decimals (the columns' scale). A model
 * without a price costs 0 (the api-service refuses {@code max_budget_usd} for such a model).
 */
@ApplicationScoped
public class ModelPricing {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int SCALE = 10;

    private final ModelCatalog catalog;

    public ModelPricing(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The cost of {@code usage} on {@code model}. */
    public BigDecimal cost(String model, Usage usage) {
        return cost(model, usage.inputTokens(), usage.outputTokens());
    }

    /** The cost of the given tokens on {@code model}; 0 when the model has no price. */
    public BigDecimal cost(String model, long inputTokens, long outputTokens) {
        Optional<ModelCatalog.ModelPrice> price = catalog.price(model);
        if (price.isEmpty()) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal micro = price.get()
                .inputUsdPerMtok()
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(price.get().outputUsdPerMtok().multiply(BigDecimal.valueOf(outputTokens)));
        return micro.divide(MILLION, SCALE, RoundingMode.HALF_UP);
    }

    public boolean isPriced(String model) {
        return catalog.price(model).isPresent();
    }
}
