package dev.agentcron.api.common.error;

/** Every kind of problem the API answers with: its {@code type} URI, {@code title} and status. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    UNAUTHORIZED("unauthorized", "Missing or invalid API key", 401),
    FORBIDDEN("forbidden", "API key lacks the required scope", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    IDEMPOTENCY_IN_FLIGHT("idempotency-in-flight", "Request with this Idempotency-Key in progress", 409),
    GONE("gone", "Gone", 410),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDEMPOTENCY_MISMATCH("idempotency-key-reused", "Idempotency-Key reused with a different request", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    INTERNAL("internal", "Internal server error", 500),
    UNAVAILABLE("unavailable", "Service temporarily unavailable", 503);

    public static final String BASE = "https://agentcron.dev/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The generic type of a framework-raised status without a specific one. */
    public static ProblemType ofStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
