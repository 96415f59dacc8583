package dev.agentcron.worker.housekeeping;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the job streams bounded: an acknowledged job is not needed any more (its run is in PostgreSQL), so the
 * {@code job_stream_trim} script drops every entry older than both the oldest one still pending or undelivered
 * and {@code agentcron.housekeeping.job-stream-retention}. Without it each stream grows by one entry per job
 * for ever.
 */
@ApplicationScoped
@Unremovable
public class JobStreamTrimmer {

    private static final Logger LOG = Logger.getLogger(JobStreamTrimmer.class);
    private static final String TRIM = "job_stream_trim";

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final HousekeepingSettings settings;
    private final Clock clock = Clock.systemUTC();

    public JobStreamTrimmer(RedisScripts scripts, RedisKeys keys, HousekeepingSettings settings) {
        this.scripts = scripts;
        this.keys = keys;
        this.settings = settings;
    }

    /** Trims the interactive and scheduled job streams of every partition. */
    public void trimAll() {
        List<String> streams = new ArrayList<>();
        for (int p = 0; p < keys.partitions(); p++) {
            streams.add(keys.interactiveJobs(p));
            streams.add(keys.scheduledJobs(p));
        }
        long trimmed = Multi.createFrom()
                .iterable(streams)
                .onItem()
                .transformToUniAndConcatenate(this::trim)
                .collect()
                .with(Collectors.summingLong(Long::longValue))
                .await()
                .atMost(Duration.ofMinutes(1));
        if (trimmed > 0) {
            LOG.infof(
                    "Trimmed %d acknowledged job(s) older than %s from the job streams",
                    trimmed, settings.jobStreamRetention());
        }
    }

    /** Trims one stream; returns how many entries it dropped. */
    public Uni<Long> trim(String stream) {
        long keepFrom = clock.millis() - settings.jobStreamRetention().toMillis();
        return scripts.run(TRIM, List.of(stream), List.of(Long.toString(keepFrom)))
                .map(trimmed -> trimmed.toLong());
    }
}
