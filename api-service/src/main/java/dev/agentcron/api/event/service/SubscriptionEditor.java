package dev.agentcron.api.event.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.event.mapping.CreateSubscriptionRequest;
import dev.agentcron.api.event.mapping.UpdateSubscriptionRequest;
import dev.agentcron.api.event.matching.EventFilter;
import dev.agentcron.api.event.matching.InputTemplate;
import dev.agentcron.api.event.matching.Topics;
import dev.agentcron.model.subscription.SubscriptionEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks subscription requests and applies them to entities, collecting every invalid field. */
public final class SubscriptionEditor {

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return errors;
    }

    /** A new subscription (without id, owner and timestamps) from a create request. */
    public SubscriptionEntity create(CreateSubscriptionRequest request) {
        SubscriptionEntity subscription = new SubscriptionEntity();
        if (request == null) {
            errors.add(new FieldError("topic", "is required"));
            return subscription;
        }
        subscription.topic = topic(request.topic());
        subscription.filter = filter(request.filter());
        subscription.inputMapping = inputMapping(request.inputMapping());
        subscription.enabled = request.enabled() == null || request.enabled();
        return subscription;
    }

    /** Applies the fields an update request gives. */
    public void update(SubscriptionEntity subscription, UpdateSubscriptionRequest request) {
        if (request == null) {
            return;
        }
        if (request.topic() != null) {
            subscription.topic = topic(request.topic().orElse(null));
        }
        if (request.filter() != null) {
            subscription.filter = filter(request.filter());
        }
        if (request.inputMapping() != null) {
            subscription.inputMapping = inputMapping(request.inputMapping());
        }
        Optional<Boolean> enabled = request.enabled();
        if (enabled != null) {
            if (enabled.isEmpty()) {
                errors.add(new FieldError("enabled", "must be true or false"));
            } else {
                subscription.enabled = enabled.get();
            }
        }
    }

    private String topic(String topic) {
        errors.addAll(Topics.checkPattern("topic", topic));
        return topic;
    }

    private JsonNode filter(JsonNode filter) {
        errors.addAll(EventFilter.check("filter", filter));
        return filter == null || filter.isNull() ? JsonNodeFactory.instance.objectNode() : filter;
    }

    private JsonNode inputMapping(JsonNode mapping) {
        errors.addAll(InputTemplate.check("input_mapping", mapping));
        return mapping == null || mapping.isNull() ? null : mapping;
    }
}
