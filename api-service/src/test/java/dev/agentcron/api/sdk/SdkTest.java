package dev.agentcron.api.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentcron.api.support.TestTenant;
import dev.agentcron.sdk.ApiClient;
import dev.agentcron.sdk.ApiException;
import dev.agentcron.sdk.api.AgentsApi;
import dev.agentcron.sdk.api.SchedulesApi;
import dev.agentcron.sdk.model.Agent;
import dev.agentcron.sdk.model.CreateAgentRequest;
import dev.agentcron.sdk.model.CreateAgentRequestSchedule;
import dev.agentcron.sdk.model.LimitsInput;
import dev.agentcron.sdk.model.Problem;
import dev.agentcron.sdk.model.Schedule;
import dev.agentcron.sdk.model.ScheduleInput;
import dev.agentcron.sdk.model.UpdateAgentRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the API through the Java client generated from docs/openapi.yaml, as an integrator would. */
@QuarkusTest
class SdkTest {

    @TestHTTPResource("/")
    URI base;

    ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    @Test
    void createsListsPatchesPausesSchedulesAndDeletesAnAgent() throws Exception {
        TestTenant tenant = TestTenant.create("sdk");
        ApiClient client = client(tenant.adminKey());
        AgentsApi agents = new AgentsApi(client);
        SchedulesApi schedules = new SchedulesApi(client);

        Agent created = agents.createAgent(
                        new CreateAgentRequest()
                                .name("SDK digest")
                                .prompt("Review all open tasks and create a summary.")
                                .schedule(new CreateAgentRequestSchedule("0 9 * * *"))
                                .timezone("America/New_York")
                                .limits(new LimitsInput().maxTurns(20)),
                        "sdk-create-1")
                .getData();
        assertThat(created.getId()).startsWith("agt_");
        assertThat(created.getStatus()).isEqualTo(Agent.StatusEnum.ACTIVE);
        assertThat(created.getLimits().getMaxTurns()).isEqualTo(20);
        assertThat(created.getSchedule().getCron()).isEqualTo("0 9 * * *");
        assertThat(created.getSchedule().getTimezone()).isEqualTo("America/New_York");
        assertThat(created.getNextRunTimes()).hasSize(5);

        assertThat(agents.listAgents(null, null, null, null, "sdk", null, null).getData())
                .extracting(Agent::getId)
                .containsExactly(created.getId());

        Agent patched = agents.updateAgent(created.getId(), new UpdateAgentRequest().description("patched"))
                .getData();
        assertThat(patched.getDescription()).isEqualTo("patched");
        assertThat(patched.getPrompt()).isEqualTo("Review all open tasks and create a summary.");

        assertThat(agents.pauseAgent(created.getId()).getData().getStatus()).isEqualTo(Agent.StatusEnum.PAUSED);

        Schedule added = schedules
                .createSchedule(
                        created.getId(),
                        new ScheduleInput().kind(ScheduleInput.KindEnum.DAILY).times(List.of("09:00", "17:00")),
                        null)
                .getData();
        assertThat(added.getId()).startsWith("sch_");
        assertThat(added.getTimes()).containsExactly("09:00", "17:00");
        assertThat(schedules.listSchedules(created.getId()).getData()).hasSize(2);

        assertThat(agents.deleteAgent(created.getId()).getData().getName()).isEqualTo("SDK digest");

        ApiException missing = catchThrowableOfType(ApiException.class, () -> agents.getAgent(created.getId()));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem notFound = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(notFound.getType()).isEqualTo("https://agentcron.dev/problems/not-found");
        assertThat(notFound.getInstance()).isEqualTo("/api/v1/agents/" + created.getId());
    }

    @Test
    void validationFailuresSurfaceAsTypedProblems() throws Exception {
        TestTenant tenant = TestTenant.create("sdk-errors");
        ApiClient client = client(tenant.adminKey());
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new AgentsApi(client)
                .createAgent(new CreateAgentRequest().name("No prompt").limits(new LimitsInput().maxTurns(500)), null));
        assertThat(invalid.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors())
                .extracting(e -> e.getField())
                .containsExactlyInAnyOrder("prompt", "limits.max_turns");
    }
}
