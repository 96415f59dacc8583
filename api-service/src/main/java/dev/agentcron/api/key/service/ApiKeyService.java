package dev.agentcron.api.key.service;

import dev.agentcron.api.auth.ApiKeySecrets;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.auth.KeyRevocations;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.api.key.mapping.CreateApiKeyRequest;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.key.ApiKeyEntity;
import dev.agentcron.model.key.ApiKeyRepository;
import dev.agentcron.model.workspace.WorkspaceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * API keys: created with a secret shown once and stored as its SHA-256, listed without secrets, revoked
 * (the revocation reaches every replica through {@link KeyRevocations}).
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final KeyRevocations revocations;

    public ApiKeyService(ApiKeyRepository keys, WorkspaceRepository workspaces, KeyRevocations revocations) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.revocations = revocations;
    }

    /** A new key and its secret. */
    public record CreatedKey(ApiKeyEntity key, String secret) {}

    @WithTransaction
    public Uni<CreatedKey> create(Caller caller, CreateApiKeyRequest request) {
        List<String> scopes = validate(request);
        return workspaceFor(caller, request.workspaceId())
                .chain(workspaceId -> insert(caller, request, scopes, workspaceId));
    }

    @WithSession
    public Uni<Slice<ApiKeyEntity>> list(Caller caller, String workspaceId, Paging paging) {
        return workspaceFor(caller, workspaceId)
                .chain(ws -> keys.find("workspaceId", Sort.by("createdAt").and("id"), ws)
                        .range(paging.offset(), paging.offset() + paging.limit() - 1)
                        .list()
                        .chain(items -> keys.count("workspaceId", ws).map(total -> new Slice<>(items, total))));
    }

    /** Revokes a key of the caller's workspace (any workspace with {@code workspaces:admin}). */
    public Uni<ApiKeyEntity> revoke(Caller caller, String keyId) {
        return markRevoked(caller, keyId).call(key -> revocations.announce(key.id));
    }

    @WithTransaction
    Uni<ApiKeyEntity> markRevoked(Caller caller, String keyId) {
        return keys.findById(keyId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("API key", keyId))
                .invoke(key -> {
                    if (!key.workspaceId.equals(caller.workspaceId()) && !caller.has(Scopes.WORKSPACES_ADMIN)) {
                        throw new NotFoundException("API key", keyId);
                    }
                    if (key.revokedAt == null) {
                        key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    }
                });
    }

    private Uni<ApiKeyEntity> insertKey(ApiKeyEntity key) {
        return keys.persistAndFlush(key);
    }

    private Uni<CreatedKey> insert(
            Caller caller, CreateApiKeyRequest request, List<String> scopes, String workspaceId) {
        String secret = ApiKeySecrets.generate();
        ApiKeyEntity key = new ApiKeyEntity();
        key.id = Ids.next(Ids.KEY);
        key.workspaceId = workspaceId;
        key.name = request.name().strip();
        key.prefix = ApiKeySecrets.shownPrefix(secret);
        key.keyHash = ApiKeySecrets.hash(secret);
        key.scopes = scopes;
        key.createdBy = caller.keyId();
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return insertKey(key).map(saved -> new CreatedKey(saved, secret));
    }

    /** The caller's workspace, or another one the caller may administer; anything else is not found. */
    private Uni<String> workspaceFor(Caller caller, String requested) {
        if (requested == null || requested.equals(caller.workspaceId())) {
            return Uni.createFrom().item(caller.workspaceId());
        }
        if (!caller.has(Scopes.WORKSPACES_ADMIN)) {
            return Uni.createFrom().failure(new NotFoundException("workspace", requested));
        }
        return workspaces
                .findById(requested)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("workspace", requested))
                .map(workspace -> workspace.id);
    }

    private static List<String> validate(CreateApiKeyRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (request.name().strip().length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters"));
        }
        LinkedHashSet<String> scopes = new LinkedHashSet<>();
        if (request.scopes() == null || request.scopes().isEmpty()) {
            errors.add(new FieldError("scopes", "must hold at least one scope"));
        } else if (request.scopes().size() > Scopes.ALL.size()) {
            errors.add(new FieldError("scopes", "must hold at most " + Scopes.ALL.size() + " scopes"));
        } else {
            for (int i = 0; i < request.scopes().size(); i++) {
                String scope = request.scopes().get(i);
                if (!Scopes.ALL.contains(scope)) {
                    errors.add(new FieldError("scopes[" + i + "]", "must be one of " + String.join(", ", Scopes.ALL)));
                } else {
                    scopes.add(scope);
                }
            }
        }
        InvalidRequestException.throwIfAny(errors);
        return List.copyOf(scopes);
    }
}
