package dev.agentcron.api.common.rest;

import java.util.List;
import java.util.function.Function;

/** One page of items and the total over all pages, as a service returns them. */
public record Slice<T>(List<T> items, long total) {

    /** The page envelope, each item mapped to its view. */
    public <V> Page<V> toPage(Function<T, V> mapper, Paging paging) {
        return Page.of(items.stream().map(mapper).toList(), total, paging.limit(), paging.offset());
    }
}
