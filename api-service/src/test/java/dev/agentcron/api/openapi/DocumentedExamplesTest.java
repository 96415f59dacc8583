package dev.agentcron.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every request example of the committed document is accepted by the service as it stands. */
@QuarkusTest
class DocumentedExamplesTest {

    @Test
    void everyRequestExampleIsAccepted() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(OpenApiDocumentTest.COMMITTED))
                .get("paths");
        TestTenant tenant = TestTenant.create("examples");
        int checked = 0;
        for (Map.Entry<String, Integer> operation :
                Map.of("/api/v1/agents", 201, "/api/v1/schedules/preview", 200).entrySet()) {
            JsonNode examples = paths.get(operation.getKey())
                    .get("post")
                    .get("requestBody")
                    .get("content")
                    .get("application/json")
                    .get("examples");
            Iterator<Map.Entry<String, JsonNode>> fields = examples.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> example = fields.next();
                int status = tenant.as()
                        .body(example.getValue().get("value").toString())
                        .post(operation.getKey())
                        .then()
                        .extract()
                        .statusCode();
                assertThat(status)
                        .as("example %s of POST %s", example.getKey(), operation.getKey())
                        .isEqualTo(operation.getValue());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6);

        String agentId = tenant.as()
                .body("{\"name\": \"examples subscriber\", \"prompt\": \"React\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        int subscriptionExamples = postExamples(
                tenant,
                paths,
                "/api/v1/agents/{id}/subscriptions",
                "/api/v1/agents/" + agentId + "/subscriptions",
                201);
        int eventExamples = postExamples(tenant, paths, "/api/v1/events", "/api/v1/events", 202);
        assertThat(subscriptionExamples).isEqualTo(1);
        assertThat(eventExamples).isEqualTo(1);
    }

    private static int postExamples(TestTenant tenant, JsonNode paths, String documented, String url, int expected) {
        Iterator<Map.Entry<String, JsonNode>> examples = paths.get(documented)
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples")
                .fields();
        int checked = 0;
        while (examples.hasNext()) {
            Map.Entry<String, JsonNode> example = examples.next();
            int status = tenant.as()
                    .body(example.getValue().get("value").toString())
                    .post(url)
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status)
                    .as("example %s of POST %s", example.getKey(), documented)
                    .isEqualTo(expected);
            checked++;
        }
        return checked;
    }
}
