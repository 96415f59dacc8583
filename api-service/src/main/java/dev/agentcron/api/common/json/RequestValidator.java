package dev.agentcron.api.common.json;

import dev.agentcron.api.common.error.FieldError;
import java.util.List;

/**
 * The value checks of a request type that need no stored state, so that a body with unknown properties
 * gets them reported together with its invalid values in one 400 ({@link StrictJsonReader}).
 */
public interface RequestValidator<T> {

    /** The request record this validator checks. */
    Class<T> type();

    /** Every invalid field of {@code request}; empty when its values are valid. */
    List<FieldError> validate(T request);
}
