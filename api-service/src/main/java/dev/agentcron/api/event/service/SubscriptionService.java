package dev.agentcron.api.event.service;

import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.api.event.mapping.CreateSubscriptionRequest;
import dev.agentcron.api.event.mapping.SubscriptionMapper;
import dev.agentcron.api.event.mapping.SubscriptionView;
import dev.agentcron.api.event.mapping.UpdateSubscriptionRequest;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.subscription.SubscriptionEntity;
import dev.agentcron.model.subscription.SubscriptionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An agent's event subscriptions: list, create, update, delete. Every committed change is announced to the
 * topic index of every replica ({@link SubscriptionMatcher#changed}).
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final AgentQueries agents;
    private final SubscriptionMatcher matcher;

    public SubscriptionService(SubscriptionRepository subscriptions, AgentQueries agents, SubscriptionMatcher matcher) {
        this.subscriptions = subscriptions;
        this.agents = agents;
        this.matcher = matcher;
    }

    /** The agent's subscriptions, oldest first. */
    @WithSession
    public Uni<Slice<SubscriptionView>> list(Caller caller, String agentIdOrSlug, Paging paging) {
        return agents.find(caller, agentIdOrSlug).chain(agent -> subscriptions
                .find("agentId", Sort.by("createdAt").and("id"), agent.id)
                .range(paging.offset(), paging.offset() + paging.limit() - 1)
                .list()
                .chain(page -> subscriptions
                        .count("agentId", agent.id)
                        .map(total -> new Slice<>(
                                page.stream().map(SubscriptionMapper::toView).toList(), total))));
    }

    public Uni<SubscriptionView> create(Caller caller, String agentIdOrSlug, CreateSubscriptionRequest request) {
        SubscriptionEditor editor = new SubscriptionEditor();
        SubscriptionEntity subscription = editor.create(request);
        InvalidRequestException.throwIfAny(editor.errors());
        return createInTransaction(caller, agentIdOrSlug, subscription)
                .call(created -> matcher.changed(created.workspaceId))
                .map(SubscriptionMapper::toView);
    }

    @WithTransaction
    Uni<SubscriptionEntity> createInTransaction(Caller caller, String agentIdOrSlug, SubscriptionEntity subscription) {
        return agents.find(caller, agentIdOrSlug)
                .map(agent -> owned(subscription, agent))
                .call(subscriptions::persist);
    }

    private static SubscriptionEntity owned(SubscriptionEntity subscription, AgentEntity agent) {
        Instant now = now();
        subscription.id = Ids.next(Ids.SUBSCRIPTION);
        subscription.agentId = agent.id;
        subscription.workspaceId = agent.workspaceId;
        subscription.createdAt = now;
        subscription.updatedAt = now;
        return subscription;
    }

    public Uni<SubscriptionView> update(
            Caller caller, String agentIdOrSlug, String subscriptionId, UpdateSubscriptionRequest request) {
        return updateInTransaction(caller, agentIdOrSlug, subscriptionId, request)
                .call(updated -> matcher.changed(updated.workspaceId))
                .map(SubscriptionMapper::toView);
    }

    @WithTransaction
    Uni<SubscriptionEntity> updateInTransaction(
            Caller caller, String agentIdOrSlug, String subscriptionId, UpdateSubscriptionRequest request) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> find(agent, subscriptionId))
                .invoke(subscription -> apply(subscription, request));
    }

    private static void apply(SubscriptionEntity subscription, UpdateSubscriptionRequest request) {
        SubscriptionEditor editor = new SubscriptionEditor();
        editor.update(subscription, request);
        InvalidRequestException.throwIfAny(editor.errors());
        subscription.updatedAt = now();
    }

    private Uni<SubscriptionEntity> find(AgentEntity agent, String subscriptionId) {
        return subscriptions
                .find("id = ?1 and agentId = ?2", subscriptionId, agent.id)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("subscription", subscriptionId));
    }

    /** Deletes one subscription of the agent (one statement, no load). */
    public Uni<Void> delete(Caller caller, String agentIdOrSlug, String subscriptionId) {
        return deleteInTransaction(caller, agentIdOrSlug, subscriptionId)
                .call(() -> matcher.changed(caller.workspaceId()));
    }

    @WithTransaction
    Uni<Void> deleteInTransaction(Caller caller, String agentIdOrSlug, String subscriptionId) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> subscriptions.delete("id = ?1 and agentId = ?2", subscriptionId, agent.id))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new NotFoundException("subscription", subscriptionId);
                    }
                })
                .replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
