package dev.agentcron.api.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a POST endpoint into {@code Idempotency-Key} handling ({@link IdempotencyFilter}): the same key and
 * body within 24 h returns the first response again, a different body is a 422, a request still in flight
 * with that key a 409. Put it on every endpoint that creates something or triggers a run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

    /**
     * True for an endpoint whose answer is a run's event stream ({@code POST /agents/{id}/chat}): it handles the
     * key itself ({@link IdempotencyStore}) and a replay streams the first request's run again from the start,
     * so {@link IdempotencyFilter} leaves it alone.
     */
    boolean replaysRunEvents() default false;
}
