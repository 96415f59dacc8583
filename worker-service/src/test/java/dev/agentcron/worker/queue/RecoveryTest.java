package dev.agentcron.worker.queue;

import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.worker.housekeeping.StaleRunRequeuer;
import dev.agentcron.worker.run.CancellationToken;
import dev.agentcron.worker.testing.EngineFixtures;
import dev.agentcron.worker.testing.EngineProfile;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import dev.agentcron.worker.testing.RunEvents;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XClaimArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a vanished worker leaves behind is ended, handed over or dead-lettered; nothing is lost or run twice. */
@QuarkusTest
@TestProfile(EngineProfile.class)
class RecoveryTest {

    private static final Duration RECOVERY = Duration.ofSeconds(2 * EngineProfile.LEASE_SECONDS + 10);

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    JobQueue queue;

    @Inject
    WorkerSettings settings;

    @Inject
    StaleRunRequeuer requeuer;

    @Inject
    LeaseRenewer renewer;

    @Inject
    HeldRuns held;

    @Inject
    WorkerIdentity identity;

    private final GatewayStub gateway = GatewayStub.current();

    private String answeringAgent(String model) {
        gateway.answer(model, sse(textStream(model, 5, 2, "recovered")));
        return Fixtures.agent(model, a -> {});
    }

    @Test
    void aRunWhoseWorkerVanishedEndsWorkerLost() {
        String agent = answeringAgent("lost-worker");
        String runId = EngineFixtures.abandonedRun(agent, "running");

        await().atMost(RECOVERY).until(() -> "error".equals(Fixtures.run(runId).get("status")));

        Map<String, Object> run = Fixtures.run(runId);
        assertThat((String) run.get("error")).contains("\"code\": \"worker_lost\"");
        assertThat(run.get("completed_at")).isNotNull();
        assertThat(run).containsEntry("worker_id", null).containsEntry("lease_expires_at", null);
        assertThat(Fixtures.agentRow(agent)).containsEntry("last_run_status", "error");
        assertThat(new RunEvents(redis, keys).names(runId)).containsExactly("thread.run.failed");
    }

    @Test
    void aCancellingRunWhoseWorkerVanishedEndsCancelled() {
        String agent = answeringAgent("lost-cancelling");
        String runId = EngineFixtures.abandonedRun(agent, "cancelling");

        await().atMost(RECOVERY)
                .until(() -> "cancelled".equals(Fixtures.run(runId).get("status")));
        assertThat(Fixtures.run(runId)).containsEntry("error", null);
    }

    @Test
    void aJobDeliveredToAWorkerThatDiedIsTakenOverAndRunOnce() {
        String agent = answeringAgent("stuck-delivery");
        String runId = EngineFixtures.queuedRun(agent, "manual");
        String stream = keys.interactiveJobs(keys.partitionOf(agent));
        stopConsumingWhile(() -> {
            queue.enqueue(Job.run(runId, agent), true).await().atMost(Duration.ofSeconds(5));
            // a worker reads the job, then dies before claiming the run
            List<StreamMessage<String, String, String>> read = redis.stream(String.class)
                    .xreadgroup(settings.group(), "dead-worker", stream, ">", new XReadGroupArgs().count(100));
            assertThat(read).extracting(StreamMessage::id).isNotEmpty();
        });

        await().atMost(RECOVERY)
                .until(() -> "success".equals(Fixtures.run(runId).get("status")));
        assertThat(Fixtures.run(runId)).containsEntry("attempt", 1).containsEntry("output", "recovered");
        assertThat(gateway.requests("stuck-delivery")).hasSize(1);
    }

    @Test
    void aJobDeliveredTooOftenGoesToTheDeadLetterStream() {
        String agent = answeringAgent("poison");
        String runId = EngineFixtures.queuedRun(agent, "manual");
        int partition = keys.partitionOf(agent);
        String stream = keys.interactiveJobs(partition);
        String[] entry = new String[1];
        stopConsumingWhile(() -> {
            entry[0] = queue.enqueue(Job.run(runId, agent), true).await().atMost(Duration.ofSeconds(5));
            redis.stream(String.class)
                    .xreadgroup(settings.group(), "crashing-worker", stream, ">", new XReadGroupArgs().count(100));
            // it crashed on this job again and again
            redis.stream(String.class)
                    .xclaim(
                            stream,
                            settings.group(),
                            "crashing-worker",
                            Duration.ZERO,
                            new XClaimArgs().idle(Duration.ofMinutes(1)).retryCount(settings.maxDeliveries()),
                            entry[0]);
        });

        await().atMost(RECOVERY)
                .until(() ->
                        redis.stream(String.class)
                                .xrange(keys.deadLetters(partition), StreamRange.of("-", "+"))
                                .stream()
                                .anyMatch(dead -> entry[0].equals(dead.payload().get("source_id"))));
        assertThat(redis.stream(String.class).xpending(stream, settings.group(), StreamRange.of("-", "+"), 100).stream()
                        .map(PendingMessage::getMessageId))
                .doesNotContain(entry[0]);
        assertThat(Fixtures.run(runId)).containsEntry("status", "queued");
    }

    @Test
    void aQueuedRunWhoseJobWasLostIsEnqueuedAgain() {
        String agent = answeringAgent("lost-job");
        String runId = EngineFixtures.queuedRun(agent, "manual");
        Fixtures.update("UPDATE runs SET queued_at = now() - interval '5 minutes' WHERE id = ?", runId);

        requeuer.requeue();

        await().atMost(RECOVERY)
                .until(() -> "success".equals(Fixtures.run(runId).get("status")));
    }

    @Test
    void staleQueuedRunsInABacklogAreNotEnqueuedAgainAndALostOneIsOnceTheBacklogPassedIt() {
        String agent = answeringAgent("behind-backlog");
        String stream = queue.streamOf(agent, true);
        String[] waiting = new String[1];
        String[] lost = new String[1];
        stopConsumingWhile(() -> {
            waiting[0] = EngineFixtures.queuedRun(agent, "manual");
            queue.enqueue(Job.run(waiting[0], agent), true).await().atMost(Duration.ofSeconds(10));
            lost[0] = EngineFixtures.queuedRun(agent, "manual"); // its job never reached Redis

            requeuer.requeueOlderThan(Duration.ZERO);

            assertThat(jobsOf(stream, waiting[0]))
                    .as("its job waits at the head of the backlog")
                    .hasSize(1);
            assertThat(jobsOf(stream, lost[0]))
                    .as("its job may still wait behind the backlog")
                    .isEmpty();
        });

        await().atMost(RECOVERY)
                .until(() -> "success".equals(Fixtures.run(waiting[0]).get("status")));
        // the backlog is delivered and the lost run still has no job: now it is enqueued again
        await().atMost(RECOVERY).until(() -> {
            requeuer.requeueOlderThan(Duration.ZERO);
            return "success".equals(Fixtures.run(lost[0]).get("status"));
        });
        assertThat(jobsOf(stream, waiting[0])).hasSize(1);
        assertThat(jobsOf(stream, lost[0])).hasSize(1);
    }

    private List<String> jobsOf(String stream, String runId) {
        return redis.stream(String.class).xrange(stream, StreamRange.of("-", "+")).stream()
                .filter(entry -> runId.equals(entry.payload().get("run_id")))
                .map(StreamMessage::id)
                .toList();
    }

    @Inject
    JobConsumer consumer;

    /** Runs {@code action} while this worker's consumer takes nothing, as if another worker had the jobs. */
    @Test
    void aRunEndedByThisWorkerWhileItsLeaseIsRenewedIsNotTakenForLost() {
        String agent = answeringAgent("ended-while-renewing");
        String ended = runOfThisWorker(agent, "success");
        String cancelling = runOfThisWorker(agent, "cancelling");
        String takenOver = EngineFixtures.abandonedRun(agent, "running");
        Fixtures.update("UPDATE runs SET status = 'error', worker_id = NULL WHERE id = ?", takenOver);
        CancellationToken endedToken = new CancellationToken();
        CancellationToken cancellingToken = new CancellationToken();
        CancellationToken takenOverToken = new CancellationToken();
        held.hold(new HeldRuns.Held(ended, 1, endedToken));
        held.hold(new HeldRuns.Held(cancelling, 1, cancellingToken));
        held.hold(new HeldRuns.Held(takenOver, 1, takenOverToken));
        try {
            renewer.renewAll().await().atMost(Duration.ofSeconds(10));

            assertThat(endedToken.isCancelled()).as("the run this worker ended").isFalse();
            assertThat(cancellingToken.reason()).isEqualTo("cancelled");
            assertThat(takenOverToken.reason()).isEqualTo("lease_lost");
        } finally {
            held.release(ended);
            held.release(cancelling);
            held.release(takenOver);
        }
    }

    private String runOfThisWorker(String agent, String status) {
        String runId = Fixtures.claimedRun(agent);
        Fixtures.update("UPDATE runs SET worker_id = ?, status = ? WHERE id = ?", identity.id(), status, runId);
        return runId;
    }

    private void stopConsumingWhile(Runnable action) {
        consumer.stop();
        try {
            action.run();
        } finally {
            consumer.start();
        }
    }
}
