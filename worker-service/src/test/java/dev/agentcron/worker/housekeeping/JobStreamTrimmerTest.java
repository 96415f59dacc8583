package dev.agentcron.worker.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.model.id.Ids;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
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

/** Trimming drops acknowledged jobs past the retention and never a job a worker still needs. */
@QuarkusTest
class JobStreamTrimmerTest {

    private static final String GROUP = "workers";

    @Inject
    JobStreamTrimmer trimmer;

    @Inject
    RedisDataSource redis;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteStreams() {
        redis.key().del(created.toArray(String[]::new));
    }

    private StreamCommands<String, String, String> streams() {
        return redis.stream(String.class);
    }

    /** A stream of its own with four jobs from 20 minutes ago and one from a minute ago (retention: 10 min). */
    private String streamWithJobs(List<String> ids) {
        String stream = "trim-test:" + Ids.next(Ids.RUN) + ":jobs";
        created.add(stream);
        long old = System.currentTimeMillis() - Duration.ofMinutes(20).toMillis();
        for (int i = 0; i < 4; i++) {
            ids.add(streams().xadd(stream, new XAddArgs().id(old + "-" + i), Map.of("kind", "run", "n", "" + i)));
        }
        long young = System.currentTimeMillis() - Duration.ofMinutes(1).toMillis();
        ids.add(streams().xadd(stream, new XAddArgs().id(young + "-0"), Map.of("kind", "run", "n", "4")));
        return stream;
    }

    private List<String> deliverAll(String stream) {
        streams().xgroupCreate(stream, GROUP, "0");
        return streams().xreadgroup(GROUP, "worker-a", stream, ">", new XReadGroupArgs().count(10)).stream()
                .map(StreamMessage::id)
                .toList();
    }

    private List<String> left(String stream) {
        return streams().xrange(stream, StreamRange.of("-", "+")).stream()
                .map(StreamMessage::id)
                .toList();
    }

    private long trim(String stream) {
        return trimmer.trim(stream).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void dropsAcknowledgedJobsOlderThanTheRetentionAndKeepsYoungerOnes() {
        List<String> ids = new ArrayList<>();
        String stream = streamWithJobs(ids);
        streams().xack(stream, GROUP, deliverAll(stream).toArray(String[]::new));

        assertThat(trim(stream)).isEqualTo(4);
        assertThat(left(stream)).containsExactly(ids.get(4));
    }

    @Test
    void keepsEveryJobFromTheOldestOneStillPending() {
        List<String> ids = new ArrayList<>();
        String stream = streamWithJobs(ids);
        deliverAll(stream);
        streams().xack(stream, GROUP, ids.get(0), ids.get(1), ids.get(3), ids.get(4)); // the third is still running

        assertThat(trim(stream)).isEqualTo(2);
        assertThat(left(stream)).containsExactly(ids.get(2), ids.get(3), ids.get(4));
    }

    @Test
    void keepsJobsNoWorkerWasDeliveredYet() {
        List<String> ids = new ArrayList<>();
        String stream = streamWithJobs(ids);
        streams().xgroupCreate(stream, GROUP, "0"); // nothing read yet

        assertThat(trim(stream)).isZero();
        assertThat(left(stream)).containsExactlyElementsOf(ids);
    }

    @Test
    void leavesAStreamWithoutConsumerGroupAlone() {
        List<String> ids = new ArrayList<>();
        String stream = streamWithJobs(ids);

        assertThat(trim(stream)).isZero();
        assertThat(left(stream)).containsExactlyElementsOf(ids);
    }
}
