package dev.agentcron.model.schedule;

import dev.agentcron.model.validation.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** A schedule that cannot be accepted, with every problem found, each naming its field. */
public class ScheduleValidationException extends RuntimeException {

    private final List<FieldError> errors;

    /** @param errors at least one problem */
    public ScheduleValidationException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The problems, in the order they were found (field order of the input, then kind-specific checks). */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
