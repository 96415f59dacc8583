package dev.agentcron.api.thread.service;

import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.api.thread.mapping.CreateThreadRequest;
import dev.agentcron.api.thread.mapping.MessageView;
import dev.agentcron.api.thread.mapping.ThreadMapper;
import dev.agentcron.api.thread.mapping.ThreadView;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.thread.MessageRepository;
import dev.agentcron.model.thread.ThreadEntity;
import dev.agentcron.model.thread.ThreadRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Threads of an agent: create, list, read their messages, delete (messages cascade). */
@ApplicationScoped
public class ThreadService {

    static final String DEFAULT_TITLE = "New Conversation";

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final AgentQueries agents;

    public ThreadService(ThreadRepository threads, MessageRepository messages, AgentQueries agents) {
        this.threads = threads;
        this.messages = messages;
        this.agents = agents;
    }

    /** A new empty thread. */
    @WithTransaction
    public Uni<ThreadView> create(Caller caller, String agentIdOrSlug, CreateThreadRequest request) {
        String title = ThreadValidator.title(request);
        return agents.find(caller, agentIdOrSlug)
                .map(agent -> newThread(agent, title))
                .call(threads::persist)
                .map(ThreadMapper::toView);
    }

    private static ThreadEntity newThread(AgentEntity agent, String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ThreadEntity thread = new ThreadEntity();
        thread.id = Ids.next(Ids.THREAD);
        thread.agentId = agent.id;
        thread.workspaceId = agent.workspaceId;
        thread.title = title == null ? DEFAULT_TITLE : title;
        thread.createdAt = now;
        thread.updatedAt = now;
        thread.lastActivityAt = now;
        return thread;
    }

    /** The agent's threads, most recently updated first. */
    @WithSession
    public Uni<Slice<ThreadView>> list(Caller caller, String agentIdOrSlug, Paging paging) {
        return agents.find(caller, agentIdOrSlug).chain(agent -> {
            Sort newestFirst = Sort.descending("updatedAt").and("id", Sort.Direction.Descending);
            return threads.find("agentId", newestFirst, agent.id)
                    .range(paging.offset(), paging.offset() + paging.limit() - 1)
                    .list()
                    .chain(items -> threads.count("agentId", agent.id)
                            .map(total -> new Slice<>(
                                    items.stream().map(ThreadMapper::toView).toList(), total)));
        });
    }

    /** The thread's messages, oldest first. */
    @WithSession
    public Uni<Slice<MessageView>> messages(Caller caller, String agentIdOrSlug, String threadId, Paging paging) {
        return find(caller, agentIdOrSlug, threadId).chain(thread -> messages.find(
                        "threadId", Sort.ascending("createdAt").and("id"), thread.id)
                .range(paging.offset(), paging.offset() + paging.limit() - 1)
                .list()
                .chain(items -> messages.count("threadId", thread.id)
                        .map(total -> new Slice<>(
                                items.stream().map(ThreadMapper::toView).toList(), total))));
    }

    /** Deletes the thread and its messages; runs keep their record with no thread. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String agentIdOrSlug, String threadId) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> threads.delete("id = ?1 and agentId = ?2", threadId, agent.id))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new NotFoundException("thread", threadId);
                    }
                })
                .replaceWithVoid();
    }

    /** The thread of this agent in the caller's workspace, or a not-found failure. */
    @WithSession
    public Uni<ThreadEntity> find(Caller caller, String agentIdOrSlug, String threadId) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> threads.find("id = ?1 and agentId = ?2", threadId, agent.id)
                        .<ThreadEntity>firstResult())
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("thread", threadId));
    }
}
