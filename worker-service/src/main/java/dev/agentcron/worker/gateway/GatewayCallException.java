package dev.agentcron.worker.gateway;

import java.time.Duration;
import java.util.Optional;

/** One failed attempt to call a model: what went wrong and whether trying the same model again can help. */
public class GatewayCallException extends RuntimeException {

    /** What failed. */
    public enum Kind {
        /** The gateway answered with a non-2xx status. */
        HTTP_STATUS("http_error"),
        /** No connection could be made. */
        CONNECT("connect_error"),
        /** The connection broke while the request or response was in flight. */
        CONNECTION_LOST("connection_lost"),
        /** No response headers within the first-byte timeout. */
        FIRST_BYTE_TIMEOUT("first_byte_timeout"),
        /** The response body stalled longer than the idle timeout. */
        IDLE_TIMEOUT("idle_timeout"),
        /** The response was not a chat completion (bad JSON, no choices). */
        PROTOCOL("bad_response");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The code in a step's error JSON. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final int receivedChars;

    public GatewayCallException(Kind kind, int status, Duration retryAfter, String message, int receivedChars) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.receivedChars = receivedChars;
    }

    public static GatewayCallException of(Kind kind, String message) {
        return new GatewayCallException(kind, 0, null, message, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }

    /** The {@code Retry-After} the gateway asked for. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Content characters streamed before the failure (used to estimate the tokens the attempt cost). */
    public int receivedChars() {
        return receivedChars;
    }

    /**
     * Whether the same model may succeed when tried again: 408, 409, 429, 5xx, connection failures, timeouts
     * and malformed responses. Any other 4xx (400, 401, 403, 404, 422, ...) is a property of the request or
     * the model and is not retried.
     */
    public boolean isRetryable() {
        if (kind != Kind.HTTP_STATUS) {
            return true;
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** Short description for messages: {@code HTTP 503}, {@code idle_timeout}. */
    public String summary() {
        return kind == Kind.HTTP_STATUS ? "HTTP " + status : kind.code();
    }
}
