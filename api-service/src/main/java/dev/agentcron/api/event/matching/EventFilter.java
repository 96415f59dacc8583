package dev.agentcron.api.event.matching;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.api.common.error.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A subscription's {@code filter}: a flat JSON object whose every entry must equal the same-named field of
 * {@code event.data} (shallow equality; numbers compare by value, so {@code 422} equals {@code 422.0}; a
 * {@code null} entry matches a null or missing field). An empty filter matches every event.
 */
public final class EventFilter {

    private EventFilter() {}

    /** Why {@code filter} is not a flat object of scalars (empty when it is, or when it is absent). */
    public static List<FieldError> check(String field, JsonNode filter) {
        List<FieldError> errors = new ArrayList<>();
        if (filter == null || filter.isNull()) {
            return errors;
        }
        if (!filter.isObject()) {
            errors.add(new FieldError(field, "must be a JSON object of field names to values"));
            return errors;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = filter.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().isContainerNode()) {
                errors.add(new FieldError(
                        field + "." + entry.getKey(),
                        "must be a string, number, boolean or null: filters compare top-level fields of event.data"));
            }
        }
        return errors;
    }

    /** Whether {@code data} satisfies every entry of {@code filter}. */
    public static boolean matches(JsonNode filter, JsonNode data) {
        if (filter == null || filter.isNull() || filter.isEmpty()) {
            return true;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = filter.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode actual = data == null ? null : data.get(entry.getKey());
            if (!same(entry.getValue(), actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (actual == null) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
