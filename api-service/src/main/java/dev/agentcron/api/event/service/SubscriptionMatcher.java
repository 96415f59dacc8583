package dev.agentcron.api.event.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.api.event.matching.EventFilter;
import dev.agentcron.api.event.matching.TopicIndex;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Finds the subscriptions an event matches through a per-workspace {@link TopicIndex}, cached on this replica.
 * Every change of a workspace's subscriptions bumps a counter in Redis ({@link #changed}); before matching,
 * the cached index is used only if it was built at the counter's current value (one GET) and is younger than
 * {@link EventConfig#indexMaxAge()}, otherwise it is rebuilt from PostgreSQL. So a change on any replica is
 * seen by the next event on every replica. Agent status is not part of the index: admission skips agents
 * that are not active.
 */
@ApplicationScoped
public class SubscriptionMatcher {

    /** An enabled subscription, as matching needs it. */
    public record Candidate(String id, String agentId, String topic, JsonNode filter, JsonNode inputMapping) {}

    private record Cached(String version, Instant builtAt, TopicIndex<Candidate> index) {}

    private static final Logger LOG = Logger.getLogger(SubscriptionMatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENABLED = """
            SELECT id, agent_id, topic, filter::text AS filter, input_mapping::text AS input_mapping
              FROM subscriptions WHERE workspace_id = $1 AND enabled""";

    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final EventConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SubscriptionMatcher(Pool pool, ReactiveRedisDataSource redis, RedisKeys keys, EventConfig config) {
        this.pool = pool;
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** The enabled subscriptions of the workspace whose topic and filter match the event, by id. */
    public Uni<List<Candidate>> match(String workspaceId, String topic, JsonNode data) {
        return index(workspaceId).map(index -> {
            List<Candidate> matched = new ArrayList<>();
            for (Candidate candidate : index.match(topic)) {
                if (EventFilter.matches(candidate.filter(), data)) {
                    matched.add(candidate);
                }
            }
            matched.sort(Comparator.comparing(Candidate::id));
            return matched;
        });
    }

    /** Announces that the workspace's subscriptions changed (call after the change is committed). */
    public Uni<Void> changed(String workspaceId) {
        cache.remove(workspaceId);
        return redis.value(String.class, Long.class)
                .incr(keys.subscriptionsVersion(workspaceId))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "Subscription change of %s not announced (other replicas see it within %s): %s",
                            workspaceId, config.indexMaxAge(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<TopicIndex<Candidate>> index(String workspaceId) {
        return version(workspaceId).chain(version -> {
            Cached cached = cache.get(workspaceId);
            if (cached != null
                    && version != null
                    && version.equals(cached.version())
                    && cached.builtAt().plus(config.indexMaxAge()).isAfter(Instant.now())) {
                return Uni.createFrom().item(cached.index());
            }
            return load(workspaceId).invoke(index -> {
                if (version != null) {
                    cache.put(workspaceId, new Cached(version, Instant.now(), index));
                }
            });
        });
    }

    /** The workspace's change counter ("0" before any change); null when Redis cannot say (no caching then). */
    private Uni<String> version(String workspaceId) {
        return redis.value(String.class, String.class)
                .get(keys.subscriptionsVersion(workspaceId))
                .map(version -> version == null ? "0" : version)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.debugf("Subscription version of %s unavailable: %s", workspaceId, failure.getMessage());
                    return null;
                });
    }

    private Uni<TopicIndex<Candidate>> load(String workspaceId) {
        return pool.preparedQuery(ENABLED).execute(Tuple.of(workspaceId)).map(rows -> {
            List<Candidate> candidates = new ArrayList<>();
            for (Row row : rows) {
                candidates.add(new Candidate(
                        row.getString("id"),
                        row.getString("agent_id"),
                        row.getString("topic"),
                        json(row.getString("filter")),
                        json(row.getString("input_mapping"))));
            }
            return TopicIndex.of(candidates, Candidate::topic);
        });
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored subscription JSON is unreadable", e);
        }
    }
}
