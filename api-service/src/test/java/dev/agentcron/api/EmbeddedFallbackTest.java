package dev.agentcron.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.agentcron.api.support.TestTenant;
import dev.agentcron.testsupport.TestInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the {@code embedded-fallback} Surefire execution, where the configured PostgreSQL and Redis
 * point at ports nothing listens on: the tests must then run on embedded servers.
 */
@QuarkusTest
class EmbeddedFallbackTest {

    @Test
    void runsOnEmbeddedPostgresAndRedisWhenTheConfiguredOnesDoNotAnswer() {
        assertThat(TestInfra.get().embeddedPostgres()).isTrue();
        assertThat(TestInfra.get().embeddedRedis()).isTrue();

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth()
                .oauth2(TestTenant.BOOTSTRAP_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "fallback"))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(201)
                .body("data.id", startsWith("wsp_"));
    }
}
