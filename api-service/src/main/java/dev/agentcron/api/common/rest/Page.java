package dev.agentcron.api.common.rest;

import java.util.List;

/** The envelope of a list: {@code {"data": [...], "meta": {...}}}. */
public record Page<T>(List<T> data, PageMeta meta) {

    public static <T> Page<T> of(List<T> data, long total, int limit, int offset) {
        return new Page<>(data, new PageMeta(total, limit, offset, offset + data.size() < total));
    }
}
