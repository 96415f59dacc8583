package dev.agentcron.api.common.rest;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** {@code limit} (1–200, default 50) and {@code offset} (≥ 0, default 0) of a list request. */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Validated paging; nulls take the defaults. */
    public static Paging of(Integer limit, Integer offset) {
        List<FieldError> errors = new ArrayList<>();
        int l = limit == null ? DEFAULT_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (o < 0) {
            errors.add(new FieldError("offset", "must be 0 or more"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new Paging(l, o);
    }
}
