package dev.agentcron.worker.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.model.run.RunAdmission;
import dev.agentcron.model.run.RunAdmission.Admission;
import dev.agentcron.model.run.RunAdmission.Outcome;
import dev.agentcron.model.run.RunAdmission.Request;
import dev.agentcron.worker.testing.EngineFixtures;
import dev.agentcron.worker.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Overlap, daily limit and once-per-occurrence decided when a trigger becomes a run. */
@QuarkusTest
class AdmissionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RunAdmission admission;

    private Admission admit(Request request) {
        return admission.admit(request).await().atMost(WAIT);
    }

    private static String agent(String overlap) {
        String agent = Fixtures.agent("admission-model", a -> {});
        Fixtures.update("UPDATE agents SET overlap = ? WHERE id = ?", overlap, agent);
        return agent;
    }

    @Test
    void skipRecordsASkippedRunWhileAnotherRunOfTheAgentIsActive() {
        String agent = agent("skip");

        Admission first = admit(Request.manual(agent, null));
        Admission second = admit(Request.manual(agent, null));

        assertThat(first.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(Fixtures.run(second.runId()))
                .containsEntry("status", "skipped")
                .containsEntry("status_reason", "overlap")
                .containsEntry("trigger", "manual");
        assertThat(Fixtures.run(second.runId()).get("completed_at")).isNotNull();
    }

    @Test
    void bufferOneLetsOneRunWaitAndSkipsFurtherOnes() {
        String agent = agent("buffer_one");

        List<Outcome> outcomes = List.of(
                admit(Request.manual(agent, null)).outcome(),
                admit(Request.manual(agent, null)).outcome(),
                admit(Request.manual(agent, null)).outcome());

        assertThat(outcomes).containsExactly(Outcome.QUEUED, Outcome.WAITING, Outcome.SKIPPED);
        assertThat(EngineFixtures.runsOf(agent))
                .extracting(run -> run.get("status") + "/" + run.get("status_reason"))
                .containsExactlyInAnyOrder("queued/null", "queued/waiting_for_active_run", "skipped/overlap");
    }

    @Test
    void allowQueuesEveryTrigger() {
        String agent = agent("allow");

        for (int i = 0; i < 3; i++) {
            assertThat(admit(Request.manual(agent, null)).outcome()).isEqualTo(Outcome.QUEUED);
        }
    }

    @Test
    void theDailyLimitIsExactUnderFiftyConcurrentTriggers() {
        String agent = agent("allow");
        Fixtures.update("UPDATE agents SET daily_limit = 7 WHERE id = ?", agent);

        Map<Outcome, Long> outcomes = Multi.createFrom()
                .range(0, 50)
                .onItem()
                .transformToUniAndMerge(i -> admission.admit(Request.manual(agent, null)))
                .collect()
                .asList()
                .await()
                .atMost(WAIT)
                .stream()
                .collect(Collectors.groupingBy(Admission::outcome, Collectors.counting()));

        assertThat(outcomes).containsEntry(Outcome.QUEUED, 7L).containsEntry(Outcome.SKIPPED, 43L);
        assertThat(EngineFixtures.runsOf(agent))
                .filteredOn(run -> "skipped".equals(run.get("status")))
                .allSatisfy(run -> assertThat(run).containsEntry("status_reason", "daily_limit_reached"));
    }

    @Test
    void anOccurrenceBecomesOneRunHoweverOftenItIsDelivered() {
        String agent = agent("allow");
        EngineFixtures.Schedule schedule = EngineFixtures.schedule(
                agent, "{\"kind\":\"interval\",\"every_minutes\":5," + "\"input\":{\"from\":\"schedule\"}}");
        Instant occurrence = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Request request = Request.occurrence(agent, schedule.id(), occurrence, null);

        List<Admission> admissions = Multi.createFrom()
                .range(0, 5)
                .onItem()
                .transformToUniAndMerge(i -> admission.admit(request))
                .collect()
                .asList()
                .await()
                .atMost(WAIT);

        assertThat(admissions).extracting(Admission::outcome).containsOnlyOnce(Outcome.QUEUED);
        assertThat(admissions)
                .extracting(Admission::runId)
                .containsOnly(admissions.get(0).runId());
        Map<String, Object> run = Fixtures.one("SELECT * FROM runs WHERE schedule_id = ?", schedule.id());
        assertThat(run).containsEntry("trigger", "schedule").containsEntry("input", "{\"from\": \"schedule\"}");
        assertThat(EngineFixtures.scheduleRow(schedule.id()).get("last_scheduled_for"))
                .isNotNull();
    }

    @Test
    void anAgentThatIsNotActiveRecordsNothing() {
        String agent = agent("allow");
        Fixtures.update("UPDATE agents SET status = 'paused' WHERE id = ?", agent);

        Admission admitted = admit(Request.manual(agent, null));

        assertThat(admitted.outcome()).isEqualTo(Outcome.NOT_ACTIVE);
        assertThat(EngineFixtures.runsOf(agent)).isEmpty();
    }
}
