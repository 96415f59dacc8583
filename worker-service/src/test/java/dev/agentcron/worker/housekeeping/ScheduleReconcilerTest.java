package dev.agentcron.worker.housekeeping;

import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.schedule.ScheduleRegistry;
import dev.agentcron.model.schedule.ScheduleTimes;
import dev.agentcron.worker.testing.EngineFixtures;
import dev.agentcron.worker.testing.EngineFixtures.Schedule;
import dev.agentcron.worker.testing.EngineProfile;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.GatewayStub;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule index is rebuilt from PostgreSQL after Redis lost it, without doubles or bursts. */
@QuarkusTest
@TestProfile(EngineProfile.class)
class ScheduleReconcilerTest {

    @Inject
    ScheduleReconciler reconciler;

    @Inject
    ScheduleRegistry registry;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    private final GatewayStub gateway = GatewayStub.current();

    private Schedule minutely(String model) {
        gateway.answer(model, sse(textStream(model, 5, 2, "ok")));
        String agent = Fixtures.agent(model, a -> {});
        return EngineFixtures.schedule(
                agent, "{\"kind\":\"cron\",\"cron\":\"* * * * *\",\"catchup_window_seconds\":300}");
    }

    private boolean indexed(Schedule schedule) {
        return redis.sortedSet(String.class)
                .zscore(keys.scheduleIndex(keys.partitionOf(schedule.agentId())), schedule.id())
                .isPresent();
    }

    private void forget(Schedule schedule) {
        int partition = keys.partitionOf(schedule.agentId());
        redis.sortedSet(String.class).zrem(keys.scheduleIndex(partition), schedule.id());
        redis.key().del(keys.scheduleSpec(partition, schedule.id()));
    }

    @Test
    void aScheduleRedisLostFiresItsLatestMissedOccurrenceOnceAndCountsTheRest() {
        EngineFixtures.awaitEarlyInAMinute();
        Schedule schedule = minutely("reconcile-lost");
        Instant lastAdmitted = ScheduleTimes.next(schedule.spec(), Instant.now().minus(Duration.ofMinutes(4)));
        Fixtures.update(
                "UPDATE schedules SET last_scheduled_for = ? WHERE id = ?",
                Timestamp.from(lastAdmitted),
                schedule.id());
        Instant latest = ScheduleTimes.next(schedule.spec(), lastAdmitted.plusMillis(1), 10).stream()
                .filter(t -> !t.isAfter(Instant.now()))
                .reduce((a, b) -> b)
                .orElseThrow();

        reconciler.reconcileNow().await().atMost(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !Fixtures.rows("SELECT id FROM runs WHERE schedule_id = ?", schedule.id())
                        .isEmpty());
        List<Instant> fired =
                Fixtures.rows("SELECT scheduled_for FROM runs WHERE schedule_id = ?", schedule.id()).stream()
                        .map(row -> ((Timestamp) row.get("scheduled_for")).toInstant())
                        .toList();
        assertThat(fired).containsExactly(latest);
        assertThat(indexed(schedule)).isTrue();

        // a second reconciliation changes nothing: no double (the next minute's occurrence may fire meanwhile)
        reconciler.reconcileNow().await().atMost(Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> Fixtures.rows(
                                        "SELECT id FROM runs WHERE schedule_id = ? AND scheduled_for <= ?",
                                        schedule.id(),
                                        Timestamp.from(latest))
                                .size()
                        == 1);
        registry.unregister(schedule.id(), schedule.agentId(), Long.MAX_VALUE)
                .await()
                .atMost(Duration.ofSeconds(5));
    }

    @Test
    void entriesOfSchedulesThatNoLongerFireAreRemoved() {
        Schedule deleted = minutely("reconcile-deleted");
        Schedule paused = minutely("reconcile-paused");
        for (Schedule schedule : List.of(deleted, paused)) {
            registry.register(
                            schedule.id(),
                            schedule.agentId(),
                            1,
                            schedule.spec(),
                            Instant.now().plusSeconds(3600))
                    .await()
                    .atMost(Duration.ofSeconds(5));
        }
        Fixtures.update("DELETE FROM schedules WHERE id = ?", deleted.id());
        Fixtures.update("UPDATE agents SET status = 'paused', updated_at = now() WHERE id = ?", paused.agentId());

        reconciler.reconcileNow().await().atMost(Duration.ofSeconds(30));

        assertThat(indexed(deleted)).isFalse();
        assertThat(indexed(paused)).isFalse();
    }

    @Test
    void anUpToDateEntryIsLeftAsItIs() {
        Schedule schedule = minutely("reconcile-current");
        long version = Long.MAX_VALUE / 2;
        Instant next = registry.register(
                        schedule.id(),
                        schedule.agentId(),
                        version,
                        schedule.spec(),
                        Instant.now().plusSeconds(3600))
                .await()
                .atMost(Duration.ofSeconds(5));

        reconciler.reconcileNow().await().atMost(Duration.ofSeconds(30));

        String stored = redis.hash(String.class)
                .hget(keys.scheduleSpec(keys.partitionOf(schedule.agentId()), schedule.id()), "next");
        assertThat(stored).isEqualTo(Long.toString(next.toEpochMilli()));
        forget(schedule);
    }
}
