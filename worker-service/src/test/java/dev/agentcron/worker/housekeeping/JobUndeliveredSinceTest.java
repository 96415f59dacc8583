package dev.agentcron.worker.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.model.id.Ids;
import dev.agentcron.model.queue.RedisScripts;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requeuer's view of a job stream's backlog: the time of the oldest job a consumer group was not delivered. */
@QuarkusTest
class JobUndeliveredSinceTest {

    private static final long FIRST = 1_700_000_000_000L;

    @Inject
    RedisScripts scripts;

    @Inject
    RedisDataSource redis;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteStreams() {
        if (!created.isEmpty()) {
            redis.key().del(created.toArray(String[]::new));
        }
    }

    private StreamCommands<String, String, String> streams() {
        return redis.stream(String.class);
    }

    /** A stream of its own with jobs enqueued at FIRST, FIRST + 1 s, FIRST + 2 s. */
    private String streamWithThreeJobs() {
        String stream = "backlog-test:" + Ids.next(Ids.RUN) + ":jobs";
        created.add(stream);
        for (int i = 0; i < 3; i++) {
            streams().xadd(stream, new XAddArgs().id((FIRST + i * 1000L) + "-0"), Map.of("kind", "run", "n", "" + i));
        }
        return stream;
    }

    private void deliver(String stream, String group, int count) {
        streams().xreadgroup(group, "worker-a", stream, ">", new XReadGroupArgs().count(count));
    }

    private long undeliveredSince(String stream) {
        return scripts.run("job_undelivered_since", List.of(stream), List.of())
                .await()
                .atMost(Duration.ofSeconds(10))
                .toLong();
    }

    @Test
    void isTheTimeOfTheFirstJobNotDeliveredYet() {
        String stream = streamWithThreeJobs();
        streams().xgroupCreate(stream, "workers", "0");
        deliver(stream, "workers", 2);

        assertThat(undeliveredSince(stream)).isEqualTo(FIRST + 2000);
    }

    @Test
    void isTheFirstJobWhenNoConsumerGroupReadTheStream() {
        String stream = streamWithThreeJobs();

        assertThat(undeliveredSince(stream)).isEqualTo(FIRST);
    }

    @Test
    void followsTheConsumerGroupThatIsFurthestBehind() {
        String stream = streamWithThreeJobs();
        streams().xgroupCreate(stream, "workers", "0");
        streams().xgroupCreate(stream, "auditors", "0");
        deliver(stream, "workers", 3);
        deliver(stream, "auditors", 1);

        assertThat(undeliveredSince(stream)).isEqualTo(FIRST + 1000);
    }

    @Test
    void isMinusOneWhenEveryJobWasDeliveredOrThereIsNoStream() {
        String stream = streamWithThreeJobs();
        streams().xgroupCreate(stream, "workers", "0");
        deliver(stream, "workers", 3);

        assertThat(undeliveredSince(stream)).isEqualTo(-1);
        assertThat(undeliveredSince("backlog-test:" + Ids.next(Ids.RUN) + ":missing"))
                .isEqualTo(-1);
    }
}
