package dev.agentcron.model.queue;

import dev.agentcron.model.config.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * Every Redis key name of agentcron, built in this one place. Queue keys carry a hash tag per partition
 * ({@code {p0}}) so each Lua script touches a single Redis Cluster slot; per-run, per-agent and per-key
 * keys are tagged by their own id.
 */
@ApplicationScoped
public class RedisKeys {

    private final String prefix;
    private final int partitions;

    @Inject
    public RedisKeys(RedisSettings settings) {
        this(settings.keyPrefix(), settings.partitions());
    }

    public RedisKeys(String prefix, int partitions) {
        this.prefix = prefix;
        this.partitions = partitions;
    }

    public String prefix() {
        return prefix;
    }

    public int partitions() {
        return partitions;
    }

    /** The partition an agent's work belongs to. */
    public int partitionOf(String id) {
        return Math.floorMod(id.hashCode(), partitions);
    }

    private String tag(int partition) {
        return prefix + ":{p" + partition + "}:";
    }

    /** Stream of chat and manual-run jobs; always read before the scheduled stream. */
    public String interactiveJobs(int partition) {
        return tag(partition) + "jobs:interactive";
    }

    /** Stream of jobs fired by schedules and events. */
    public String scheduledJobs(int partition) {
        return tag(partition) + "jobs:scheduled";
    }

    /** Stream of jobs delivered too many times. */
    public String deadLetters(int partition) {
        return tag(partition) + "jobs:dead";
    }

    /** Sorted set: schedule id → epoch ms of its next due time (jitter included). */
    public String scheduleIndex(int partition) {
        return tag(partition) + "schedules:due";
    }

    /** Hash: a schedule's normalized spec and what its runs need (agent, input). */
    public String scheduleSpec(int partition, String scheduleId) {
        return tag(partition) + "schedule:" + scheduleId;
    }

    /** Stream of a run's events (SSE ids are its entry ids). */
    public String runEvents(String runId) {
        return prefix + ":{" + runId + "}:events";
    }

    /**
     * Pub/sub channel on which every append to a run's event stream announces the run id (in the same script
     * as the XADD), so api-service replicas wake the connections of that run without reading every stream.
     */
    public String runEventsChannel() {
        return prefix + ":runs:events";
    }

    /** Counter of an agent's outputs or started runs on one UTC day (daily_limit). */
    public String dailyCounter(String agentId, LocalDate utcDay) {
        return prefix + ":{" + agentId + "}:daily:" + utcDay;
    }

    /** Stored first response of an Idempotency-Key, per API key. */
    public String idempotency(String apiKeyId, String idempotencyKey) {
        return prefix + ":{" + apiKeyId + "}:idem:" + idempotencyKey;
    }

    /** Token bucket of an API key's rate limit. */
    public String rateLimit(String apiKeyId) {
        return prefix + ":{" + apiKeyId + "}:rate";
    }

    /** Pub/sub channel announcing revoked API keys to every api-service replica. */
    public String keyRevocations() {
        return prefix + ":keys:revoked";
    }

    /** Marker that a stuck queued run was enqueued again recently (so it is not enqueued on every round). */
    public String requeued(String runId) {
        return prefix + ":{" + runId + "}:requeued";
    }

    /**
     * Counter bumped whenever a workspace's event subscriptions change: api replicas compare it with the version
     * of their cached topic index before matching an event.
     */
    public String subscriptionsVersion(String workspaceId) {
        return prefix + ":{" + workspaceId + "}:subs:version";
    }

    /** Pub/sub channel announcing that a run should stop (cancel). */
    public String runCancellations() {
        return prefix + ":runs:cancel";
    }
}
