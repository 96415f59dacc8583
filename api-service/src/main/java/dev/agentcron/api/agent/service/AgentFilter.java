package dev.agentcron.api.agent.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters and sort order of {@code GET /agents}, validated. Sort fields: {@code name} (default),
 * {@code created_at}, {@code updated_at}, {@code status}, {@code last_run_at}; a leading {@code -} sorts
 * descending; ties are broken by id.
 */
public record AgentFilter(String search, String status, String outputMode, String knowledgeDomain, Sort sort) {

    static final Map<String, String> SORT_FIELDS = Map.of(
            "name", "name",
            "created_at", "createdAt",
            "updated_at", "updatedAt",
            "status", "status",
            "last_run_at", "lastRunAt");

    public static AgentFilter of(String search, String status, String outputMode, String knowledgeDomain, String sort) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && !AgentEditor.STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of active, error, inactive, paused"));
        }
        if (outputMode != null && !AgentEditor.OUTPUT_MODES.contains(outputMode)) {
            errors.add(new FieldError("output_mode", "must be one of draft, task"));
        }
        String spec = sort == null || sort.isBlank() ? "name" : sort.strip();
        boolean descending = spec.startsWith("-");
        String field = descending ? spec.substring(1) : spec;
        String property = SORT_FIELDS.get(field);
        if (property == null) {
            errors.add(new FieldError(
                    "sort",
                    "must be one of name, created_at, updated_at, status, last_run_at,"
                            + " optionally prefixed with - for descending order"));
        }
        InvalidRequestException.throwIfAny(errors);
        Sort order = Sort.by(
                        property,
                        descending ? Sort.Direction.Descending : Sort.Direction.Ascending,
                        Sort.NullPrecedence.NULLS_LAST)
                .and("id", descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        return new AgentFilter(blankToNull(search), status, outputMode, blankToNull(knowledgeDomain), order);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
