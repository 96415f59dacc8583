package dev.agentcron.worker.schedule;

import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import dev.agentcron.model.schedule.ScheduleRegistry;
import dev.agentcron.model.schedule.ScheduleTimes;
import dev.agentcron.worker.testing.EngineFixtures;
import dev.agentcron.worker.testing.EngineFixtures.Schedule;
import dev.agentcron.worker.testing.EngineProfile;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The ticker fires each occurrence once, runs it through the consumer, and catches up without bursts. */
@QuarkusTest
@TestProfile(EngineProfile.class)
class SchedulingTest {

    @Inject
    ScheduleRegistry registry;

    @Inject
    ScheduleTicker ticker;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    RedisScripts scripts;

    private final GatewayStub gateway = GatewayStub.current();

    private String answeringAgent(String model) {
        gateway.answer(model, sse(textStream(model, 5, 2, "done")));
        return Fixtures.agent(model, a -> {});
    }

    private Instant register(Schedule schedule, Instant from) {
        return registry.register(schedule.id(), schedule.agentId(), System.currentTimeMillis(), schedule.spec(), from)
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private void unregister(Schedule schedule) {
        registry.unregister(schedule.id(), schedule.agentId(), System.currentTimeMillis() + 1)
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    private static List<Instant> occurrencesOf(String scheduleId) {
        return Fixtures.rows("SELECT scheduled_for FROM runs WHERE schedule_id = ? ORDER BY scheduled_for", scheduleId)
                .stream()
                .map(row -> ((java.sql.Timestamp) row.get("scheduled_for")).toInstant())
                .toList();
    }

    @Test
    void firesEveryOccurrenceExactlyOnceWhileOtherTickersCompete() throws Exception {
        String agent = answeringAgent("every-second");
        Fixtures.update("UPDATE agents SET overlap = 'allow' WHERE id = ?", agent);
        Schedule schedule = EngineFixtures.schedule(agent, "\"* * * * * *\"");
        AtomicBoolean competing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> rivals = List.of(rival(competing), rival(competing));

        Instant first = register(schedule, Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> occurrencesOf(schedule.id()).size() >= 5);
        unregister(schedule);
        competing.set(false);
        CompletableFuture.allOf(rivals.toArray(CompletableFuture[]::new)).get();

        List<Instant> fired = occurrencesOf(schedule.id());
        assertThat(fired.get(0)).isEqualTo(first);
        for (int i = 1; i < fired.size(); i++) {
            assertThat(fired.get(i)).isEqualTo(fired.get(i - 1).plusSeconds(1)); // no gap, no double
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(EngineFixtures.runsOf(agent)).allSatisfy(run -> assertThat(run)
                        .containsEntry("status", "success")
                        .containsEntry("trigger", "schedule")
                        .containsEntry("worker_id", "engine-test-worker")));
    }

    /** Another ticker replica firing the same partition as fast as it can. */
    private CompletableFuture<Void> rival(AtomicBoolean competing) {
        return CompletableFuture.runAsync(() -> {
            while (competing.get()) {
                ticker.tickPartition(keys.partitionOf("any")).await().atMost(Duration.ofSeconds(10));
            }
        });
    }

    @Test
    void aScheduleTakenByATickerThatDiedFiresWhenItsLeaseEnds() {
        String agent = answeringAgent("orphaned-take");
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = EngineFixtures.schedule(agent, "\"at(" + at + ")\"");
        register(schedule, Instant.now());
        long leaseEnd = at.plusSeconds(2).toEpochMilli();

        // a rival ticker takes it (as if it were due already) and dies before firing it
        List<String> taken = scripts.run(
                        "schedule_take",
                        List.of(keys.scheduleIndex(keys.partitionOf(agent))),
                        List.of(Long.toString(at.toEpochMilli()), "10000", Long.toString(leaseEnd)))
                .map(response -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < response.size(); i += 2) { // id, score, id, score...
                        ids.add(response.get(i).toString());
                    }
                    return ids;
                })
                .await()
                .atMost(Duration.ofSeconds(5));

        assertThat(taken).contains(schedule.id());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> occurrencesOf(schedule.id()).size() == 1);
        assertThat(occurrencesOf(schedule.id())).containsExactly(at);
        Instant admitted = ((java.sql.Timestamp)
                        Fixtures.rows("SELECT queued_at FROM runs WHERE schedule_id = ?", schedule.id())
                                .get(0)
                                .get("queued_at"))
                .toInstant();
        assertThat(admitted).isAfterOrEqualTo(Instant.ofEpochMilli(leaseEnd)); // not before the rival's lease ended
    }

    @Test
    void afterAnOutageRunsOneLateOccurrenceAndCountsTheMissedOnes() {
        EngineFixtures.awaitEarlyInAMinute();
        String agent = answeringAgent("catch-up");
        Schedule schedule = EngineFixtures.schedule(
                agent, "{\"kind\":\"cron\",\"cron\":\"* * * * *\"," + "\"catchup_window_seconds\":300}");
        Instant outageStart = Instant.now().minus(Duration.ofMinutes(10));
        List<Instant> due = ScheduleTimes.next(schedule.spec(), outageStart, 10);
        Instant latest = ScheduleTimes.next(schedule.spec(), outageStart, 20).stream()
                .filter(t -> !t.isAfter(Instant.now()))
                .reduce((a, b) -> b)
                .orElseThrow();

        register(schedule, outageStart);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> occurrencesOf(schedule.id()).size() == 1);
        assertThat(occurrencesOf(schedule.id())).containsExactly(latest);
        long missed = ScheduleTimes.next(schedule.spec(), due.get(0), 20).stream()
                        .filter(t -> !t.isAfter(latest))
                        .count()
                - 1;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        ((Number) EngineFixtures.scheduleRow(schedule.id()).get("missed_count")).longValue())
                .isEqualTo(missed));
        unregister(schedule);
    }

    @Test
    void aOnceScheduleFiresOnceAndLeavesTheIndex() {
        String agent = answeringAgent("once");
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = EngineFixtures.schedule(agent, "\"at(" + at + ")\"");

        register(schedule, Instant.now());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> occurrencesOf(schedule.id()).size() == 1);
        assertThat(occurrencesOf(schedule.id())).containsExactly(at);
        assertThat(redis.sortedSet(String.class).zscore(keys.scheduleIndex(keys.partitionOf(agent)), schedule.id()))
                .isEmpty();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> occurrencesOf(schedule.id()).size() == 1);
    }

    @Test
    void aPausedAgentNeverFires() {
        String agent = answeringAgent("paused");
        Fixtures.update("UPDATE agents SET status = 'paused' WHERE id = ?", agent);
        Schedule schedule = EngineFixtures.schedule(agent, "\"* * * * * *\"");

        register(schedule, Instant.now());

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> EngineFixtures.runsOf(agent)
                .isEmpty());
        Map<String, Object> row = EngineFixtures.scheduleRow(schedule.id());
        assertThat(row.get("last_scheduled_for")).isNotNull(); // occurrences were seen and dropped, not queued
        unregister(schedule);
    }

    /**
     * A tick with a few hundred due schedules sends two Redis commands per schedule, 64 schedules at a time,
     * while consumers, lease work and run events share the pool: requests must wait for a connection rather
     * than fail (the client's default wait queue of 24 failed fires and run events at 200 schedules).
     */
    @Test
    void aBurstOfRedisRequestsAsLargeAsATickWaitsForConnectionsInsteadOfFailing() {
        String key = keys.scheduleSpec(0, "burst-probe");
        redis.hash(String.class).hset(key, Map.of("version", "1", "spec", "{}"));
        List<Uni<Map<String, String>>> burst = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            burst.add(reactiveRedis.hash(String.class).hmget(key, "version", "spec"));
        }

        List<Map<String, String>> answers =
                Uni.join().all(burst).andFailFast().await().atMost(Duration.ofSeconds(30));

        assertThat(answers).hasSize(512).allSatisfy(fields -> assertThat(fields).containsEntry("version", "1"));
        redis.key().del(key);
    }
}
