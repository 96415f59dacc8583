package dev.agentcron.api.event.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import dev.agentcron.api.event.mapping.UpdateSubscriptionRequest;
import dev.agentcron.model.subscription.SubscriptionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The checks of a subscription update, reported with any unknown property in one 400. */
@ApplicationScoped
public class UpdateSubscriptionValidator implements RequestValidator<UpdateSubscriptionRequest> {

    @Override
    public Class<UpdateSubscriptionRequest> type() {
        return UpdateSubscriptionRequest.class;
    }

    @Override
    public List<FieldError> validate(UpdateSubscriptionRequest request) {
        SubscriptionEditor editor = new SubscriptionEditor();
        editor.update(new SubscriptionEntity(), request);
        return editor.errors();
    }
}
