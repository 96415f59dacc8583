package dev.agentcron.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions and published events, end to end: matching, mapping, filters, replays, validation. */
@QuarkusTest
class EventsTest {

    private static TestTenant tenant;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = TestTenant.create("events");
        }
    }

    private static String agent(String name) {
        return tenant.as()
                .body("{\"name\": \"" + name + " " + System.nanoTime() + "\", \"prompt\": \"React\","
                        + " \"overlap\": \"allow\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static String subscribe(String agentId, String body) {
        return tenant.as()
                .body(body)
                .post("/api/v1/agents/" + agentId + "/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static JsonPath publish(String body) {
        return tenant.as()
                .body(body)
                .post("/api/v1/events")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
    }

    private static String unique(String topic) {
        return topic + "." + UUID.randomUUID().toString().replace("-", "");
    }

    private static long runsOf(String agentId) {
        return Long.parseLong(Sql.query("SELECT count(*) FROM runs WHERE agent_id = '" + agentId + "'"));
    }

    private List<String> scheduledJobRuns(String agentId) {
        return redis.stream(String.class)
                .xrange(keys.scheduledJobs(keys.partitionOf(agentId)), StreamRange.of("-", "+"))
                .stream()
                .map(message -> message.payload().get("run_id"))
                .toList();
    }

    @Test
    void anEventFansOutToTwoAgentsWithTheMappedInputAndAReplayEnqueuesNothing() {
        String scope = unique("wf");
        String first = agent("responder");
        String second = agent("auditor");
        String bystander = agent("bystander");
        subscribe(
                first,
                "{\"topic\": \"" + scope + ".failed\", \"filter\": {\"status\": 422},"
                        + " \"input_mapping\": {\"data\": {\"error\": \"{event.data.error}\","
                        + " \"status\": \"{event.data.status}\", \"about\": \"{event.topic} #{event.id}\"}}}");
        subscribe(second, "{\"topic\": \"" + scope + ".>\"}");
        subscribe(bystander, "{\"topic\": \"" + scope + ".succeeded\"}");
        String body = "{\"topic\": \"" + scope + ".failed\", \"data\": {\"status\": 422, \"error\": \"drift\"},"
                + " \"id\": \"client-" + UUID.randomUUID() + "\"}";

        JsonPath answer = publish(body);

        String eventId = answer.getString("data.event_id");
        assertThat(eventId).startsWith("evt_");
        assertThat(answer.getInt("data.matched")).isEqualTo(2);
        List<String> runIds = answer.getList("data.run_ids");
        assertThat(runIds).hasSize(2);
        JsonPath firstRun = tenant.as()
                .get("/api/v1/agents/" + first + "/runs")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].trigger", equalTo("event"))
                .body("data[0].status", equalTo("queued"))
                .body("data[0].event_id", equalTo(eventId))
                .extract()
                .jsonPath();
        assertThat(firstRun.getString("data[0].input.data.error")).isEqualTo("drift");
        assertThat(firstRun.getInt("data[0].input.data.status")).isEqualTo(422);
        assertThat(firstRun.getString("data[0].input.data.about")).isEqualTo(scope + ".failed #" + eventId);
        tenant.as()
                .get("/api/v1/agents/" + second + "/runs")
                .then()
                .body("data", hasSize(1))
                .body("data[0].input.event.topic", equalTo(scope + ".failed"))
                .body("data[0].input.event.id", equalTo(eventId))
                .body("data[0].input.event.data.error", equalTo("drift"));
        assertThat(runsOf(bystander)).isZero();
        assertThat(runIds).contains(firstRun.getString("data[0].id"));
        assertThat(scheduledJobRuns(first)).contains(firstRun.getString("data[0].id"));

        JsonPath replay = publish(body);

        assertThat(replay.getString("data.event_id")).isEqualTo(eventId);
        assertThat(replay.getList("data.run_ids")).isEqualTo(runIds);
        assertThat(runsOf(first)).isEqualTo(1);
        assertThat(runsOf(second)).isEqualTo(1);
    }

    @Test
    void anEventWhoseDataFailsTheFilterEnqueuesNothing() {
        String scope = unique("billing");
        String agentId = agent("billing");
        subscribe(agentId, "{\"topic\": \"" + scope + ".failed\", \"filter\": {\"status\": 422, \"env\": \"prod\"}}");

        publish("{\"topic\": \"" + scope + ".failed\", \"data\": {\"status\": 500, \"env\": \"prod\"}}")
                .getList("data.run_ids")
                .isEmpty();
        JsonPath answer = publish("{\"topic\": \"" + scope + ".failed\", \"data\": {\"status\": 422}}");

        assertThat(answer.getInt("data.matched")).isZero();
        assertThat(answer.getList("data.run_ids")).isEmpty();
        assertThat(runsOf(agentId)).isZero();
    }

    @Test
    void disabledSubscriptionsAndInactiveAgentsMatchNothing() {
        String scope = unique("ops");
        String disabled = agent("disabled");
        String paused = agent("paused");
        String subscriptionId = subscribe(disabled, "{\"topic\": \"" + scope + ".*\"}");
        subscribe(paused, "{\"topic\": \"" + scope + ".*\"}");
        tenant.as().post("/api/v1/agents/" + paused + "/pause").then().statusCode(200);
        assertThat(publish("{\"topic\": \"" + scope + ".alert\"}").getInt("data.matched"))
                .isEqualTo(1);

        tenant.as()
                .body("{\"enabled\": false}")
                .patch("/api/v1/agents/" + disabled + "/subscriptions/" + subscriptionId)
                .then()
                .statusCode(200)
                .body("data.enabled", equalTo(false))
                .body("data.topic", equalTo(scope + ".*"));

        assertThat(publish("{\"topic\": \"" + scope + ".alert\"}").getInt("data.matched"))
                .isZero();
        assertThat(runsOf(paused)).isZero();
    }

    @Test
    void aSubscriptionAddedOnAnotherReplicaIsSeenOnceItsWorkspaceCounterMoves() {
        String scope = unique("replica");
        String agentId = agent("replica");
        assertThat(publish("{\"topic\": \"" + scope + ".x\"}").getInt("data.matched"))
                .isZero();
        Sql.exec("INSERT INTO subscriptions (id, agent_id, workspace_id, topic) VALUES ('sub_" + System.nanoTime()
                + "', '" + agentId + "', '" + tenant.workspaceId() + "', '" + scope + ".x')");

        redis.value(Long.class).incr(keys.subscriptionsVersion(tenant.workspaceId()));

        assertThat(publish("{\"topic\": \"" + scope + ".x\"}").getInt("data.matched"))
                .isEqualTo(1);
    }

    @Test
    void subscriptionsAreListedUpdatedDeletedAndCountedOnTheAgent() {
        String agentId = agent("crud");
        String created = tenant.as()
                .body("{\"topic\": \"workflow.failed\", \"filter\": {\"status\": 422},"
                        + " \"input_mapping\": {\"data\": {\"error\": \"{event.data.error}\"}}}")
                .post("/api/v1/agents/" + agentId + "/subscriptions")
                .then()
                .statusCode(201)
                .body("data.id", startsWith("sub_"))
                .body("data.agent_id", equalTo(agentId))
                .body("data.filter.status", equalTo(422))
                .body("data.input_mapping.data.error", equalTo("{event.data.error}"))
                .body("data.enabled", equalTo(true))
                .extract()
                .path("data.id");
        subscribe(agentId, "{\"topic\": \"app.*.*.error\"}");

        tenant.as()
                .get("/api/v1/agents/" + agentId + "/subscriptions")
                .then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("data[0].id", equalTo(created))
                .body("data[1].filter", equalTo(java.util.Map.of()))
                .body("data[1].input_mapping", nullValue())
                .body("meta.total", equalTo(2));
        tenant.as()
                .get("/api/v1/agents/" + agentId)
                .then()
                .body("data.subscription_count", equalTo(2))
                .body("data.sub_topics", containsInAnyOrder("workflow.failed", "app.*.*.error"));
        tenant.as()
                .body("{\"topic\": \"workflow.>\", \"input_mapping\": null}")
                .patch("/api/v1/agents/" + agentId + "/subscriptions/" + created)
                .then()
                .statusCode(200)
                .body("data.topic", equalTo("workflow.>"))
                .body("data.input_mapping", nullValue())
                .body("data.filter.status", equalTo(422));

        tenant.as()
                .delete("/api/v1/agents/" + agentId + "/subscriptions/" + created)
                .then()
                .statusCode(200)
                .body("data.deleted", equalTo(true));

        tenant.as()
                .delete("/api/v1/agents/" + agentId + "/subscriptions/" + created)
                .then()
                .statusCode(404);
        tenant.as()
                .get("/api/v1/agents?search=crud")
                .then()
                .body("data.find { it.id == '" + agentId + "' }.subscription_count", equalTo(1));
    }

    @Test
    void invalidPatternsTemplatesAndFiltersAreA400WithTheirFields() {
        String agentId = agent("invalid");

        tenant.as()
                .body("{\"topic\": \"workflow.>.failed\", \"filter\": {\"status\": {\"in\": [1]}},"
                        + " \"input_mapping\": {\"data\": {\"secret\": \"{env.API_KEY}\"}}, \"execute_as\": \"x\"}")
                .post("/api/v1/agents/" + agentId + "/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder("topic", "filter.status", "input_mapping.data.secret", "execute_as"));
        tenant.as()
                .body("{\"topic\": \"a..b\"}")
                .post("/api/v1/agents/" + agentId + "/subscriptions")
                .then()
                .statusCode(400)
                .body("errors.field", contains("topic"));
        tenant.as()
                .body("{\"topic\": \"workflow.*\", \"data\": [1]}")
                .post("/api/v1/events")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("topic", "data"));
        assertThat(runsOf(agentId)).isZero();
    }

    @Test
    void publishingNeedsTheEventsScopeAndStaysInTheCallersWorkspace() {
        String scope = unique("tenancy");
        String agentId = agent("tenancy");
        subscribe(agentId, "{\"topic\": \"" + scope + "\"}");
        String readOnly = tenant.key("reader", "agents:read", "agents:write");
        TestTenant other = TestTenant.create("events-other");

        TestTenant.as(readOnly)
                .body("{\"topic\": \"" + scope + "\"}")
                .post("/api/v1/events")
                .then()
                .statusCode(403);
        other.as()
                .body("{\"topic\": \"" + scope + "\"}")
                .post("/api/v1/events")
                .then()
                .statusCode(202)
                .body("data.matched", equalTo(0))
                .body("data.run_ids", empty());
        other.as().get("/api/v1/agents/" + agentId + "/subscriptions").then().statusCode(404);
        assertThat(runsOf(agentId)).isZero();
    }
}
