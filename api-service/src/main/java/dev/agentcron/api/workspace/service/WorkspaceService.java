package dev.agentcron.api.workspace.service;

import dev.agentcron.api.common.error.ConflictException;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.UniqueViolation;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.workspace.WorkspaceEntity;
import dev.agentcron.model.workspace.WorkspaceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Workspaces (tenants): created and listed by keys holding {@code workspaces:admin}. */
@ApplicationScoped
public class WorkspaceService {

    private final WorkspaceRepository workspaces;

    public WorkspaceService(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    @WithTransaction
    public Uni<WorkspaceEntity> create(String name) {
        WorkspaceEntity workspace = new WorkspaceEntity();
        workspace.id = Ids.next(Ids.WORKSPACE);
        workspace.name = validName(name);
        workspace.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return workspaces
                .persistAndFlush(workspace)
                .onFailure(failure -> UniqueViolation.of(failure, "workspaces_name_uq"))
                .transform(failure -> new ConflictException("A workspace named '" + workspace.name + "' exists"));
    }

    @WithSession
    public Uni<Slice<WorkspaceEntity>> list(Paging paging) {
        return workspaces
                .findAll(Sort.by("createdAt").and("id"))
                .range(paging.offset(), paging.offset() + paging.limit() - 1)
                .list()
                .chain(items -> workspaces.count().map(total -> new Slice<>(items, total)));
    }

    @WithSession
    public Uni<Boolean> exists(String id) {
        return workspaces.count("id", id).map(count -> count > 0);
    }

    private static String validName(String name) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.strip().length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters"));
        }
        InvalidRequestException.throwIfAny(errors);
        return name.strip();
    }
}
