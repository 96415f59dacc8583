package dev.agentcron.api.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become responses: every error the API returns, whether raised by a
 * service, by the framework (unknown route, wrong method or media type, bad credentials) or by a
 * dependency, is an RFC 9457 problem document. Stack traces and class names never leave the server.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Seconds a client should wait before retrying while PostgreSQL or Redis is unavailable. */
    static final String DEPENDENCY_RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        Response.ResponseBuilder response =
                build(e.type(), e.getMessage(), request, e instanceof InvalidRequestException i ? i.errors() : null);
        if (e instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e, HttpServerRequest request) {
        if (Dependencies.unavailable(e)) {
            // the key could not be looked up at all: PostgreSQL is down, the key may well be valid
            return unexpected(e, request);
        }
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return build(ProblemType.FORBIDDEN, "This API key does not hold the scope this operation needs", request, null)
                .build();
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, HttpServerRequest request) {
        return build(
                        ProblemType.MALFORMED_JSON,
                        "The request body is not valid JSON: " + e.getOriginalMessage(),
                        request,
                        null)
                .build();
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, HttpServerRequest request) {
        return invalid(List.of(new FieldError(JsonPaths.of(e), "is not a known writable property")), request);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        String path = JsonPaths.of(e);
        if (path.isEmpty()) {
            return build(ProblemType.MALFORMED_JSON, "The request body must be a JSON object", request, null)
                    .build();
        }
        String target = e.getTargetType() == null ? "value" : JsonPaths.describe(e.getTargetType());
        return invalid(List.of(new FieldError(path, "must be " + target)), request);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, HttpServerRequest request) {
        String path = JsonPaths.of(e);
        return invalid(
                List.of(new FieldError(path.isEmpty() ? "body" : path, "is invalid: " + e.getOriginalMessage())),
                request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return build(ProblemType.MALFORMED_JSON, "The request body is not valid JSON", request, null)
                .build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 400 && causedByJson(e)) {
            return build(ProblemType.MALFORMED_JSON, "The request body is not valid JSON", request, null)
                    .build();
        }
        ProblemType type = ProblemType.ofStatus(status);
        Response.ResponseBuilder response = build(type, frameworkDetail(type, request), request, null);
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        if (type == ProblemType.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.status(status).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (Dependencies.unavailable(e)) {
            LOG.warnf(e, "%s %s: a dependency is unavailable", request.method(), request.path());
            return build(ProblemType.UNAVAILABLE, "A storage dependency is unavailable; retry shortly", request, null)
                    .header(HttpHeaders.RETRY_AFTER, DEPENDENCY_RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.errorf(e, "%s %s failed", request.method(), request.path());
        return build(ProblemType.INTERNAL, "The server failed to answer this request", request, null)
                .build();
    }

    private static boolean causedByJson(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    private Response invalid(List<FieldError> errors, HttpServerRequest request) {
        return domain(new InvalidRequestException(errors), request);
    }

    private Response unauthenticated(HttpServerRequest request) {
        return build(
                        ProblemType.UNAUTHORIZED,
                        "Send a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
                        request,
                        null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static String frameworkDetail(ProblemType type, HttpServerRequest request) {
        return switch (type) {
            case NOT_FOUND -> "No resource at " + request.path();
            case METHOD_NOT_ALLOWED -> request.method() + " is not allowed on " + request.path();
            case NOT_ACCEPTABLE -> "This resource cannot be represented in the requested media type";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json";
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            default -> type.title().toLowerCase(Locale.ROOT);
        };
    }

    /** A problem response of the given type; also used by filters that answer before a resource runs. */
    public static Response.ResponseBuilder build(
            ProblemType type, String detail, HttpServerRequest request, List<FieldError> errors) {
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, request.path(), errors));
    }
}
