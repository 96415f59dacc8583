package dev.agentcron.api.event.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentcron.model.subscription.SubscriptionEntity;

/** Subscriptions as the API shows them. */
public final class SubscriptionMapper {

    private SubscriptionMapper() {}

    public static SubscriptionView toView(SubscriptionEntity subscription) {
        return new SubscriptionView(
                subscription.id,
                subscription.agentId,
                subscription.topic,
                subscription.filter == null ? JsonNodeFactory.instance.objectNode() : subscription.filter,
                subscription.inputMapping == null || subscription.inputMapping.isNull()
                        ? null
                        : subscription.inputMapping,
                subscription.enabled,
                subscription.createdAt,
                subscription.updatedAt);
    }
}
