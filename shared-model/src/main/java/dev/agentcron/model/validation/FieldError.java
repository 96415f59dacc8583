package dev.agentcron.model.validation;

import java.util.Objects;

/**
 * One problem with one field of a request body, as a 400 response lists it: {@code {"field":
 * "schedule.times[1]", "message": "..."}}.
 *
 * @param field the JSON path of the offending field, dot-separated with {@code [i]} array indexes
 * @param message what is wrong, in words the API user understands
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
