package dev.agentcron.api.common.rest;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** {@code limit} (1–200 unless a list caps it lower, default 50) and {@code offset} (≥ 0, default 0) of a list request. */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Validated paging; nulls take the defaults. */
    public static Paging of(Integer limit, Integer offset) {
        return of(limit, offset, MAX_LIMIT);
    }

    /** Validated paging of a list whose pages hold at most {@code maxLimit} items; nulls take the defaults. */
    public static Paging of(Integer limit, Integer offset, int maxLimit) {
        List<FieldError> errors = new ArrayList<>();
        int l = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > maxLimit) {
            errors.add(new FieldError("limit", "must be between 1 and " + maxLimit));
        }
        if (o < 0) {
            errors.add(new FieldError("offset", "must be 0 or more"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new Paging(l, o);
    }
}
