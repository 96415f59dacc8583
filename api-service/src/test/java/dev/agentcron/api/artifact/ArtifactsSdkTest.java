package dev.agentcron.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentcron.api.support.TestTenant;
import dev.agentcron.sdk.ApiClient;
import dev.agentcron.sdk.ApiException;
import dev.agentcron.sdk.api.ArtifactsApi;
import dev.agentcron.sdk.model.ApproveArtifactRequest;
import dev.agentcron.sdk.model.Artifact;
import dev.agentcron.sdk.model.ArtifactSummary;
import dev.agentcron.sdk.model.CreateArtifactRequest;
import dev.agentcron.sdk.model.PageArtifactSummaryView;
import dev.agentcron.sdk.model.RejectArtifactRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The artifact operations through the Java client generated from docs/openapi.yaml. */
@QuarkusTest
class ArtifactsSdkTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void savesListsReviewsAndDeletesArtifactsThroughTheGeneratedClient() throws Exception {
        TestTenant tenant = TestTenant.create("artifacts-sdk");
        String agentId = ArtifactsResourceTest.agent(
                tenant, "{\"name\": \"SDK drafter\", \"prompt\": \"Draft\", \"channels\": [\"acc_twitter_main\"]}");
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tenant.adminKey()));
        ArtifactsApi artifacts = new ArtifactsApi(client);

        Artifact report = artifacts
                .createArtifact(
                        agentId,
                        new CreateArtifactRequest()
                                .title("Q4 Marketing Plan")
                                .content("<html>plan</html>")
                                .tags(List.of("marketing"))
                                .metadata(Map.of("quarter", "Q4")),
                        "sdk-artifact-1")
                .getData();
        Artifact draft = artifacts
                .createArtifact(
                        agentId,
                        new CreateArtifactRequest()
                                .title("Teaser")
                                .content("Soon")
                                .artifactType("post_draft")
                                .approvalStatus(CreateArtifactRequest.ApprovalStatusEnum.PENDING_REVIEW),
                        null)
                .getData();
        Artifact rejectable = artifacts
                .createArtifact(
                        agentId,
                        new CreateArtifactRequest()
                                .title("Teaser 2")
                                .content("Later")
                                .approvalStatus(CreateArtifactRequest.ApprovalStatusEnum.PENDING_REVIEW),
                        null)
                .getData();

        assertThat(report.getApprovalStatus()).isEqualTo(Artifact.ApprovalStatusEnum.NOT_REQUIRED);
        assertThat(report.getMetadata()).containsEntry("quarter", "Q4");
        assertThat(draft.getChannels()).containsExactly("acc_twitter_main");

        PageArtifactSummaryView pending = artifacts.listArtifacts(agentId, "pending_review", 10, 0, null, null);
        assertThat(pending.getData())
                .extracting(ArtifactSummary::getId)
                .containsExactly(rejectable.getId(), draft.getId());
        assertThat(pending.getMeta().getTotal()).isEqualTo(2);
        assertThat(artifacts
                        .listArtifacts(agentId, null, null, null, "marketing", "html_report")
                        .getData())
                .extracting(ArtifactSummary::getId)
                .containsExactly(report.getId());

        Artifact approved = artifacts
                .approveArtifact(
                        agentId,
                        draft.getId(),
                        new ApproveArtifactRequest().note("ok").content("Very soon"))
                .getData();
        assertThat(approved.getApprovalStatus()).isEqualTo(Artifact.ApprovalStatusEnum.APPROVED);
        assertThat(approved.getContent()).isEqualTo("Very soon");
        assertThat(approved.getReviewedBy()).isEqualTo("admin");
        assertThat(approved.getReviewedAt()).isNotNull();
        Artifact rejected = artifacts
                .rejectArtifact(agentId, rejectable.getId(), new RejectArtifactRequest().note("no"))
                .getData();
        assertThat(rejected.getApprovalStatus()).isEqualTo(Artifact.ApprovalStatusEnum.REJECTED);
        ApiException again =
                catchThrowableOfType(ApiException.class, () -> artifacts.approveArtifact(agentId, draft.getId(), null));
        assertThat(again.getCode()).isEqualTo(409);

        assertThat(artifacts.getArtifact(agentId, report.getId()).getData().getContent())
                .isEqualTo("<html>plan</html>");
        assertThat(artifacts.deleteArtifact(agentId, report.getId()).getData().getDeleted())
                .isTrue();
        ApiException gone =
                catchThrowableOfType(ApiException.class, () -> artifacts.getArtifact(agentId, report.getId()));
        assertThat(gone.getCode()).isEqualTo(404);
    }
}
