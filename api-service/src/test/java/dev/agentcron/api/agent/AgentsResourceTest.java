package dev.agentcron.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentsResourceTest {

    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static TestTenant tenant;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = TestTenant.create("agents");
        }
    }

    static JsonPath create(String body) {
        return tenant.as()
                .body(body)
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void createsAnAgentWithEveryDefault() {
        JsonPath agent = create("{\"name\": \"Defaults\", \"prompt\": \"Summarize\"}");
        assertThat(agent.getString("data.id")).startsWith("agt_");
        assertThat(agent.getString("data.output_mode")).isEqualTo("task");
        assertThat(agent.getString("data.overlap")).isEqualTo("skip");
        assertThat(agent.getString("data.status")).isEqualTo("active");
        assertThat(agent.getString("data.model.id")).isEqualTo("gpt-4o-mini");
        assertThat(agent.getList("data.model.fallbacks")).isEmpty();
        assertThat(agent.getObject("data.model.temperature", Double.class)).isNull();
        assertThat(agent.getInt("data.limits.outputs_per_run")).isEqualTo(1);
        assertThat(agent.getObject("data.limits.daily_limit", Integer.class)).isNull();
        assertThat(agent.getInt("data.limits.max_turns")).isEqualTo(50);
        assertThat(agent.getInt("data.limits.run_timeout_seconds")).isEqualTo(600);
        assertThat(agent.getList("data.tools")).isEmpty();
        assertThat(agent.getObject("data.schedule", Map.class)).isNull();
        assertThat(agent.getInt("data.schedule_count")).isZero();
        assertThat(agent.getInt("data.outputs_today")).isZero();
        assertThat(agent.getInt("data.runs_today")).isZero();
        assertThat(agent.getInt("data.subscription_count")).isZero();
        assertThat(agent.getList("data.sub_topics")).isEmpty();
        assertThat(agent.getString("data.creator.name")).isEqualTo("admin");
        assertThat(agent.getString("data.creator.id")).startsWith("key_");
        assertThat(agent.getString("data.created_at")).matches(TIMESTAMP);
        assertThat(agent.getString("data.updated_at")).matches(TIMESTAMP);
    }

    @Test
    void draftModeDefaultsTheDailyLimitTo50() {
        JsonPath agent =
                create("{\"name\": \"Drafter\", \"system_prompt\": \"Write posts\", \"output_mode\": \"draft\"}");
        assertThat(agent.getInt("data.limits.daily_limit")).isEqualTo(50);
    }

    @Test
    void keepsEveryFieldGiven() {
        String body = """
                {"slug": "daily-digest-full", "name": "Daily Digest Full", "description": "Summarizes",
                 "output_mode": "task", "role": "Chief of staff", "persona": "Concise", "system_prompt": "You are",
                 "prompt": "Review", "goals": "Detect failures", "rules": "Never restart",
                 "base_url": "https://example.com/prices", "knowledge_domain": "system-health",
                 "channels": ["acc_twitter_main"],
                 "model": {"id": "gpt-4o-mini", "fallbacks": ["gpt-4.1-mini"], "temperature": 0.7, "max_output_tokens": 512},
                 "tools": ["http_get", "remember", "recall", "save_artifact"], "overlap": "buffer_one",
                 "limits": {"outputs_per_run": 2, "daily_limit": 10, "max_turns": 20, "max_budget_usd": 0.12345678,
                            "run_timeout_seconds": 300, "pause_after_failures": 5}}
                """;
        JsonPath agent = create(body);
        assertThat(agent.getString("data.slug")).isEqualTo("daily-digest-full");
        assertThat(agent.getString("data.base_url")).isEqualTo("https://example.com/prices");
        assertThat(agent.getList("data.model.fallbacks")).containsExactly("gpt-4.1-mini");
        assertThat(agent.getDouble("data.model.temperature")).isEqualTo(0.7);
        assertThat(agent.getList("data.tools")).containsExactly("http_get", "remember", "recall", "save_artifact");
        assertThat(agent.getString("data.overlap")).isEqualTo("buffer_one");
        assertThat(agent.getString("data.limits.max_budget_usd")).isEqualTo("0.12345678");
        assertThat(agent.getInt("data.limits.pause_after_failures")).isEqualTo(5);
        tenant.as()
                .get("/api/v1/agents/daily-digest-full")
                .then()
                .statusCode(200)
                .body("data.id", equalTo(agent.getString("data.id")))
                .body("data.limits.max_budget_usd", equalTo(0.12345678f));
    }

    @Test
    void enabledFalseCreatesAPausedAgent() {
        create("{\"name\": \"Seed two\", \"prompt\": \"p\", \"enabled\": false}");
        tenant.as()
                .queryParam("search", "seed two")
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("data[0].status", equalTo("paused"))
                .body("data[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("enabled")));
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        String body = """
                {"name": "", "output_mode": "poster", "tools": ["http_get", "shell"], "overlap": "queue",
                 "model": {"temperature": 3, "max_output_tokens": 0},
                 "limits": {"outputs_per_run": 11, "daily_limit": 0, "max_turns": 201, "run_timeout_seconds": 5,
                            "pause_after_failures": 101, "max_budget_usd": -1},
                 "slug": "Not A Slug", "base_url": "ftp://example.com", "status": "sleeping"}
                """;
        tenant.as()
                .body(body)
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://agentcron.dev/problems/validation"))
                .body("instance", equalTo("/api/v1/agents"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "name",
                                "output_mode",
                                "tools[1]",
                                "overlap",
                                "model.temperature",
                                "model.max_output_tokens",
                                "limits.outputs_per_run",
                                "limits.daily_limit",
                                "limits.max_turns",
                                "limits.run_timeout_seconds",
                                "limits.pause_after_failures",
                                "limits.max_budget_usd",
                                "slug",
                                "base_url",
                                "status",
                                "prompt"));
    }

    @Test
    void rejectsUnknownReadOnlyAndCamelCaseProperties() {
        tenant.as()
                .body("{\"name\": \"X\", \"prompt\": \"p\", \"id\": \"agt_1\", \"outputs_today\": 3, \"maxTurns\": 5,"
                        + " \"limits\": {\"bogus\": 1}}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("id", "outputs_today", "maxTurns", "limits.bogus"))
                .body("errors.find { it.field == 'id' }.message", equalTo("is read-only"))
                .body("errors.find { it.field == 'maxTurns' }.message", startsWith("is not a known property"));
    }

    @Test
    void unknownPropertiesAndInvalidValuesAreReportedTogether() {
        tenant.as()
                .body("{\"name\": \"Mixed\", \"createdAt\": \"x\", \"base_url\": \"http://0x7f.0.0.1/\","
                        + " \"limits\": {\"max_turns\": 0, \"maxTurns\": 1}}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder("createdAt", "limits.maxTurns", "base_url", "limits.max_turns", "prompt"));
    }

    @Test
    void refusesPrivateAndMetadataAddressesInBaseUrl() {
        for (String url : List.of(
                "http://127.0.0.1/",
                "http://2130706433/",
                "http://0177.0.0.1/",
                "http://[::1]/",
                "http://169.254.169.254/latest")) {
            tenant.as()
                    .body(Map.of("name", "Guarded", "prompt", "p", "base_url", url))
                    .post("/api/v1/agents")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("base_url"));
        }
        create(
                "{\"name\": \"Unresolved host\", \"prompt\": \"p\", \"base_url\": \"https://does-not-resolve.invalid/x\"}");
    }

    @Test
    void arraysAreBounded() {
        tenant.as()
                .body(Map.of(
                        "name",
                        "Bounded",
                        "prompt",
                        "p",
                        "model",
                        Map.of("fallbacks", java.util.Collections.nCopies(11, "gpt-4.1-mini")),
                        "channels",
                        java.util.Collections.nCopies(101, "acc")))
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("model.fallbacks", "channels"));
    }

    @Test
    void budgetNeedsAPriceForTheModelAndEveryFallback() {
        tenant.as()
                .body("{\"name\": \"Budget\", \"prompt\": \"p\", \"model\": {\"id\": \"gpt-4o-mini\", \"fallbacks\":"
                        + " [\"unpriced-model\"]}, \"limits\": {\"max_budget_usd\": 1}}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limits.max_budget_usd"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("unpriced-model"));
    }

    @Test
    void aDuplicateNameIgnoringCaseIsAConflict() {
        create("{\"name\": \"Unique Name\", \"prompt\": \"p\"}");
        tenant.as()
                .body("{\"name\": \"unique name\", \"prompt\": \"p\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://agentcron.dev/problems/conflict"));
    }

    @Test
    void aDuplicateSlugIsAConflict() {
        create("{\"name\": \"Slug one\", \"prompt\": \"p\", \"slug\": \"same-slug\"}");
        tenant.as()
                .body("{\"name\": \"Slug two\", \"prompt\": \"p\", \"slug\": \"same-slug\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(409);
    }

    @Test
    void malformedJsonIsAProblem() {
        tenant.as()
                .body("{\"name\": ")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://agentcron.dev/problems/malformed-json"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        tenant.as()
                .body("{\"name\": \"Typed\", \"prompt\": \"p\", \"limits\": {\"max_turns\": \"many\"}}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limits.max_turns"));
    }

    @Test
    void patchMergesModelAndLimitsFieldByField() {
        String id = create("{\"name\": \"Patched\", \"prompt\": \"p\", \"model\": {\"temperature\": 0.5,"
                        + " \"max_output_tokens\": 100}, \"limits\": {\"max_turns\": 10, \"daily_limit\": 7}}")
                .getString("data.id");
        tenant.as()
                .body("{\"description\": \"now described\", \"model\": {\"temperature\": null},"
                        + " \"limits\": {\"max_turns\": 20}}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.description", equalTo("now described"))
                .body("data.prompt", equalTo("p"))
                .body("data.model.temperature", nullValue())
                .body("data.model.max_output_tokens", equalTo(100))
                .body("data.limits.max_turns", equalTo(20))
                .body("data.limits.daily_limit", equalTo(7));
        tenant.as()
                .body("{\"limits\": {\"max_turns\": null}, \"description\": null}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.limits.max_turns", equalTo(50))
                .body("data.description", nullValue());
    }

    @Test
    void patchValidatesTheResult() {
        String id = create("{\"name\": \"Only prompt\", \"prompt\": \"p\"}").getString("data.id");
        tenant.as()
                .body("{\"prompt\": null, \"tools\": [\"nope\"]}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("prompt", "tools[0]"));
        tenant.as().get("/api/v1/agents/" + id).then().body("data.prompt", equalTo("p"));
    }

    @Test
    void patchRenamingOntoAnotherAgentIsAConflict() {
        create("{\"name\": \"Taken\", \"prompt\": \"p\"}");
        String id = create("{\"name\": \"Renamed\", \"prompt\": \"p\"}").getString("data.id");
        tenant.as()
                .body("{\"name\": \"TAKEN\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(409);
        tenant.as()
                .body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void pauseAndResume() {
        String id = create("{\"name\": \"Pausable\", \"prompt\": \"p\"}").getString("data.id");
        tenant.as()
                .post("/api/v1/agents/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("paused"));
        tenant.as()
                .post("/api/v1/agents/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("active"));
        tenant.as()
                .body("{\"status\": \"error\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("error"));
        tenant.as()
                .post("/api/v1/agents/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("active"))
                .body("data.status_reason", nullValue());
    }

    @Test
    void deleteReturnsIdAndNameThenTheAgentIsGone() {
        String id = create("{\"name\": \"Doomed\", \"prompt\": \"p\", \"schedule\": \"0 9 * * *\"}")
                .getString("data.id");
        tenant.as()
                .delete("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.name", equalTo("Doomed"));
        tenant.as()
                .get("/api/v1/agents/" + id)
                .then()
                .statusCode(404)
                .body("type", equalTo("https://agentcron.dev/problems/not-found"));
        tenant.as().delete("/api/v1/agents/" + id).then().statusCode(404);
    }

    @Test
    void checkName() {
        String id = create("{\"name\": \"Checked\", \"prompt\": \"p\"}").getString("data.id");
        tenant.as()
                .queryParam("name", "checked")
                .get("/api/v1/agents/check-name")
                .then()
                .statusCode(200)
                .body("data.available", equalTo(false))
                .body("data.reason", equalTo("duplicate"))
                .body("data.conflict_id", equalTo(id));
        tenant.as()
                .queryParam("name", "Checked")
                .queryParam("ignore_id", id)
                .get("/api/v1/agents/check-name")
                .then()
                .body("data.available", equalTo(true))
                .body("data.reason", nullValue());
        tenant.as()
                .queryParam("name", " ")
                .get("/api/v1/agents/check-name")
                .then()
                .body("data.available", equalTo(false))
                .body("data.reason", equalTo("invalid"));
    }

    @Test
    void oversizeBodiesAre413Problems() {
        tenant.as()
                .body("{\"name\": \"Big\", \"prompt\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void timestampsHaveMilliseconds() {
        JsonPath agent = create("{\"name\": \"Stamped\", \"prompt\": \"p\", \"schedule\": \"*/5 * * * *\"}");
        assertThat(agent.getString("data.next_run_at")).matches(TIMESTAMP);
        assertThat(agent.getList("data.next_run_times", String.class))
                .hasSize(5)
                .allMatch(t -> t.matches(TIMESTAMP));
        assertThat(agent.getString("data.schedule.id")).startsWith("sch_");
    }

    @Test
    void unknownRoutesWrongMethodsAndMediaTypesAreProblems() {
        tenant.as().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        tenant.as().put("/api/v1/agents").then().statusCode(405).contentType("application/problem+json");
        tenant.as()
                .contentType("text/plain")
                .body("name=x")
                .post("/api/v1/agents")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        tenant.as()
                .accept("text/csv")
                .get("/api/v1/agents")
                .then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void responsesCarryRateLimitHeaders() {
        tenant.as()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", "100")
                .header("RateLimit-Remaining", matchesPattern("\\d+"))
                .header("RateLimit-Reset", matchesPattern("\\d+"));
    }

    @Test
    void listShowsCountersFromOtherTables() {
        JsonPath agent = create("{\"name\": \"Counted\", \"prompt\": \"p\"}");
        String id = agent.getString("data.id");
        dev.agentcron.api.support.Sql.exec(
                "INSERT INTO subscriptions (id, agent_id, workspace_id, topic) VALUES ('sub_1" + id.substring(4)
                        + "', '"
                        + id + "', '" + tenant.workspaceId() + "', 'workflow.failed'),"
                        + " ('sub_2" + id.substring(4) + "', '" + id + "', '" + tenant.workspaceId()
                        + "', 'task.failed')",
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status) VALUES ('run_1" + id.substring(4)
                        + "', '"
                        + id + "', '" + tenant.workspaceId() + "', 'manual', 'success'), ('run_2" + id.substring(4)
                        + "', '" + id + "', '" + tenant.workspaceId() + "', 'manual', 'skipped')",
                "INSERT INTO artifacts (id, agent_id, workspace_id, run_id, title, content) VALUES ('art_1"
                        + id.substring(4) + "', '" + id + "', '" + tenant.workspaceId() + "', 'run_1" + id.substring(4)
                        + "', 't', 'c')");
        tenant.as()
                .queryParam("search", "Counted")
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].subscription_count", equalTo(2))
                .body("data[0].sub_topics", containsInAnyOrder("task.failed", "workflow.failed"))
                .body("data[0].runs_today", equalTo(1))
                .body("data[0].outputs_today", equalTo(1))
                .body("meta.total", equalTo(1));
    }

    @Test
    void listFiltersSortsAndPages() {
        TestTenant own = TestTenant.create("agent-list");
        for (String name : List.of("Alpha", "bravo", "Charlie", "Delta")) {
            own.as()
                    .body(Map.of(
                            "name", name, "prompt", "p", "knowledge_domain", name.length() == 5 ? "five" : "other"))
                    .post("/api/v1/agents")
                    .then()
                    .statusCode(201);
        }
        own.as().post("/api/v1/agents/Delta/pause").then().statusCode(404);
        own.as()
                .queryParam("limit", 2)
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("data.name", org.hamcrest.Matchers.contains("Alpha", "Charlie"))
                .body("meta.total", equalTo(4))
                .body("meta.limit", equalTo(2))
                .body("meta.offset", equalTo(0))
                .body("meta.has_more", equalTo(true));
        own.as()
                .queryParam("sort", "-created_at")
                .queryParam("offset", 3)
                .get("/api/v1/agents")
                .then()
                .body("data.name", org.hamcrest.Matchers.contains("Alpha"))
                .body("meta.has_more", equalTo(false));
        own.as()
                .queryParam("knowledge_domain", "five")
                .get("/api/v1/agents")
                .then()
                .body("data.name", containsInAnyOrder("Alpha", "bravo", "Delta"));
        own.as().queryParam("search", "AR").get("/api/v1/agents").then().body("data.name", hasItem("Charlie"));
        own.as()
                .queryParam("sort", "prompt")
                .get("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        own.as()
                .queryParam("limit", 201)
                .get("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        own.as().queryParam("status", "zzz").get("/api/v1/agents").then().statusCode(400);
    }
}
