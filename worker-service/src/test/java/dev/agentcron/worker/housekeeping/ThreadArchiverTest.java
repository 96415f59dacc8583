package dev.agentcron.worker.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.model.id.Ids;
import dev.agentcron.worker.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Threads idle longer than agentcron.threads.auto-archive-after-days (30) are archived by the JobRunr job. */
@QuarkusTest
class ThreadArchiverTest {

    @Inject
    ThreadArchiver archiver;

    @Test
    void archivesThreadsIdleForThirtyDaysButNotRecentOrBusyOnes() {
        String agent = Fixtures.agent("archive-model", a -> {});
        String idle = thread(agent, 31);
        String recent = thread(agent, 29);
        String busy = thread(agent, 45);
        Fixtures.update(
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status, thread_id)"
                        + " SELECT ?, id, workspace_id, 'chat', 'queued', ? FROM agents WHERE id = ?",
                Ids.next(Ids.RUN),
                busy,
                agent);

        assertThat(archiver.archive()).isGreaterThanOrEqualTo(1);

        assertThat(archivedAt(idle)).isNotNull();
        assertThat(archivedAt(recent)).isNull();
        assertThat(archivedAt(busy)).isNull();
        Object first = archivedAt(idle);
        archiver.archive();
        assertThat(archivedAt(idle)).isEqualTo(first);
    }

    private static String thread(String agent, int idleDays) {
        String id = Ids.next(Ids.THREAD);
        Fixtures.update(
                "INSERT INTO threads (id, agent_id, workspace_id, last_activity_at)"
                        + " SELECT ?, id, workspace_id, now() - make_interval(days => ?) FROM agents WHERE id = ?",
                id,
                idleDays,
                agent);
        return id;
    }

    private static Object archivedAt(String thread) {
        return Fixtures.one("SELECT archived_at FROM threads WHERE id = ?", thread)
                .get("archived_at");
    }
}
