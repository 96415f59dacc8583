package dev.agentcron.api.agent.service;

import dev.agentcron.api.agent.mapping.CreateAgentRequest;
import dev.agentcron.api.agent.mapping.DeletedAgentView;
import dev.agentcron.api.agent.mapping.UpdateAgentRequest;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.ConflictException;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.UniqueViolation;
import dev.agentcron.api.event.service.SubscriptionMatcher;
import dev.agentcron.api.run.service.RunService;
import dev.agentcron.api.schedule.service.PlannedSchedules;
import dev.agentcron.api.schedule.service.ScheduleChanges;
import dev.agentcron.api.schedule.service.ScheduleService;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.agent.AgentRepository;
import dev.agentcron.model.config.ModelCatalog;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.net.AddressGuard;
import dev.agentcron.model.net.SsrfSettings;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Writes agents. Each public method runs its transaction, then hands the schedule changes it made to
 * {@link ScheduleService#committed} (after the commit), then reads the agent back as the API shows it.
 */
@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final AgentQueries queries;
    private final ScheduleService schedules;
    private final ModelCatalog catalog;
    private final AddressGuard addressGuard;
    private final RunService runs;
    private final SubscriptionMatcher subscriptions;

    public AgentService(
            AgentRepository agents,
            AgentQueries queries,
            ScheduleService schedules,
            ModelCatalog catalog,
            SsrfSettings ssrf,
            RunService runs,
            SubscriptionMatcher subscriptions) {
        this.runs = runs;
        this.subscriptions = subscriptions;
        this.agents = agents;
        this.queries = queries;
        this.schedules = schedules;
        this.catalog = catalog;
        this.addressGuard = ssrf.guard();
    }

    /** An agent write and the schedule changes to announce once it has committed. */
    record Written(AgentEntity agent, ScheduleChanges changes) {}

    public Uni<AgentDetails> create(Caller caller, CreateAgentRequest request) {
        return createInTransaction(caller, request)
                .onFailure(AgentService::isDuplicate)
                .transform(AgentService::duplicate)
                .call(written -> schedules.committed(written.changes()))
                .chain(written -> queries.get(caller, written.agent().id));
    }

    public Uni<AgentDetails> update(Caller caller, String idOrSlug, UpdateAgentRequest patch) {
        return updateInTransaction(caller, idOrSlug, patch)
                .onFailure(AgentService::isDuplicate)
                .transform(AgentService::duplicate)
                .call(written -> schedules.committed(written.changes()))
                .chain(written -> queries.get(caller, written.agent().id));
    }

    /** Pauses the agent: nothing fires until it is resumed. */
    public Uni<AgentDetails> pause(Caller caller, String idOrSlug) {
        return setStatus(caller, idOrSlug, "paused")
                .call(written -> schedules.committed(written.changes()))
                .chain(written -> queries.get(caller, written.agent().id));
    }

    /** Resumes the agent (an {@code error} one too: its status reason and failure count are cleared). */
    public Uni<AgentDetails> resume(Caller caller, String idOrSlug) {
        return setStatus(caller, idOrSlug, "active")
                .call(written -> schedules.committed(written.changes()))
                .chain(written -> queries.get(caller, written.agent().id));
    }

    /**
     * Deletes the agent and, by cascade, its schedules, runs, threads, artifacts and subscriptions; then
     * unschedules it and tells the workers running its runs to stop.
     */
    public Uni<DeletedAgentView> delete(Caller caller, String idOrSlug) {
        return deleteInTransaction(caller, idOrSlug)
                .call(deleted -> schedules.committed(deleted.changes()))
                .call(deleted -> runs.stopRunsOfDeletedAgent(deleted.runningRuns()))
                .call(deleted -> subscriptions.changed(deleted.agent().workspaceId))
                .map(deleted -> new DeletedAgentView(deleted.agent().id, deleted.agent().name));
    }

    /** A deleted agent, its schedule changes and the runs that were running when it was deleted. */
    record Deleted(AgentEntity agent, ScheduleChanges changes, List<String> runningRuns) {}

    @WithTransaction
    Uni<Written> createInTransaction(Caller caller, CreateAgentRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("body", "is required");
        }
        AgentEditor editor = new AgentEditor(catalog, addressGuard);
        AgentEntity agent = editor.create(request);
        PlannedSchedules plan =
                schedules.plan(request.schedule(), request.timezone(), request.behaviors(), editor.errors());
        InvalidRequestException.throwIfAny(editor.errors());
        Instant now = now();
        agent.id = Ids.next(Ids.AGENT);
        agent.workspaceId = caller.workspaceId();
        agent.creatorKeyId = caller.keyId();
        agent.creatorName = caller.keyName();
        agent.createdAt = now;
        agent.updatedAt = now;
        return ensureUnique(caller.workspaceId(), agent.name, agent.slug, agent.id)
                .chain(() -> agents.persist(agent))
                .chain(() -> schedules.createForNewAgent(agent, plan))
                .map(changes -> new Written(agent, changes));
    }

    @WithTransaction
    Uni<Written> updateInTransaction(Caller caller, String idOrSlug, UpdateAgentRequest patch) {
        if (patch == null) {
            throw InvalidRequestException.of("body", "is required");
        }
        return queries.find(caller, idOrSlug)
                .call(agent -> ensureUnique(caller.workspaceId(), newName(patch), newSlug(patch), agent.id))
                .chain(agent -> applyPatch(agent, patch));
    }

    private Uni<Written> applyPatch(AgentEntity agent, UpdateAgentRequest patch) {
        AgentEditor editor = new AgentEditor(catalog, addressGuard);
        String oldStatus = agent.status;
        boolean statusChanged = editor.patch(agent, patch);
        String timezone = patch.timezone() == null ? null : patch.timezone().orElse(null);
        PlannedSchedules plan = schedules.plan(patch.schedule(), timezone, null, editor.errors());
        InvalidRequestException.throwIfAny(editor.errors());
        if (statusChanged && "active".equals(agent.status) && "error".equals(oldStatus)) {
            clearFailure(agent);
        }
        agent.updatedAt = now();
        Uni<ScheduleChanges> primary = schedules.applyPrimary(agent, plan);
        if (!statusChanged) {
            return primary.map(changes -> new Written(agent, changes));
        }
        return primary.chain(changes -> schedules.agentStatusChanged(agent).map(changes::plus))
                .map(changes -> new Written(agent, changes));
    }

    @WithTransaction
    Uni<Written> setStatus(Caller caller, String idOrSlug, String status) {
        return queries.find(caller, idOrSlug).chain(agent -> {
            if (status.equals(agent.status) && agent.statusReason == null) {
                return Uni.createFrom().item(new Written(agent, ScheduleChanges.none(agent.id)));
            }
            agent.status = status;
            clearFailure(agent);
            agent.updatedAt = now();
            return schedules.agentStatusChanged(agent).map(changes -> new Written(agent, changes));
        });
    }

    @WithTransaction
    Uni<Deleted> deleteInTransaction(Caller caller, String idOrSlug) {
        return queries.find(caller, idOrSlug)
                .chain(agent -> schedules.agentDeleted(agent).chain(changes -> runs.runningRunsOf(agent.id)
                        .call(() -> agents.delete("id", agent.id))
                        .map(running -> new Deleted(agent, changes, running))));
    }

    private Uni<Void> ensureUnique(String workspaceId, String name, String slug, String agentId) {
        Uni<Void> nameFree = name == null
                ? Uni.createFrom().voidItem()
                : queries.nameConflict(workspaceId, name, agentId)
                        .invoke(conflict -> {
                            if (conflict != null) {
                                throw new ConflictException("An agent named '" + name
                                        + "' already exists in this workspace (" + conflict + ")");
                            }
                        })
                        .replaceWithVoid();
        if (slug == null) {
            return nameFree;
        }
        return nameFree.chain(() -> queries.slugConflict(workspaceId, slug, agentId))
                .invoke(conflict -> {
                    if (conflict != null) {
                        throw new ConflictException(
                                "The slug '" + slug + "' is taken in this workspace by agent " + conflict);
                    }
                })
                .replaceWithVoid();
    }

    private static void clearFailure(AgentEntity agent) {
        agent.statusReason = null;
        agent.consecutiveFailures = 0;
    }

    private static String newName(UpdateAgentRequest patch) {
        Optional<String> name = patch.name();
        return name == null || name.isEmpty() || name.get().isBlank()
                ? null
                : name.get().strip();
    }

    private static String newSlug(UpdateAgentRequest patch) {
        return patch.slug() == null ? null : patch.slug().orElse(null);
    }

    private static boolean isDuplicate(Throwable failure) {
        return UniqueViolation.of(failure, "agents_name_uq") || UniqueViolation.of(failure, "agents_slug_uq");
    }

    private static Throwable duplicate(Throwable failure) {
        return new ConflictException(
                UniqueViolation.of(failure, "agents_slug_uq")
                        ? "The slug is taken in this workspace"
                        : "An agent with this name already exists in this workspace");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
