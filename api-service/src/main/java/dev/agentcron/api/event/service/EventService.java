package dev.agentcron.api.event.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.event.mapping.EventResultView;
import dev.agentcron.api.event.mapping.PublishEventRequest;
import dev.agentcron.api.event.matching.InputTemplate;
import dev.agentcron.api.event.service.SubscriptionMatcher.Candidate;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.run.RunAdmission;
import dev.agentcron.model.run.RunAdmission.Admission;
import dev.agentcron.model.run.RunAdmission.Outcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes an event: records it, matches it against the workspace's subscriptions ({@link SubscriptionMatcher}),
 * and admits one run per match ({@link RunAdmission}: trigger {@code event}, overlap and daily limit apply),
 * enqueuing the queued ones on the scheduled stream. A client event id is claimed by inserting the event row
 * (unique per workspace) in a transaction that stays open until the answer is stored, so a concurrent repeat
 * waits for it and then returns the first answer; within {@link EventConfig#dedupWindow()} a repeat matches
 * nothing again.
 */
@ApplicationScoped
public class EventService {

    private static final Logger LOG = Logger.getLogger(EventService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGET_EXPIRED = """
            DELETE FROM events WHERE workspace_id = $1 AND client_id = $2 AND created_at < now() - make_interval(secs => $3)""";
    private static final String CLAIM = """
            INSERT INTO events (id, workspace_id, client_id, topic, data, response, created_at)
            VALUES ($1, $2, $3, $4, $5, '{}', now())
            ON CONFLICT (workspace_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
            RETURNING id""";
    private static final String FIRST_ANSWER =
            "SELECT response::text AS response FROM events" + " WHERE workspace_id = $1 AND client_id = $2";
    private static final String ANSWER = "UPDATE events SET response = $2 WHERE id = $1";

    private final Pool pool;
    private final SubscriptionMatcher matcher;
    private final RunAdmission admission;
    private final JobQueue queue;
    private final EventConfig config;
    private final PublishEventValidator validator;

    public EventService(
            Pool pool,
            SubscriptionMatcher matcher,
            RunAdmission admission,
            JobQueue queue,
            EventConfig config,
            PublishEventValidator validator) {
        this.pool = pool;
        this.matcher = matcher;
        this.admission = admission;
        this.queue = queue;
        this.config = config;
        this.validator = validator;
    }

    /** An event that was claimed: its id, topic and payload. */
    private record Published(String workspaceId, InputTemplate.Event event) {}

    /** Publishes the event in the caller's workspace; a repeated client id gets the first answer. */
    public Uni<EventResultView> publish(Caller caller, PublishEventRequest request) {
        InvalidRequestException.throwIfAny(validator.validate(request));
        JsonNode data = request.data() == null || request.data().isNull()
                ? JsonNodeFactory.instance.objectNode()
                : request.data();
        Published published = new Published(
                caller.workspaceId(), new InputTemplate.Event(Ids.next(Ids.EVENT), request.topic(), data));
        return pool.withTransaction(connection -> forgetExpired(connection, published.workspaceId(), request.id())
                .chain(() -> claim(connection, published, request.id()))
                .chain(claimed -> claimed
                        ? fanOut(published).call(result -> answer(connection, result))
                        : firstAnswer(connection, published.workspaceId(), request.id())));
    }

    private Uni<Void> forgetExpired(SqlConnection connection, String workspaceId, String clientId) {
        if (clientId == null) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(FORGET_EXPIRED)
                .execute(Tuple.of(
                        workspaceId, clientId, (double) config.dedupWindow().toSeconds()))
                .replaceWithVoid();
    }

    /** Records the event; false when its client id was already used (and is still remembered). */
    private Uni<Boolean> claim(SqlConnection connection, Published published, String clientId) {
        Tuple values = Tuple.tuple()
                .addString(published.event().id())
                .addString(published.workspaceId())
                .addString(clientId)
                .addString(published.event().topic())
                .addValue(new JsonObject(published.event().data().toString()));
        return connection.preparedQuery(CLAIM).execute(values).map(rows -> rows.rowCount() == 1);
    }

    private Uni<EventResultView> firstAnswer(SqlConnection connection, String workspaceId, String clientId) {
        return connection
                .preparedQuery(FIRST_ANSWER)
                .execute(Tuple.of(workspaceId, clientId))
                .map(rows -> fromJson(rows.iterator().next().getString("response")));
    }

    private Uni<EventResultView> fanOut(Published published) {
        return matcher.match(
                        published.workspaceId(),
                        published.event().topic(),
                        published.event().data())
                .chain(candidates -> admitAll(published, candidates))
                .map(admissions -> result(published, admissions));
    }

    private Uni<List<Admission>> admitAll(Published published, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom()
                .iterable(candidates)
                .onItem()
                .transformToUniAndConcatenate(candidate -> admit(published, candidate))
                .collect()
                .asList();
    }

    private Uni<Admission> admit(Published published, Candidate candidate) {
        JsonNode input = InputTemplate.render(candidate.inputMapping(), published.event());
        return admission
                .admit(RunAdmission.Request.event(
                        candidate.agentId(), input, published.event().id()))
                .call(admitted -> enqueueIfQueued(admitted, candidate.agentId()));
    }

    private Uni<Void> enqueueIfQueued(Admission admitted, String agentId) {
        if (admitted.outcome() != Outcome.QUEUED) {
            return Uni.createFrom().voidItem();
        }
        return queue.enqueue(Job.run(admitted.runId(), agentId), false)
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Run %s is queued but could not be enqueued now (it will be): %s",
                            admitted.runId(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private static EventResultView result(Published published, List<Admission> admissions) {
        List<String> runIds = new ArrayList<>();
        for (Admission admitted : admissions) {
            if (admitted.recorded()) {
                runIds.add(admitted.runId());
            }
        }
        return new EventResultView(published.event().id(), runIds.size(), List.copyOf(runIds));
    }

    private Uni<Void> answer(SqlConnection connection, EventResultView result) {
        return connection
                .preparedQuery(ANSWER)
                .execute(
                        Tuple.of(result.eventId(), new JsonObject(toJson(result).toString())))
                .replaceWithVoid();
    }

    private static ObjectNode toJson(EventResultView result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("event_id", result.eventId());
        json.put("matched", result.matched());
        ArrayNode runIds = json.putArray("run_ids");
        result.runIds().forEach(runIds::add);
        return json;
    }

    private static EventResultView fromJson(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            List<String> runIds = new ArrayList<>();
            json.path("run_ids").forEach(id -> runIds.add(id.asText()));
            return new EventResultView(
                    json.path("event_id").asText(), json.path("matched").asInt(), runIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event answer is unreadable", e);
        }
    }
}
