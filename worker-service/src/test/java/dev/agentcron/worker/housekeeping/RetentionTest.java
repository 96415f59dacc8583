package dev.agentcron.worker.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.model.id.Ids;
import dev.agentcron.worker.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Retention deletes finished runs and published events past their retention, and nothing younger. */
@QuarkusTest
class RetentionTest {

    @Inject
    RunRetention retention;

    private static String finishedRun(String agentId, String completedAgo) {
        String run = Fixtures.claimedRun(agentId);
        Fixtures.update(
                "UPDATE runs SET status = 'success', completed_at = now() - ?::interval WHERE id = ?",
                completedAgo,
                run);
        return run;
    }

    private static String event(String workspaceId, String publishedAgo) {
        String id = Ids.next(Ids.EVENT);
        Fixtures.update(
                "INSERT INTO events (id, workspace_id, client_id, topic, response, created_at)"
                        + " VALUES (?, ?, ?, 'orders.created', '{}'::jsonb, now() - ?::interval)",
                id,
                workspaceId,
                "client-" + id,
                publishedAgo);
        return id;
    }

    @Test
    void runsFinishedBeforeTheRetentionAreDeletedWithTheirStepsAndYoungerOnesStay() {
        String agent = Fixtures.agent("retention-model", a -> {});
        String old = finishedRun(agent, "91 days");
        String recent = finishedRun(agent, "89 days");
        String running = Fixtures.claimedRun(agent);
        Fixtures.update(
                "INSERT INTO run_steps (run_id, attempt, seq, kind, outcome) VALUES (?, 1, 1, 'model_call', 'success')",
                old);

        retention.purge();

        assertThat(Fixtures.rows("SELECT id FROM runs WHERE agent_id = ?", agent))
                .extracting(row -> row.get("id"))
                .containsExactlyInAnyOrder(recent, running);
        assertThat(Fixtures.rows("SELECT id FROM run_steps WHERE run_id = ?", old))
                .isEmpty();
    }

    @Test
    void eventsPublishedBeforeTheRetentionAreDeletedAndTheirClientIdsForgotten() {
        String workspace = Fixtures.workspace();
        event(workspace, "8 days");
        String recent = event(workspace, "6 days");

        retention.purge();

        assertThat(Fixtures.rows("SELECT id FROM events WHERE workspace_id = ?", workspace))
                .extracting(row -> row.get("id"))
                .containsExactly(recent);
    }
}
