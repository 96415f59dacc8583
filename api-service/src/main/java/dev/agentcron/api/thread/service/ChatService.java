package dev.agentcron.api.thread.service;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.ConflictException;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.IdempotencyKeyInFlightException;
import dev.agentcron.api.common.error.IdempotencyKeyReusedException;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.error.UniqueViolation;
import dev.agentcron.api.idempotency.IdempotencyConfig;
import dev.agentcron.api.idempotency.IdempotencyFilter;
import dev.agentcron.api.idempotency.IdempotencyStore;
import dev.agentcron.api.thread.mapping.ChatRequest;
import dev.agentcron.model.config.ChatSettings;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.run.RunAdmission;
import dev.agentcron.model.run.RunAdmission.Admission;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Starts a chat turn: the user message is stored in the same transaction that records the {@code chat} run
 * (so a turn refused by the one-run-per-thread rule stores nothing), then the run is enqueued on the
 * interactive stream. With an {@code Idempotency-Key}, a retry of the same turn gets the first turn's run.
 */
@ApplicationScoped
public class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (id, thread_id, run_id, role, content, tokens) VALUES ($1, $2, $3, 'user', $4, $5)""";
    private static final String COUNT_MESSAGE = """
            UPDATE threads SET message_count = message_count + 1, total_tokens = total_tokens + $2,
                               updated_at = now(), last_activity_at = now()
            WHERE id = $1 AND archived_at IS NULL""";
    private static final String THREAD = """
            SELECT a.id AS agent_id, t.id AS thread_id, t.archived_at IS NOT NULL AS archived
            FROM agents a LEFT JOIN threads t ON t.agent_id = a.id AND t.id = $1
            WHERE a.workspace_id = $2 AND (a.id = $3 OR a.slug = $3)""";
    private static final int CHARS_PER_TOKEN = 3;

    /** The thread of a turn. */
    private record TurnThread(String id, String agentId) {}

    /** The run a turn streams, and whether it is the replay of an earlier request. */
    public record ChatTurn(String runId, boolean replayed) {}

    private final Pool pool;
    private final RunAdmission admission;
    private final JobQueue queue;
    private final ChatSettings settings;
    private final IdempotencyStore idempotency;
    private final IdempotencyConfig idempotencyConfig;

    public ChatService(
            Pool pool,
            RunAdmission admission,
            JobQueue queue,
            ChatSettings settings,
            IdempotencyStore idempotency,
            IdempotencyConfig idempotencyConfig) {
        this.pool = pool;
        this.admission = admission;
        this.queue = queue;
        this.settings = settings;
        this.idempotency = idempotency;
        this.idempotencyConfig = idempotencyConfig;
    }

    /** Validates and starts the turn (or finds the turn of an earlier request with the same key). */
    public Uni<ChatTurn> start(Caller caller, String agentIdOrSlug, ChatRequest request, String idempotencyKey) {
        validate(request);
        if (idempotencyKey == null) {
            return startTurn(caller, agentIdOrSlug, request).map(runId -> new ChatTurn(runId, false));
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > idempotencyConfig.maxKeyLength()) {
            throw InvalidRequestException.of(
                    IdempotencyFilter.HEADER, "must be 1 to " + idempotencyConfig.maxKeyLength() + " characters");
        }
        String fingerprint = fingerprint(agentIdOrSlug, request);
        return idempotency
                .claim(caller.keyId(), idempotencyKey, fingerprint)
                .chain(existing -> existing == null
                        ? startClaimed(caller, agentIdOrSlug, request, idempotencyKey, fingerprint)
                        : Uni.createFrom().item(replay(existing, fingerprint)));
    }

    private Uni<ChatTurn> startClaimed(
            Caller caller, String agentIdOrSlug, ChatRequest request, String idempotencyKey, String fingerprint) {
        return startTurn(caller, agentIdOrSlug, request)
                .call(runId -> idempotency.complete(
                        caller.keyId(),
                        idempotencyKey,
                        new IdempotencyStore.Entry(fingerprint, 200, "text/event-stream", runId)))
                .onFailure()
                .call(() -> idempotency.release(caller.keyId(), idempotencyKey))
                .map(runId -> new ChatTurn(runId, false));
    }

    private static ChatTurn replay(IdempotencyStore.Entry existing, String fingerprint) {
        if (!existing.completed()) {
            throw new IdempotencyKeyInFlightException();
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return new ChatTurn(existing.body(), true);
    }

    private void validate(ChatRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw InvalidRequestException.of("thread_id", "is required");
        }
        if (request.threadId() == null || request.threadId().isBlank()) {
            errors.add(new FieldError("thread_id", "is required"));
        }
        if (request.message() == null || request.message().isBlank()) {
            errors.add(new FieldError("message", "must not be empty"));
        } else if (request.message().length() > settings.maxMessageChars()) {
            errors.add(new FieldError("message", "must be at most " + settings.maxMessageChars() + " characters"));
        }
        InvalidRequestException.throwIfAny(errors);
    }

    private Uni<String> startTurn(Caller caller, String agentIdOrSlug, ChatRequest request) {
        return openThread(caller, agentIdOrSlug, request.threadId())
                .chain(thread -> admit(thread, request.message()).call(admitted -> enqueue(admitted, thread.agentId())))
                .map(Admission::runId);
    }

    /** The agent's thread in the caller's workspace: 404 for an unknown agent or thread, 409 when archived. */
    private Uni<TurnThread> openThread(Caller caller, String agentIdOrSlug, String threadId) {
        return pool.preparedQuery(THREAD)
                .execute(Tuple.of(threadId, caller.workspaceId(), agentIdOrSlug))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("agent", agentIdOrSlug);
                    }
                    Row row = rows.iterator().next();
                    if (row.getString("thread_id") == null) {
                        throw new NotFoundException("thread", threadId);
                    }
                    if (row.getBoolean("archived")) {
                        throw archived(threadId);
                    }
                    return new TurnThread(threadId, row.getString("agent_id"));
                });
    }

    private static ConflictException archived(String threadId) {
        return new ConflictException("Thread " + threadId + " is archived (idle too long): start a new thread.");
    }

    private Uni<Admission> admit(TurnThread thread, String message) {
        return admission
                .admit(
                        RunAdmission.Request.chat(thread.agentId(), thread.id()),
                        (connection, admitted) -> storeMessage(connection, thread.id(), admitted.runId(), message))
                .onFailure(failure -> UniqueViolation.of(failure, RunAdmission.THREAD_ACTIVE_INDEX))
                .transform(failure -> new ConflictException("Thread " + thread.id()
                        + " already has a run in progress: wait for it to end (GET /runs/{id}/events) or cancel it."))
                .invoke(admitted -> {
                    if (!admitted.recorded()) {
                        throw new NotFoundException("agent", thread.agentId());
                    }
                });
    }

    private static Uni<Void> storeMessage(SqlConnection connection, String threadId, String runId, String message) {
        long tokens = (message.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
        return connection
                .preparedQuery(INSERT_MESSAGE)
                .execute(Tuple.of(Ids.next(Ids.MESSAGE), threadId, runId, message, (int) tokens))
                .chain(() -> connection.preparedQuery(COUNT_MESSAGE).execute(Tuple.of(threadId, tokens)))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw archived(threadId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> enqueue(Admission admitted, String agentId) {
        return queue.enqueue(Job.run(admitted.runId(), agentId), true)
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Chat run %s is queued but could not be enqueued now (it will be): %s",
                            admitted.runId(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static String fingerprint(String agentIdOrSlug, ChatRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"chat", agentIdOrSlug, request.threadId(), request.message()}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
