package dev.agentcron.api.event.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import dev.agentcron.api.event.mapping.PublishEventRequest;
import dev.agentcron.api.event.matching.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The checks of a published event: a concrete topic, an object payload, a bounded client id. */
@ApplicationScoped
public class PublishEventValidator implements RequestValidator<PublishEventRequest> {

    static final int MAX_CLIENT_ID_CHARS = 200;

    @Override
    public Class<PublishEventRequest> type() {
        return PublishEventRequest.class;
    }

    @Override
    public List<FieldError> validate(PublishEventRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("topic", "is required"));
            return errors;
        }
        errors.addAll(Topics.checkTopic("topic", request.topic()));
        if (request.data() != null
                && !request.data().isNull()
                && !request.data().isObject()) {
            errors.add(new FieldError("data", "must be a JSON object"));
        }
        if (request.id() != null && (request.id().isEmpty() || request.id().length() > MAX_CLIENT_ID_CHARS)) {
            errors.add(new FieldError("id", "must be 1–" + MAX_CLIENT_ID_CHARS + " characters"));
        }
        return errors;
    }
}
