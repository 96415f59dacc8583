package dev.agentcron.model.queue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Puts jobs on the partition's streams: interactive work (manual runs, chat) never waits behind scheduled work. */
@ApplicationScoped
public class JobQueue {

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public JobQueue(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** XADDs the job to its agent's partition; returns the stream entry id. */
    public Uni<String> enqueue(Job job, boolean interactive) {
        String stream = streamOf(job.agentId(), interactive);
        List<String> fields = job.toFields();
        String[] args = new String[2 + fields.size()];
        args[0] = stream;
        args[1] = "*";
        for (int i = 0; i < fields.size(); i++) {
            args[2 + i] = fields.get(i);
        }
        return redis.execute("XADD", args).map(response -> response.toString());
    }

    /** The stream an agent's interactive or scheduled jobs go to. */
    public String streamOf(String agentId, boolean interactive) {
        int partition = keys.partitionOf(agentId);
        return interactive ? keys.interactiveJobs(partition) : keys.scheduledJobs(partition);
    }
}
