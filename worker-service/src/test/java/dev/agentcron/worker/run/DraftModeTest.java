package dev.agentcron.worker.run;

import static dev.agentcron.worker.testing.GatewayStub.sse;
import static dev.agentcron.worker.testing.GatewayStub.textStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.limit.DailyLimitKind;
import dev.agentcron.model.limit.DailyLimiter;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.testing.Fixtures;
import dev.agentcron.worker.testing.RunEvents;
import dev.agentcron.worker.testing.RuntimeTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Draft mode (seed 000): drafts for review, within the agent's daily limit. */
@QuarkusTest
class DraftModeTest extends RuntimeTest {

    @Inject
    DailyLimiter limiter;

    @Test
    void grantsThreeThenTwoThenNothingUnderADailyLimitOfFive() {
        String model = "draft-three-two-none";
        gateway.answer(model, sse(textStream(model, 80, 40, "Big news today\n", "Our launch is live.")));
        String agent = Fixtures.agent(model, a -> {
            a.outputMode = "draft";
            a.outputsPerRun = 3;
            a.dailyLimit = 5;
            a.channels = List.of("acc_twitter_main", "acc_linkedin");
            a.prompt = "Write a launch post";
        });

        String first = Fixtures.claimedRun(agent);
        RunResult firstResult = execute(first);
        assertThat(firstResult.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(Fixtures.artifacts(agent)).hasSize(3);

        String second = Fixtures.claimedRun(agent);
        assertThat(execute(second).status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(Fixtures.artifacts(agent)).hasSize(5);

        String third = Fixtures.claimedRun(agent);
        RunResult thirdResult = execute(third);

        assertThat(thirdResult.status()).isEqualTo(RunStatus.SKIPPED);
        Map<String, Object> skipped = Fixtures.run(third);
        assertThat(skipped)
                .containsEntry("status", "skipped")
                .containsEntry("status_reason", "daily_limit_reached")
                .containsEntry("num_turns", 0);
        assertThat(Fixtures.steps(third)).isEmpty();
        assertThat(gateway.requests(model)).hasSize(5);
        assertThat(events().names(third)).containsExactly("thread.run.created", "thread.run.failed");
        RunEvents.Event failed = events().of(third).get(1);
        assertThat(failed.data().path("error").path("code").asText()).isEqualTo("daily_limit_reached");

        List<Map<String, Object>> drafts = Fixtures.artifacts(agent);
        assertThat(drafts).allSatisfy(draft -> {
            assertThat(draft.get("artifact_type")).isEqualTo("post_draft");
            assertThat(draft.get("approval_status")).isEqualTo("pending_review");
            assertThat(draft.get("channels")).isEqualTo(List.of("acc_twitter_main", "acc_linkedin"));
            assertThat(draft.get("content")).isEqualTo("Big news today\nOur launch is live.");
            assertThat(draft.get("title")).isEqualTo("Big news today");
        });
        assertThat(drafts).extracting(d -> d.get("run_id")).containsOnly(first, second);
        assertThat(Fixtures.run(first)).containsEntry("num_turns", 3).containsEntry("output_tokens", 120L);
        assertThat((String) Fixtures.run(second).get("output")).startsWith("Created 2 drafts");
        assertThat(limiter.usedToday(agent, DailyLimitKind.DRAFT_OUTPUTS)
                        .await()
                        .atMost(Duration.ofSeconds(5)))
                .isEqualTo(5L);

        List<JsonNode> requests = gateway.bodies(model);
        assertThat(requests)
                .allSatisfy(body -> assertThat(body.path("max_tokens").asInt()).isEqualTo(512));
        String secondRunFirstDraft =
                requests.get(3).path("messages").get(1).path("content").asText();
        assertThat(secondRunFirstDraft)
                .contains("Write a launch post")
                .contains("most recent outputs")
                .contains("Big news today");
        String thirdDraftOfFirstRun =
                requests.get(2).path("messages").get(1).path("content").asText();
        assertThat(thirdDraftOfFirstRun).contains("Write draft 3 of 3").contains("already wrote in this run");
    }

    @Test
    void twentyConcurrentRunsCreateExactlyTheDailyLimit() {
        String model = "draft-concurrent";
        gateway.answer(
                model, sse(textStream(model, 20, 10, "A concurrent draft")).withFixedDelay(50));
        String agent = Fixtures.agent(model, a -> {
            a.outputMode = "draft";
            a.outputsPerRun = 3;
            a.dailyLimit = 5;
        });
        List<CompletableFuture<RunResult>> running = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            running.add(start(context(Fixtures.claimedRun(agent))));
        }

        List<RunResult> results = running.stream()
                .map(f -> f.orTimeout(RUN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                        .join())
                .toList();

        assertThat(Fixtures.artifacts(agent)).hasSize(5);
        assertThat(gateway.requests(model)).hasSize(5);
        assertThat(results).extracting(RunResult::status).containsOnly(RunStatus.SUCCESS, RunStatus.SKIPPED);
        long skipped =
                results.stream().filter(r -> r.status() == RunStatus.SKIPPED).count();
        assertThat(skipped).isBetween(17L, 18L);
        assertThat(Fixtures.rows("SELECT status FROM runs WHERE agent_id = ? AND status = 'skipped'", agent))
                .hasSize((int) skipped);
    }
}
