package dev.agentcron.api.event.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import dev.agentcron.api.event.mapping.CreateSubscriptionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The checks of a new subscription, reported with any unknown property in one 400. */
@ApplicationScoped
public class CreateSubscriptionValidator implements RequestValidator<CreateSubscriptionRequest> {

    @Override
    public Class<CreateSubscriptionRequest> type() {
        return CreateSubscriptionRequest.class;
    }

    @Override
    public List<FieldError> validate(CreateSubscriptionRequest request) {
        SubscriptionEditor editor = new SubscriptionEditor();
        editor.create(request);
        return editor.errors();
    }
}
