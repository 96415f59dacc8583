package dev.agentcron.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saving, listing, reading and deleting an agent's artifacts as an integrator does. */
@QuarkusTest
class ArtifactsResourceTest {

    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static TestTenant tenant;
    private static TestTenant other;

    @BeforeEach
    void tenants() {
        if (tenant == null) {
            tenant = TestTenant.create("artifacts");
            other = TestTenant.create("artifacts-other");
        }
    }

    static String agent(TestTenant owner, String body) {
        return owner.as()
                .body(body)
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static String agent() {
        return agent(tenant, "{\"name\": \"writer " + System.nanoTime() + "\", \"prompt\": \"Write\"}");
    }

    private static String artifacts(String agentId) {
        return "/api/v1/agents/" + agentId + "/artifacts";
    }

    private static JsonPath create(String agentId, String body) {
        return tenant.as()
                .body(body)
                .post(artifacts(agentId))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static String createId(String agentId, String body) {
        return create(agentId, body).getString("data.id");
    }

    @Test
    void savesAnArtifactWithTitleAndContentAndEveryDefault() {
        String agentId = agent();

        JsonPath created = create(agentId, "{\"title\": \"Q4 Marketing Plan\", \"content\": \"<html>plan</html>\"}");

        assertThat(created.getString("data.id")).startsWith("art_");
        assertThat(created.getString("data.agent_id")).isEqualTo(agentId);
        assertThat(created.getString("data.run_id")).isNull();
        assertThat(created.getString("data.thread_id")).isNull();
        assertThat(created.getString("data.title")).isEqualTo("Q4 Marketing Plan");
        assertThat(created.getString("data.artifact_type")).isEqualTo("html_report");
        assertThat(created.getString("data.content")).isEqualTo("<html>plan</html>");
        assertThat(created.getString("data.summary")).isNull();
        assertThat(created.getList("data.tags")).isEmpty();
        assertThat(created.getMap("data.metadata")).isEmpty();
        assertThat(created.getList("data.channels")).isEmpty();
        assertThat(created.getString("data.approval_status")).isEqualTo("not_required");
        assertThat(created.getString("data.reviewed_by")).isNull();
        assertThat(created.getString("data.reviewed_at")).isNull();
        assertThat(created.getString("data.review_note")).isNull();
        assertThat(created.getString("data.created_at")).matches(TIMESTAMP);
        assertThat(created.getString("data.updated_at")).isEqualTo(created.getString("data.created_at"));
        assertThat(created.getMap("data")).containsKeys("run_id", "thread_id", "reviewed_by", "review_note");
    }

    @Test
    void savesEveryOptionalFieldAndLinksAThreadOfTheAgent() {
        String agentId = agent();
        String threadId = "thr_" + agentId.substring(4);
        Sql.exec("INSERT INTO threads (id, agent_id, workspace_id) VALUES ('" + threadId + "', '" + agentId + "', '"
                + tenant.workspaceId() + "')");

        JsonPath created = create(agentId, """
                {"title": "  Weekly report  ", "content": "# Report", "artifact_type": "markdown",
                 "thread_id": "%s", "summary": "What happened this week", "tags": ["ops", " weekly ", "ops"],
                 "metadata": {"week": 2, "sources": ["jira", "github"]}, "channels": ["acc_blog"]}
                """.formatted(threadId));

        assertThat(created.getString("data.title")).isEqualTo("Weekly report");
        assertThat(created.getString("data.artifact_type")).isEqualTo("markdown");
        assertThat(created.getString("data.thread_id")).isEqualTo(threadId);
        assertThat(created.getString("data.summary")).isEqualTo("What happened this week");
        assertThat(created.getList("data.tags")).containsExactly("ops", "weekly");
        assertThat(created.getInt("data.metadata.week")).isEqualTo(2);
        assertThat(created.getList("data.metadata.sources")).containsExactly("jira", "github");
        assertThat(created.getList("data.channels")).containsExactly("acc_blog");
        assertThat(created.getString("data.approval_status")).isEqualTo("not_required");
    }

    @Test
    void aDraftSubmittedForReviewTakesTheAgentsChannelsUnlessItNamesSome() {
        String agentId = agent(
                tenant,
                "{\"name\": \"poster " + System.nanoTime() + "\", \"prompt\": \"Post\", \"output_mode\": \"draft\","
                        + " \"channels\": [\"acc_twitter_main\", \"acc_linkedin\"]}");

        JsonPath draft = create(
                agentId,
                "{\"title\": \"Teaser\", \"content\": \"Soon.\", \"artifact_type\": \"post_draft\","
                        + " \"approval_status\": \"pending_review\"}");
        JsonPath own = create(
                agentId,
                "{\"title\": \"Teaser 2\", \"content\": \"Sooner.\", \"approval_status\": \"pending_review\","
                        + " \"channels\": [\"acc_linkedin\"]}");
        JsonPath empty = create(
                agentId,
                "{\"title\": \"Teaser 3\", \"content\": \"Soonest.\", \"approval_status\": \"pending_review\","
                        + " \"channels\": []}");
        JsonPath plain = create(agentId, "{\"title\": \"Notes\", \"content\": \"n\"}");

        assertThat(draft.getString("data.approval_status")).isEqualTo("pending_review");
        assertThat(draft.getList("data.channels")).containsExactly("acc_twitter_main", "acc_linkedin");
        assertThat(own.getList("data.channels")).containsExactly("acc_linkedin");
        assertThat(empty.getList("data.channels")).containsExactly("acc_twitter_main", "acc_linkedin");
        assertThat(plain.getList("data.channels")).isEmpty();
    }

    @Test
    void aSlugWorksWhereverThePathTakesTheAgent() {
        String slug = "artifact-slug-" + System.nanoTime();
        String agentId = agent(tenant, "{\"name\": \"" + slug + "\", \"slug\": \"" + slug + "\", \"prompt\": \"p\"}");

        String artifactId = createId(slug, "{\"title\": \"t\", \"content\": \"c\"}");

        tenant.as()
                .get(artifacts(slug) + "/" + artifactId)
                .then()
                .statusCode(200)
                .body("data.agent_id", equalTo(agentId));
        tenant.as().get(artifacts(slug)).then().statusCode(200).body("data.id", contains(artifactId));
    }

    @Test
    void anInvalidArtifactIsA400ListingEveryField() {
        String agentId = agent();

        tenant.as()
                .body("""
                        {"title": " ", "artifact_type": "HTML Report", "summary": "ok", "tags": ["a", " "],
                         "metadata": ["not", "an", "object"], "channels": [""], "approval_status": "approved"}
                        """)
                .post(artifacts(agentId))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://agentcron.dev/problems/validation"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "title",
                                "content",
                                "artifact_type",
                                "tags[1]",
                                "metadata",
                                "channels[0]",
                                "approval_status"));
        tenant.as().get(artifacts(agentId)).then().statusCode(200).body("meta.total", equalTo(0));
    }

    @Test
    void readOnlyAndUnknownPropertiesAreRejectedTogetherWithInvalidValues() {
        String agentId = agent();

        tenant.as()
                .body("""
                        {"id": "art_mine", "run_id": "run_1", "agent_id": "agt_x", "reviewed_by": "me",
                         "reviewed_at": "2026-01-07T09:00:00.000Z", "review_note": "fine", "created_at": "2026-01-07T09:00:00.000Z",
                         "skill_id": "prompt_1", "artifactType": "html_report", "title": "t", "content": ""}
                        """)
                .post(artifacts(agentId))
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "id",
                                "run_id",
                                "agent_id",
                                "reviewed_by",
                                "reviewed_at",
                                "review_note",
                                "created_at",
                                "skill_id",
                                "artifactType",
                                "content"))
                .body("errors.find { it.field == 'run_id' }.message", equalTo("is read-only"))
                .body(
                        "errors.find { it.field == 'artifactType' }.message",
                        equalTo("is not a known property; field names are snake_case: artifact_type"));
    }

    @Test
    void sizesAreBoundedAndNulCharactersRefused() {
        String agentId = agent();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tags.add("tag" + i);
        }

        tenant.as()
                .body(Map.of(
                        "title", "x".repeat(201),
                        "content", "y".repeat(500_001),
                        "summary", "z".repeat(2001),
                        "tags", tags,
                        "metadata", Map.of("blob", "m".repeat(16 * 1024))))
                .post(artifacts(agentId))
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "content", "summary", "tags", "metadata"));
        tenant.as()
                .body(Map.of(
                        "title",
                        "nul\u0000",
                        "content",
                        "c\u0000",
                        "tags",
                        List.of("t\u0000"),
                        "metadata",
                        Map.of("k", "v\u0000")))
                .post(artifacts(agentId))
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "content", "tags[0]", "metadata"))
                .body("errors.message", everyItem(equalTo("must not contain the NUL character (\\u0000)")));
        tenant.as()
                .body(Map.of("title", "t", "content", "c", "tags", List.of("x".repeat(51))))
                .post(artifacts(agentId))
                .then()
                .statusCode(400)
                .body("errors.field", contains("tags[0]"));
    }

    @Test
    void aThreadOfAnotherAgentOrWorkspaceIsA400OnThreadId() {
        String agentId = agent();
        String sibling = agent();
        String foreign = agent(other, "{\"name\": \"foreign " + System.nanoTime() + "\", \"prompt\": \"p\"}");
        String siblingThread = "thr_" + sibling.substring(4);
        String foreignThread = "thr_" + foreign.substring(4);
        Sql.exec(
                "INSERT INTO threads (id, agent_id, workspace_id) VALUES ('" + siblingThread + "', '" + sibling + "', '"
                        + tenant.workspaceId() + "')",
                "INSERT INTO threads (id, agent_id, workspace_id) VALUES ('" + foreignThread + "', '" + foreign + "', '"
                        + other.workspaceId() + "')");

        for (String threadId : List.of(siblingThread, foreignThread, "thr_unknown")) {
            tenant.as()
                    .body(Map.of("title", "t", "content", "c", "thread_id", threadId))
                    .post(artifacts(agentId))
                    .then()
                    .statusCode(400)
                    .body("errors.field", contains("thread_id"))
                    .body("errors[0].message", equalTo("is not a thread of this agent"));
        }
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreation() {
        String agentId = agent();
        String body = "{\"title\": \"Once\", \"content\": \"only once\"}";

        String first = tenant.as()
                .header("Idempotency-Key", "artifact-" + agentId)
                .body(body)
                .post(artifacts(agentId))
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String second = tenant.as()
                .header("Idempotency-Key", "artifact-" + agentId)
                .body(body)
                .post(artifacts(agentId))
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        assertThat(second).isEqualTo(first);
        tenant.as().get(artifacts(agentId)).then().body("meta.total", equalTo(1));
        tenant.as()
                .header("Idempotency-Key", "artifact-" + agentId)
                .body("{\"title\": \"Twice\", \"content\": \"different\"}")
                .post(artifacts(agentId))
                .then()
                .statusCode(422);
    }

    @Test
    void theListLeavesContentOutAndPagesNewestFirst() {
        String agentId = agent();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(createId(agentId, "{\"title\": \"report " + i + "\", \"content\": \"body " + i + "\"}"));
        }

        tenant.as()
                .get(artifacts(agentId))
                .then()
                .statusCode(200)
                .body("data.id", contains(ids.get(2), ids.get(1), ids.get(0)))
                .body("data", everyItem(not(hasKey("content"))))
                .body("data[0].title", equalTo("report 3"))
                .body("data[0].approval_status", equalTo("not_required"))
                .body("data[0].created_at", matchesPattern(TIMESTAMP))
                .body("meta.total", equalTo(3))
                .body("meta.limit", equalTo(50))
                .body("meta.offset", equalTo(0))
                .body("meta.has_more", equalTo(false));
        tenant.as()
                .queryParam("limit", 2)
                .queryParam("offset", 1)
                .get(artifacts(agentId))
                .then()
                .statusCode(200)
                .body("data.id", contains(ids.get(1), ids.get(0)))
                .body("meta.has_more", equalTo(false));
        tenant.as()
                .queryParam("limit", 1)
                .get(artifacts(agentId))
                .then()
                .body("data.id", contains(ids.get(2)))
                .body("meta.has_more", equalTo(true));
        tenant.as()
                .queryParam("limit", 100)
                .get(artifacts(agentId))
                .then()
                .statusCode(200)
                .body("meta.limit", equalTo(100));
    }

    @Test
    void theListFiltersByTypeTagAndApprovalStatus() {
        String agentId = agent();
        String report = createId(agentId, "{\"title\": \"r\", \"content\": \"c\", \"tags\": [\"q4\", \"marketing\"]}");
        String note = createId(
                agentId, "{\"title\": \"n\", \"content\": \"c\", \"artifact_type\": \"note\", \"tags\": [\"q4\"]}");
        String draft = createId(
                agentId,
                "{\"title\": \"d\", \"content\": \"c\", \"artifact_type\": \"post_draft\","
                        + " \"approval_status\": \"pending_review\", \"tags\": [\"marketing\"]}");

        assertThat(list(agentId, "type", "note")).containsExactly(note);
        assertThat(list(agentId, "type", "html_report")).containsExactly(report);
        assertThat(list(agentId, "tag", "q4")).containsExactly(note, report);
        assertThat(list(agentId, "tag", "marketing")).containsExactly(draft, report);
        assertThat(list(agentId, "tag", "none")).isEmpty();
        assertThat(list(agentId, "approval_status", "pending_review")).containsExactly(draft);
        assertThat(list(agentId, "approval_status", "not_required")).containsExactly(note, report);
        assertThat(list(agentId, "approval_status", "approved")).isEmpty();
        tenant.as()
                .queryParam("tag", "marketing")
                .queryParam("type", "post_draft")
                .queryParam("approval_status", "pending_review")
                .get(artifacts(agentId))
                .then()
                .body("data.id", contains(draft))
                .body("meta.total", equalTo(1));
    }

    private static List<String> list(String agentId, String filter, String value) {
        return tenant.as()
                .queryParam(filter, value)
                .get(artifacts(agentId))
                .then()
                .statusCode(200)
                .extract()
                .path("data.id");
    }

    @Test
    void invalidFiltersAndPagingAre400sNamingTheParameter() {
        String agentId = agent();

        tenant.as()
                .queryParam("type", "Not A Type")
                .queryParam("tag", "x".repeat(51))
                .queryParam("approval_status", "published")
                .get(artifacts(agentId))
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("type", "tag", "approval_status"));
        for (int limit : List.of(0, 101)) {
            tenant.as()
                    .queryParam("limit", limit)
                    .get(artifacts(agentId))
                    .then()
                    .statusCode(400)
                    .body("errors.field", contains("limit"))
                    .body("errors[0].message", equalTo("must be between 1 and 100"));
        }
        tenant.as()
                .queryParam("offset", -1)
                .get(artifacts(agentId))
                .then()
                .statusCode(400)
                .body("errors.field", contains("offset"));
    }

    @Test
    void getReturnsTheContent() {
        String agentId = agent();
        String artifactId = createId(agentId, "{\"title\": \"Full\", \"content\": \"<h1>all of it</h1>\"}");

        tenant.as()
                .get(artifacts(agentId) + "/" + artifactId)
                .then()
                .statusCode(200)
                .body("data.id", equalTo(artifactId))
                .body("data.content", equalTo("<h1>all of it</h1>"))
                .body("data.review_note", nullValue());
    }

    @Test
    void deleteRemovesTheArtifactOnce() {
        String agentId = agent();
        String kept = createId(agentId, "{\"title\": \"kept\", \"content\": \"c\"}");
        String artifactId = createId(agentId, "{\"title\": \"gone\", \"content\": \"c\"}");

        tenant.as()
                .delete(artifacts(agentId) + "/" + artifactId)
                .then()
                .statusCode(200)
                .body("data.deleted", equalTo(true));

        tenant.as().get(artifacts(agentId) + "/" + artifactId).then().statusCode(404);
        tenant.as().delete(artifacts(agentId) + "/" + artifactId).then().statusCode(404);
        tenant.as().get(artifacts(agentId)).then().body("data.id", contains(kept));
    }

    @Test
    void anotherAgentsOrWorkspacesArtifactIsNotFound() {
        String agentId = agent();
        String sibling = agent();
        String artifactId = createId(agentId, "{\"title\": \"mine\", \"content\": \"c\"}");

        tenant.as()
                .get(artifacts(sibling) + "/" + artifactId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        tenant.as().delete(artifacts(sibling) + "/" + artifactId).then().statusCode(404);
        other.as().get(artifacts(agentId)).then().statusCode(404);
        other.as().get(artifacts(agentId) + "/" + artifactId).then().statusCode(404);
        other.as().delete(artifacts(agentId) + "/" + artifactId).then().statusCode(404);
        other.as()
                .body("{\"title\": \"t\", \"content\": \"c\"}")
                .post(artifacts(agentId))
                .then()
                .statusCode(404);
        tenant.as().get(artifacts("agt_missing")).then().statusCode(404);
        tenant.as().get(artifacts(agentId) + "/" + artifactId).then().statusCode(200);
    }

    @Test
    void readKeysReadAndOnlyWriteKeysWrite() {
        String agentId = agent();
        String artifactId = createId(agentId, "{\"title\": \"t\", \"content\": \"c\"}");
        String reader = tenant.key("artifact-reader", "agents:read");

        TestTenant.as(reader).get(artifacts(agentId)).then().statusCode(200);
        TestTenant.as(reader).get(artifacts(agentId) + "/" + artifactId).then().statusCode(200);
        TestTenant.as(reader)
                .body("{\"title\": \"t\", \"content\": \"c\"}")
                .post(artifacts(agentId))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        TestTenant.as(reader)
                .delete(artifacts(agentId) + "/" + artifactId)
                .then()
                .statusCode(403);
        TestTenant.as(reader)
                .post(artifacts(agentId) + "/" + artifactId + "/approve")
                .then()
                .statusCode(403);
        TestTenant.as(reader)
                .post(artifacts(agentId) + "/" + artifactId + "/reject")
                .then()
                .statusCode(403);
        io.restassured.RestAssured.given()
                .get(artifacts(agentId))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        tenant.as().get(artifacts(agentId) + "/" + artifactId).then().body("data.title", equalTo("t"));
    }

    @Test
    void deletingTheAgentDeletesItsArtifacts() {
        String agentId = agent();
        String artifactId = createId(agentId, "{\"title\": \"t\", \"content\": \"c\"}");

        tenant.as().delete("/api/v1/agents/" + agentId).then().statusCode(200);

        assertThat(Sql.query("SELECT count(*) FROM artifacts WHERE id = '" + artifactId + "'"))
                .isEqualTo("0");
    }

    @Test
    void everyDocumentedCreateExampleIsAccepted() throws Exception {
        JsonNode examples = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("..", "docs", "openapi.yaml")))
                .at("/paths/~1api~1v1~1agents~1{id}~1artifacts/post/requestBody/content/application~1json/examples");
        String agentId = agent();
        List<String> accepted = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = examples.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> example = fields.next();
            tenant.as()
                    .body(example.getValue().get("value").toString())
                    .post(artifacts(agentId))
                    .then()
                    .statusCode(201);
            accepted.add(example.getKey());
        }
        assertThat(accepted).containsExactlyInAnyOrder("html-report", "draft-for-review");
        tenant.as().get(artifacts(agentId)).then().body("data", hasSize(2)).body("data.tags", not(empty()));
    }
}
