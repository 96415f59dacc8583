package dev.agentcron.api.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated document with what every operation shares, so resources only declare their
 * success: both security schemes (applied globally), the problem responses each operation can produce,
 * the rate-limit headers, and the {@code Idempotency-Key} header of the operations that honor it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    /** Operations marked {@code @Idempotent}. */
    static final Set<String> IDEMPOTENT = Set.of(
            "createAgent",
            "createSchedule",
            "createApiKey",
            "createWorkspace",
            "triggerRun",
            "createArtifact",
            "createSubscription",
            "publishEvent",
            "createThread",
            "chat");
    /** Operations that can conflict with existing state (duplicate name or slug, a decision already made). */
    static final Set<String> CONFLICTING = Set.of(
            "createAgent",
            "updateAgent",
            "createWorkspace",
            "createSchedule",
            "triggerRun",
            "cancelRun",
            "approveArtifact",
            "rejectArtifact",
            "chat");
    /** Operations streaming a run's events, which are kept for a while after the run ends (410 afterwards). */
    static final Set<String> EXPIRING = Set.of("streamRunEvents", "chat");
    /** Operations that name another resource in their body or query (404 when it is not visible). */
    static final Set<String> REFERENCING = Set.of("createApiKey", "listApiKeys");

    static final String PROBLEM = "#/components/schemas/Problem";
    /** 201 (and 202) responses: the envelope schema (named as for 200 responses) and the resource schema inside. */
    static final Map<String, List<String>> CREATED = Map.of(
            "triggerRun", List.of("DataRunView", "Run"),
            "createAgent", List.of("DataAgentView", "Agent"),
            "createSchedule", List.of("DataScheduleView", "Schedule"),
            "createApiKey", List.of("DataCreatedApiKeyView", "CreatedApiKey"),
            "createWorkspace", List.of("DataWorkspaceView", "Workspace"),
            "createArtifact", List.of("DataArtifactView", "Artifact"),
            "createSubscription", List.of("DataSubscriptionView", "Subscription"),
            "publishEvent", List.of("DataEventResultView", "EventResult"),
            "createThread", List.of("DataThreadView", "Thread"));

    static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "Invalid request: every invalid field is listed in `errors`; malformed JSON too."),
            Map.entry("401", "Missing, unknown or revoked API key."),
            Map.entry("403", "The API key lacks the scope this operation needs."),
            Map.entry("404", "No such resource in the caller's workspace (another workspace's resources included)."),
            Map.entry(
                    "409",
                    "Conflicts with the current state: a duplicate, or a request with this Idempotency-Key still in progress."),
            Map.entry("410", "The run's events are no longer kept (24 h after the run ended, by default)."),
            Map.entry("413", "The request body is larger than 1 MiB."),
            Map.entry("415", "The request body is not application/json."),
            Map.entry("422", "This Idempotency-Key was used in the last 24 hours with a different request."),
            Map.entry("429", "The API key's rate limit is exhausted; retry after `Retry-After` seconds."),
            Map.entry("500", "The server failed; the problem carries no internal details."),
            Map.entry("503", "PostgreSQL or Redis is unavailable; retry after `Retry-After` seconds."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        securitySchemes(components);
        headers(components);
        responses(components);
        openAPI.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme("bearer"),
                OASFactory.createSecurityRequirement().addScheme("api_key")));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> operations(path, item, components));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(SchemaBounds::apply);
        }
        openAPI.setServers(List.of(OASFactory.createServer()
                .url("https://api.agentcron.dev")
                .description(
                        "Production: your installation's api-service (local, staging or production; every replica serves every request).")
                .addExtension("x-internal", false)));
    }

    private void operations(String path, PathItem item, Components components) {
        item.getOperations().values().forEach(operation -> orderPathParameters(path, operation));
        item.getOperations().forEach((method, operation) -> complete(method, operation));
        item.getOperations().values().forEach(operation -> createdContent(operation, components));
        if (item.getParameters() != null) {
            item.getParameters().forEach(parameter -> SchemaBounds.apply(parameter.getSchema()));
        }
    }

    /**
     * Path parameters in the order the path names them ({@code id} before {@code artifact_id} in
     * {@code /agents/{id}/artifacts/{artifact_id}}), not alphabetically, so generated clients take them in URL
     * order; the other parameters follow in their order.
     */
    private static void orderPathParameters(String path, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> ordered = new ArrayList<>(operation.getParameters());
        ordered.sort(Comparator.comparingInt(parameter -> parameter.getIn() == Parameter.In.PATH
                ? path.indexOf("{" + parameter.getName() + "}")
                : path.length()));
        operation.setParameters(ordered);
    }

    private void complete(PathItem.HttpMethod method, Operation operation) {
        String id = operation.getOperationId();
        boolean hasPathParameter = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean hasBody = operation.getRequestBody() != null;
        scopes(operation);
        RequestExamples.apply(operation);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> SchemaBounds.apply(parameter.getSchema()));
        }
        operation.getResponses().removeAPIResponse("401");
        operation.getResponses().removeAPIResponse("403");
        operation.getResponses().getAPIResponses().values().forEach(ApiDocumentFilter::rateLimitHeaders);
        error(operation, "400");
        error(operation, "401");
        error(operation, "403");
        if (hasPathParameter || REFERENCING.contains(id)) {
            error(operation, "404");
        }
        if (CONFLICTING.contains(id) || IDEMPOTENT.contains(id)) {
            error(operation, "409");
        }
        if (EXPIRING.contains(id)) {
            error(operation, "410");
        }
        if (hasBody) {
            error(operation, "413");
            error(operation, "415");
        }
        if (IDEMPOTENT.contains(id)) {
            error(operation, "422");
            operation.addParameter(OASFactory.createParameter()
                    .name("Idempotency-Key")
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("Makes a retry safe: the same key and body within 24 h return the first response"
                            + " (2xx and 400 answers are kept; any other answer frees the key); a different body is"
                            + " a 422; a request still in progress with this key a 409. Scoped to the API key.")
                    .schema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .minLength(1)
                            .maxLength(255))
                    .example("3f1c2a9e-7d7b-4c51-9a9e-0f5b8f1d2c44"));
        }
        error(operation, "429");
        error(operation, "500");
        error(operation, "503");
    }

    /** A 201 or 202 response gets the same {@code {"data": ...}} envelope schema a 200 response would. */
    private static void createdContent(Operation operation, Components components) {
        List<String> names = CREATED.get(operation.getOperationId());
        APIResponse created = operation.getResponses().getAPIResponse("201") != null
                ? operation.getResponses().getAPIResponse("201")
                : operation.getResponses().getAPIResponse("202");
        if (names == null || created == null || created.getContent() != null) {
            return;
        }
        String envelope = names.get(0);
        if (components.getSchemas() == null || !components.getSchemas().containsKey(envelope)) {
            components.addSchema(
                    envelope,
                    OASFactory.createSchema()
                            .addType(Schema.SchemaType.OBJECT)
                            .description("A single " + names.get(1) + ".")
                            .addRequired("data")
                            .addProperty(
                                    "data", OASFactory.createSchema().ref("#/components/schemas/" + names.get(1))));
        }
        created.setContent(OASFactory.createContent()
                .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + envelope))));
    }

    /** The scope an operation needs: in its description and as {@code x-required-scopes}; both schemes apply globally. */
    private static void scopes(Operation operation) {
        List<String> roles = operation.getSecurity() == null
                ? List.of()
                : operation.getSecurity().stream()
                        .flatMap(requirement -> requirement.getSchemes().values().stream())
                        .flatMap(List::stream)
                        .distinct()
                        .toList();
        if (roles.isEmpty()) {
            operation.setSecurity(null);
            return;
        }
        operation.setSecurity(null);
        operation.addExtension("x-required-scopes", roles);
        String needs = "\n\nNeeds scope `" + String.join("` or `", roles) + "`.";
        if (operation.getDescription() != null && !operation.getDescription().contains("Needs scope")) {
            operation.setDescription(operation.getDescription() + needs);
        }
    }

    private static void error(Operation operation, String status) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation
                    .getResponses()
                    .addAPIResponse(status, OASFactory.createAPIResponse().ref(status(status)));
        }
    }

    private static String status(String status) {
        return "#/components/responses/"
                + switch (status) {
                    case "400" -> "BadRequest";
                    case "401" -> "Unauthorized";
                    case "403" -> "Forbidden";
                    case "404" -> "NotFound";
                    case "409" -> "Conflict";
                    case "413" -> "PayloadTooLarge";
                    case "415" -> "UnsupportedMediaType";
                    case "422" -> "IdempotencyKeyReused";
                    case "429" -> "TooManyRequests";
                    case "500" -> "InternalError";
                    default -> "ServiceUnavailable";
                };
    }

    private static void rateLimitHeaders(APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        response.addHeader(RATE_LIMIT_LIMIT, OASFactory.createHeader().ref(RATE_LIMIT_LIMIT));
        response.addHeader(RATE_LIMIT_REMAINING, OASFactory.createHeader().ref(RATE_LIMIT_REMAINING));
        response.addHeader(RATE_LIMIT_RESET, OASFactory.createHeader().ref(RATE_LIMIT_RESET));
    }

    private static void securitySchemes(Components components) {
        components.addSecurityScheme(
                "bearer",
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("`Authorization: Bearer ac_…` with an API key."));
        components.addSecurityScheme(
                "api_key",
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description("`X-API-Key: ac_…` with an API key."));
    }

    private static void headers(Components components) {
        String authenticated = " Sent on every response to a request with a valid API key.";
        components.addHeader(
                RATE_LIMIT_LIMIT, header("Requests the API key may burst (the bucket's capacity)." + authenticated, 0));
        components.addHeader(
                RATE_LIMIT_REMAINING, header("Requests left in the API key's bucket now." + authenticated, 0));
        components.addHeader(RATE_LIMIT_RESET, header("Seconds until the bucket is full again." + authenticated, 0));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before retrying.", 1));
    }

    private static Header header(String description, int minimum) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(java.math.BigDecimal.valueOf(minimum))
                        .maximum(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)));
    }

    /** In status order, so that every export of the document lists them the same way. */
    private static void responses(Components components) {
        new TreeMap<>(ERRORS).forEach((status, description) -> {
            APIResponse response = OASFactory.createAPIResponse()
                    .description(description)
                    .content(OASFactory.createContent()
                            .addMediaType(
                                    "application/problem+json",
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref(PROBLEM))
                                            .example(example(status))));
            rateLimitHeaders(response);
            if (status.equals("429") || status.equals("503")) {
                response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
            }
            components.addResponse(status(status).substring("#/components/responses/".length()), response);
        });
    }

    private static Map<String, Object> example(String status) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (status.equals("400")) {
            example.put("type", "https://agentcron.dev/problems/validation");
            example.put("title", "Invalid request");
            example.put("status", 400);
            example.put("detail", "limits.max_turns: must be between 1 and 200");
            example.put("instance", "/api/v1/agents");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "limits.max_turns");
            error.put("message", "must be between 1 and 200");
            example.put("errors", List.of(error));
            return example;
        }
        example.put("type", "https://agentcron.dev/problems/" + slug(status));
        example.put("title", ERRORS.get(status).split(":")[0].split("\\.")[0]);
        example.put("status", Integer.parseInt(status));
        example.put("detail", ERRORS.get(status));
        example.put("instance", "/api/v1/agents");
        return example;
    }

    private static String slug(String status) {
        return switch (status) {
            case "401" -> "unauthorized";
            case "403" -> "forbidden";
            case "404" -> "not-found";
            case "409" -> "conflict";
            case "413" -> "payload-too-large";
            case "415" -> "unsupported-media-type";
            case "422" -> "idempotency-key-reused";
            case "429" -> "rate-limited";
            case "500" -> "internal";
            default -> "unavailable";
        };
    }
}
