package dev.agentcron.worker.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.model.id.Ids;
import dev.agentcron.model.limit.DailyLimitKind;
import dev.agentcron.model.limit.DailyLimiter;
import dev.agentcron.model.limit.DailyReservation;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.worker.testing.Fixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily-limit counters of {@code dev.agentcron.model.limit}, against the real Redis and PostgreSQL. */
@QuarkusTest
class DailyLimiterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    DailyLimiter limiter;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Test
    void aMissingTaskCounterIsRebuiltFromTodaysStartedRuns() {
        String agent = Fixtures.agent("limit-model", a -> a.dailyLimit = 5);
        insertRun(agent, "success", "schedule", "now()");
        insertRun(agent, "error", "manual", "now()");
        insertRun(agent, "skipped", "schedule", "now()");
        insertRun(agent, "success", "chat", "now()");
        insertRun(agent, "success", "schedule", "now() - interval '2 days'");

        DailyReservation first = limiter.reserve(agent, DailyLimitKind.STARTED_RUNS, 5, 1)
                .await()
                .atMost(WAIT);

        assertThat(first.granted()).isEqualTo(1);
        assertThat(limiter.usedToday(agent, DailyLimitKind.STARTED_RUNS).await().atMost(WAIT))
                .isEqualTo(3L);
        String key = keys.dailyCounter(agent, limiter.today());
        assertThat(redis.key().ttl(key))
                .isBetween(
                        Duration.ofHours(47).toSeconds(), Duration.ofHours(48).toSeconds());
    }

    @Test
    void grantsOnlyWhatIsLeftAndReleasesNeverBelowZero() {
        String agent = Fixtures.agent("limit-model", a -> {});

        DailyReservation three = limiter.reserve(agent, DailyLimitKind.DRAFT_OUTPUTS, 4, 3)
                .await()
                .atMost(WAIT);
        DailyReservation rest = limiter.reserve(agent, DailyLimitKind.DRAFT_OUTPUTS, 4, 3)
                .await()
                .atMost(WAIT);
        DailyReservation none = limiter.reserve(agent, DailyLimitKind.DRAFT_OUTPUTS, 4, 3)
                .await()
                .atMost(WAIT);

        assertThat(three.granted()).isEqualTo(3);
        assertThat(rest.granted()).isEqualTo(1);
        assertThat(none.isEmpty()).isTrue();

        limiter.release(three, 2).await().atMost(WAIT);
        assertThat(limiter.usedToday(agent, DailyLimitKind.DRAFT_OUTPUTS)
                        .await()
                        .atMost(WAIT))
                .isEqualTo(2L);
        limiter.release(rest, 5).await().atMost(WAIT);
        limiter.release(three, 3).await().atMost(WAIT);
        assertThat(limiter.usedToday(agent, DailyLimitKind.DRAFT_OUTPUTS)
                        .await()
                        .atMost(WAIT))
                .isEqualTo(0L);
    }

    @Test
    void concurrentReservationsOnAMissingCounterNeverGrantMoreThanTheLimit() {
        String agent = Fixtures.agent("limit-model", a -> {});
        insertRun(agent, "success", "manual", "now()");
        insertRun(agent, "success", "manual", "now()");
        List<Uni<DailyReservation>> reservations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reservations.add(limiter.reserve(agent, DailyLimitKind.STARTED_RUNS, 7, 1));
        }

        List<DailyReservation> granted =
                Uni.join().all(reservations).andFailFast().await().atMost(WAIT);

        assertThat(granted.stream().mapToInt(DailyReservation::granted).sum()).isEqualTo(5);
        assertThat(limiter.usedToday(agent, DailyLimitKind.STARTED_RUNS).await().atMost(WAIT))
                .isEqualTo(7L);
    }

    private static void insertRun(String agentId, String status, String trigger, String queuedAt) {
        Fixtures.update(
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status, queued_at)"
                        + " SELECT ?, id, workspace_id, ?, ?, " + queuedAt + " FROM agents WHERE id = ?",
                Ids.next(Ids.RUN),
                trigger,
                status,
                agentId);
    }
}
