package dev.agentcron.api.thread.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.json.RequestValidator;
import dev.agentcron.api.thread.mapping.CreateThreadRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The value checks of a new thread. */
@ApplicationScoped
public class ThreadValidator implements RequestValidator<CreateThreadRequest> {

    static final int MAX_TITLE = 200;

    @Override
    public Class<CreateThreadRequest> type() {
        return CreateThreadRequest.class;
    }

    @Override
    public List<FieldError> validate(CreateThreadRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.title() != null) {
            String title = request.title().strip();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                errors.add(new FieldError("title", "must be 1 to " + MAX_TITLE + " characters"));
            }
        }
        return errors;
    }

    /** The stripped title, null for the default; a 400 when invalid. */
    static String title(CreateThreadRequest request) {
        if (request == null) {
            return null;
        }
        InvalidRequestException.throwIfAny(new ThreadValidator().validate(request));
        return request.title() == null ? null : request.title().strip();
    }
}
