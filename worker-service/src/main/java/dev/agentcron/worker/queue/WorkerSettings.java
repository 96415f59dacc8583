package dev.agentcron.worker.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** How a worker process takes, holds and hands back work. */
@ConfigMapping(prefix = "agentcron.worker")
public interface WorkerSettings {

    /** This worker's name in leases and consumer groups; default: host name and process id. */
    Optional<String> id();

    /** Runs one worker process executes at once. */
    @WithDefault("32")
    int concurrency();

    /** How long a claimed run stays ours without renewal; also the idle time after which a delivered job is reclaimed. */
    @WithDefault("30s")
    Duration lease();

    /** How often held leases are renewed (well under {@link #lease()}). */
    @WithDefault("10s")
    Duration leaseRenewInterval();

    /** How often the recoverer looks for expired leases and stuck deliveries. */
    @WithDefault("5s")
    Duration recoverInterval();

    /** Pause between stream reads when there was nothing to read. */
    @WithDefault("20ms")
    Duration idlePoll();

    /** How often the ticker looks for due schedules. */
    @WithDefault("100ms")
    Duration tickInterval();

    /** Due schedules the ticker fires per round at most. */
    @WithDefault("2000")
    int tickBatch();

    /** Deliveries after which a job that keeps failing goes to the dead-letter stream. */
    @WithDefault("5")
    int maxDeliveries();

    /**
     * Attempts a run gets when its worker vanishes; after the last one it ends {@code error: worker_lost}. The
     * default runs nothing twice: a lost run may already have called tools or saved drafts.
     */
    @WithDefault("1")
    int maxAttempts();

    /** On shutdown: how long running runs may take to finish before they are handed back. */
    @WithDefault("20s")
    Duration shutdownGrace();

    /**
     * Which loops this process runs: {@code ticker}, {@code consumer}, {@code recovery}, {@code housekeeping},
     * or {@code none} (maintenance, tests). A fleet may split them, e.g. a few ticker pods and many consumers.
     */
    @WithDefault("ticker,consumer,recovery,housekeeping")
    Set<Role> roles();

    /** A background loop of the worker. */
    enum Role {
        TICKER,
        CONSUMER,
        RECOVERY,
        HOUSEKEEPING,
        NONE
    }

    /** Whether this process runs the given loop. */
    default boolean runs(Role role) {
        return roles().contains(role);
    }

    /** Consumer group name shared by all workers. */
    @WithDefault("workers")
    String group();
}
