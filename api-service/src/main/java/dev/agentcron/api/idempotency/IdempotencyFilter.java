package dev.agentcron.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.IdempotencyKeyInFlightException;
import dev.agentcron.api.common.error.IdempotencyKeyReusedException;
import dev.agentcron.api.common.error.InvalidRequestException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * {@code Idempotency-Key} for endpoints marked {@link Idempotent}, scoped per API key. Stored answers:
 * successes (2xx) and validation failures (400), which a retry of the same body would get again. Any
 * other answer (401, 403, 404, 409, 413, 429, 5xx) releases the key, so a retry is processed afresh.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private final CurrentIdentityAssociation identities;
    private final IdempotencyStore store;
    private final IdempotencyConfig config;
    private final ObjectMapper mapper;
    private final java.util.Map<String, Boolean> annotated = new java.util.concurrent.ConcurrentHashMap<>();

    public IdempotencyFilter(
            CurrentIdentityAssociation identities,
            IdempotencyStore store,
            IdempotencyConfig config,
            ObjectMapper mapper) {
        this.identities = identities;
        this.store = store;
        this.config = config;
        this.mapper = mapper;
    }

    private record Claim(String apiKeyId, String idempotencyKey, String fingerprint) {}

    @ServerRequestFilter(priority = Priorities.USER, readBody = true)
    public Uni<Response> claim(ContainerRequestContext request, SimpleResourceInfo resource) {
        String idempotencyKey = request.getHeaderString(HEADER);
        if (idempotencyKey == null || !isIdempotent(resource)) {
            return Uni.createFrom().nullItem();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > config.maxKeyLength()) {
            throw new InvalidRequestException(
                    List.of(new FieldError(HEADER, "must be 1 to " + config.maxKeyLength() + " characters")));
        }
        String fingerprint = fingerprint(request);
        return identities
                .getDeferredIdentity()
                .chain(identity -> claim(identity, idempotencyKey, fingerprint, request));
    }

    private Uni<Response> claim(
            SecurityIdentity identity, String idempotencyKey, String fingerprint, ContainerRequestContext request) {
        if (!(identity.getPrincipal() instanceof Caller caller)) {
            return Uni.createFrom().nullItem();
        }
        Claim claim = new Claim(caller.keyId(), idempotencyKey, fingerprint);
        return store.claim(caller.keyId(), idempotencyKey, fingerprint).map(existing -> {
            if (existing == null) {
                request.setProperty(CLAIM, claim);
                return null;
            }
            return replay(existing, fingerprint);
        });
    }

    private static Response replay(IdempotencyStore.Entry existing, String fingerprint) {
        if (!existing.completed()) {
            throw new IdempotencyKeyInFlightException();
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return Response.status(existing.status())
                .type(existing.contentType())
                .header(REPLAYED_HEADER, "true")
                .entity(existing.body())
                .build();
    }

    @ServerResponseFilter(priority = Priorities.USER)
    public Uni<Void> complete(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        request.removeProperty(CLAIM);
        int status = response.getStatus();
        if ((status >= 200 && status < 300) || status == 400) {
            MediaType type = response.getMediaType();
            IdempotencyStore.Entry entry = new IdempotencyStore.Entry(
                    claim.fingerprint(),
                    status,
                    type == null ? MediaType.APPLICATION_JSON : type.toString(),
                    body(response.getEntity()));
            return store.complete(claim.apiKeyId(), claim.idempotencyKey(), entry);
        }
        return store.release(claim.apiKeyId(), claim.idempotencyKey());
    }

    private boolean isIdempotent(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return false;
        }
        return annotated.computeIfAbsent(
                resource.getResourceClass().getName() + "#" + resource.getMethodName(), key -> annotated(resource));
    }

    private static boolean annotated(SimpleResourceInfo resource) {
        for (var method : resource.getResourceClass().getMethods()) {
            if (method.getName().equals(resource.getMethodName())
                    && method.isAnnotationPresent(Idempotent.class)
                    && !method.getAnnotation(Idempotent.class).replaysRunEvents()
                    && java.util.Arrays.equals(method.getParameterTypes(), resource.parameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private String body(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof String text) {
            return text;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the method, path, query and body: what makes two requests "the same". */
    private static String fingerprint(ContainerRequestContext request) {
        try {
            byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
            request.setEntityStream(new ByteArrayInputStream(body));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.getUriInfo().getRequestUri().getRawPath().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            digest.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            digest.update((contentType == null ? "" : contentType).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
