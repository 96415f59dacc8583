package dev.agentcron.api.common.rest;

/** The envelope of a single resource: {@code {"data": {...}}}. */
public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
        return new Data<>(data);
    }
}
