package dev.agentcron.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import dev.agentcron.model.id.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A human's decision on drafts written by draft-mode runs: approve (possibly edited) or reject, exactly once. */
@QuarkusTest
class ArtifactReviewTest {

    private static final String TIMESTAMP = ArtifactsResourceTest.TIMESTAMP;
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);

    private static TestTenant tenant;
    private static TestTenant other;
    private static String reviewerKey;

    @BeforeEach
    void tenants() {
        if (tenant == null) {
            tenant = TestTenant.create("artifact-review");
            other = TestTenant.create("artifact-review-other");
            reviewerKey = tenant.key("editor-ui", "agents:read", "agents:write");
        }
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    private static String draftAgent() {
        return ArtifactsResourceTest.agent(
                tenant,
                "{\"name\": \"drafter " + System.nanoTime() + "\", \"prompt\": \"Draft a post\","
                        + " \"output_mode\": \"draft\", \"channels\": [\"acc_twitter_main\"]}");
    }

    /** A finished draft-mode run of the agent, as the worker records it. */
    private static String workerRun(String agentId) {
        String runId = Ids.next(Ids.RUN);
        Sql.exec("INSERT INTO runs (id, agent_id, workspace_id, trigger, status, attempt, started_at, completed_at,"
                + " model, num_turns) VALUES ('" + runId + "', '" + agentId + "', '" + tenant.workspaceId()
                + "', 'manual', 'success', 1, now(), now(), 'gpt-4o-mini', 1)");
        return runId;
    }

    /** A draft saved by that run as draft mode's worker writes it, created at the given SQL time. */
    private static String workerDraft(String agentId, String runId, String content, String createdAt) {
        String artifactId = Ids.next(Ids.ARTIFACT);
        Sql.exec("INSERT INTO artifacts (id, agent_id, workspace_id, run_id, title, artifact_type, content, summary,"
                + " tags, metadata, channels, approval_status, created_at, updated_at) VALUES ('" + artifactId
                + "', '" + agentId + "', '" + tenant.workspaceId() + "', '" + runId + "', '"
                + content.lines().findFirst().orElse("Draft 1") + "', 'post_draft', '" + content
                + "', NULL, '{}', '{}'::jsonb, ARRAY['acc_twitter_main'], 'pending_review', " + createdAt + ", "
                + createdAt + ")");
        return artifactId;
    }

    private static String workerDraft(String agentId) {
        return workerDraft(agentId, workerRun(agentId), "New feature drop on Monday!", "now()");
    }

    private static String artifact(String agentId, String artifactId) {
        return "/api/v1/agents/" + agentId + "/artifacts/" + artifactId;
    }

    @Test
    void drafsOfRunsAreListedWaitingForReview() {
        String agentId = draftAgent();
        String runId = workerRun(agentId);
        String first = workerDraft(agentId, runId, "First take", "now() - interval '1 minute'");
        String second = workerDraft(agentId, runId, "Second take", "now()");

        tenant.as()
                .queryParam("approval_status", "pending_review")
                .get("/api/v1/agents/" + agentId + "/artifacts")
                .then()
                .statusCode(200)
                .body("data.id", contains(second, first))
                .body("data[0].run_id", equalTo(runId))
                .body("data[0].artifact_type", equalTo("post_draft"))
                .body("data[0].channels", contains("acc_twitter_main"))
                .body("data[0].title", equalTo("Second take"));
        tenant.as()
                .get("/api/v1/runs/" + runId)
                .then()
                .statusCode(200)
                .body("data.artifact_ids", contains(first, second));
    }

    @Test
    void approvingWithEditedContentRecordsTheReviewerAndTheEdit() {
        String agentId = draftAgent();
        String artifactId = workerDraft(agentId);
        String createdAt =
                tenant.as().get(artifact(agentId, artifactId)).then().extract().path("data.created_at");

        JsonPath approved = TestTenant.as(reviewerKey)
                .body("{\"note\": \"Good, with a hashtag\", \"content\": \"New feature drop on Monday! #launch\"}")
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(approved.getString("data.approval_status")).isEqualTo("approved");
        assertThat(approved.getString("data.content")).isEqualTo("New feature drop on Monday! #launch");
        assertThat(approved.getString("data.review_note")).isEqualTo("Good, with a hashtag");
        assertThat(approved.getString("data.reviewed_by")).isEqualTo("editor-ui");
        assertThat(approved.getString("data.reviewed_at")).matches(TIMESTAMP);
        assertThat(approved.getString("data.updated_at")).isEqualTo(approved.getString("data.reviewed_at"));
        assertThat(Instant.parse(approved.getString("data.reviewed_at"))).isAfterOrEqualTo(Instant.parse(createdAt));
        assertThat(approved.getString("data.created_at")).isEqualTo(createdAt);
        assertThat(approved.getString("data.run_id")).isNotNull();
        tenant.as()
                .get(artifact(agentId, artifactId))
                .then()
                .body("data.approval_status", equalTo("approved"))
                .body("data.content", equalTo("New feature drop on Monday! #launch"));
    }

    @Test
    void approvingWithoutABodyKeepsTheDraftAsWritten() {
        String agentId = draftAgent();
        String artifactId = workerDraft(agentId);

        tenant.as()
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(200)
                .body("data.approval_status", equalTo("approved"))
                .body("data.content", equalTo("New feature drop on Monday!"))
                .body("data.review_note", nullValue())
                .body("data.reviewed_by", equalTo("admin"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tenant.adminKey())
                .noContentType()
                .post(artifact(agentId, workerDraft(agentId)) + "/approve")
                .then()
                .statusCode(200)
                .body("data.approval_status", equalTo("approved"));
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tenant.adminKey())
                .contentType("text/plain")
                .body("approve")
                .post(artifact(agentId, workerDraft(agentId)) + "/approve")
                .then()
                .statusCode(415);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(tenant.adminKey())
                .contentType("application/json")
                .body("{\"note\": \"json\"}")
                .post(artifact(agentId, workerDraft(agentId)) + "/approve")
                .then()
                .statusCode(200)
                .body("data.review_note", equalTo("json"));
    }

    @Test
    void rejectingWithANoteKeepsTheContent() {
        String agentId = draftAgent();
        String artifactId = workerDraft(agentId);

        TestTenant.as(reviewerKey)
                .body("{\"note\": \"Off-brand tone\"}")
                .post(artifact(agentId, artifactId) + "/reject")
                .then()
                .statusCode(200)
                .body("data.approval_status", equalTo("rejected"))
                .body("data.review_note", equalTo("Off-brand tone"))
                .body("data.reviewed_by", equalTo("editor-ui"))
                .body("data.reviewed_at", matchesPattern(TIMESTAMP))
                .body("data.content", equalTo("New feature drop on Monday!"));
        tenant.as()
                .queryParam("approval_status", "rejected")
                .get("/api/v1/agents/" + agentId + "/artifacts")
                .then()
                .body("data.id", contains(artifactId))
                .body("data[0].review_note", equalTo("Off-brand tone"));
    }

    @Test
    void aRejectionCannotEditAndInvalidReviewBodiesAre400s() {
        String agentId = draftAgent();
        String artifactId = workerDraft(agentId);

        tenant.as()
                .body("{\"note\": \"" + "n".repeat(2001) + "\", \"content\": \"edited\"}")
                .post(artifact(agentId, artifactId) + "/reject")
                .then()
                .statusCode(400)
                .body("errors.field", contains("content", "note"));
        tenant.as()
                .body("{\"content\": \"  \", \"reviewed_by\": \"someone else\"}")
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("reviewed_by", "content"));
        tenant.as()
                .body("{\"content\": \"" + "c".repeat(500_001) + "\"}")
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(400)
                .body("errors.field", contains("content"));
        tenant.as()
                .body("[\"approve\"]")
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(400);
        tenant.as().get(artifact(agentId, artifactId)).then().body("data.approval_status", equalTo("pending_review"));
    }

    @Test
    void aDraftIsDecidedOnce() {
        String agentId = draftAgent();
        String approved = workerDraft(agentId);
        String rejected = workerDraft(agentId);
        tenant.as().post(artifact(agentId, approved) + "/approve").then().statusCode(200);
        tenant.as().post(artifact(agentId, rejected) + "/reject").then().statusCode(200);

        tenant.as()
                .post(artifact(agentId, approved) + "/approve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://agentcron.dev/problems/conflict"))
                .body("detail", containsString("already approved"));
        tenant.as()
                .body("{\"note\": \"changed my mind\"}")
                .post(artifact(agentId, approved) + "/reject")
                .then()
                .statusCode(409);
        tenant.as()
                .body("{\"content\": \"rewritten\"}")
                .post(artifact(agentId, rejected) + "/approve")
                .then()
                .statusCode(409)
                .body("detail", containsString("already rejected"));
        tenant.as()
                .get(artifact(agentId, rejected))
                .then()
                .body("data.approval_status", equalTo("rejected"))
                .body("data.content", equalTo("New feature drop on Monday!"));
    }

    @Test
    void anArtifactThatNeedsNoReviewCannotBeApprovedOrRejected() {
        String agentId = draftAgent();
        String artifactId = tenant.as()
                .body("{\"title\": \"Report\", \"content\": \"c\"}")
                .post("/api/v1/agents/" + agentId + "/artifacts")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        tenant.as()
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(409)
                .body("detail", containsString("not_required"));
        tenant.as().post(artifact(agentId, artifactId) + "/reject").then().statusCode(409);
    }

    @Test
    void aDraftSubmittedThroughTheApiIsReviewedLikeAWorkerDraft() {
        String agentId = draftAgent();
        String artifactId = tenant.as()
                .body("{\"title\": \"Teaser\", \"content\": \"Soon\", \"approval_status\": \"pending_review\"}")
                .post("/api/v1/agents/" + agentId + "/artifacts")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        tenant.as()
                .body("{\"content\": \"Very soon\"}")
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(200)
                .body("data.content", equalTo("Very soon"))
                .body("data.run_id", nullValue());
    }

    @Test
    void ofEightConcurrentDecisionsOnOneDraftExactlyOneWins() throws Exception {
        String agentId = draftAgent();
        String artifactId = workerDraft(agentId);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String decision = i % 2 == 0 ? "approve" : "reject";
            String note = "reviewer " + i;
            answers.add(CLIENTS.submit(() -> {
                start.await();
                return TestTenant.as(reviewerKey)
                        .body("{\"note\": \"" + note + "\"}")
                        .post(artifact(agentId, artifactId) + "/" + decision)
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        int winner = statuses.indexOf(200);
        tenant.as()
                .get(artifact(agentId, artifactId))
                .then()
                .body("data.approval_status", equalTo(winner % 2 == 0 ? "approved" : "rejected"))
                .body("data.review_note", equalTo("reviewer " + winner));
    }

    @Test
    void twoConcurrentApprovalsGiveOne200AndOne409() throws Exception {
        String agentId = draftAgent();
        String artifactId = workerDraft(agentId);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CLIENTS.submit(() -> {
                start.await();
                return TestTenant.as(reviewerKey)
                        .post(artifact(agentId, artifactId) + "/approve")
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        start.countDown();

        assertThat(List.of(
                        answers.get(0).get(30, TimeUnit.SECONDS), answers.get(1).get(30, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void decisionsOnAnotherAgentsOrWorkspacesDraftAreNotFound() {
        String agentId = draftAgent();
        String sibling = draftAgent();
        String artifactId = workerDraft(agentId);

        tenant.as().post(artifact(sibling, artifactId) + "/approve").then().statusCode(404);
        tenant.as().post(artifact(agentId, "art_missing") + "/reject").then().statusCode(404);
        other.as()
                .post(artifact(agentId, artifactId) + "/approve")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        other.as().post(artifact(agentId, artifactId) + "/reject").then().statusCode(404);
        tenant.as().get(artifact(agentId, artifactId)).then().body("data.approval_status", equalTo("pending_review"));
    }

    @Test
    void outputsTodayCountsTheDraftsTodaysRunsCreated() {
        String agentId = draftAgent();
        String yesterdaysRun = workerRun(agentId);
        workerDraft(
                agentId,
                yesterdaysRun,
                "Yesterday",
                "(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') - interval '1 second'");
        String todaysRun = workerRun(agentId);
        String approved = workerDraft(agentId, todaysRun, "Today one", "now()");
        workerDraft(agentId, todaysRun, "Today two", "now()");
        tenant.as()
                .body(
                        "{\"title\": \"Manual\", \"content\": \"not a run output\", \"approval_status\": \"pending_review\"}")
                .post("/api/v1/agents/" + agentId + "/artifacts")
                .then()
                .statusCode(201);
        tenant.as().post(artifact(agentId, approved) + "/approve").then().statusCode(200);

        tenant.as().get("/api/v1/agents/" + agentId).then().statusCode(200).body("data.outputs_today", equalTo(2));
        tenant.as().get("/api/v1/agents/" + agentId + "/artifacts").then().body("meta.total", equalTo(4));
    }
}
