package dev.agentcron.worker.housekeeping;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Cluster-wide housekeeping run by JobRunr (one worker runs each job each time). */
@ConfigMapping(prefix = "agentcron.housekeeping")
public interface HousekeepingSettings {

    /** How often JobRunr looks for due housekeeping jobs (at least 5 s). */
    @WithDefault("5s")
    Duration pollInterval();

    /** How often the schedule index in Redis is rebuilt from PostgreSQL. */
    @WithDefault("60s")
    Duration reconcileInterval();

    /** How often queued runs that no worker picked up are enqueued again. */
    @WithDefault("15s")
    Duration requeueInterval();

    /** A queued run older than this, with no worker on it, is enqueued again. */
    @WithDefault("30s")
    Duration requeueAfter();

    /** How often old runs are deleted. */
    @WithDefault("1h")
    Duration retentionInterval();

    /** Finished runs (with their steps) older than this are deleted. */
    @WithDefault("90d")
    Duration runRetention();

    /**
     * Published events older than this are deleted from the event log. Keep it above the api-service's
     * {@code agentcron.events.dedup-window} (24 h): a repeated client event id is recognised only while its first
     * event is kept.
     */
    @WithDefault("7d")
    Duration eventRetention();

    /** How often acknowledged jobs are trimmed from the job streams. */
    @WithDefault("1m")
    Duration jobStreamTrimInterval();

    /** Acknowledged jobs younger than this stay in the job streams (for inspection with XRANGE). */
    @WithDefault("10m")
    Duration jobStreamRetention();

    /** How often idle threads are archived. */
    @WithDefault("1h")
    Duration archiveInterval();
}
