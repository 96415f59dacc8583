package dev.agentcron.api.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RedisDownProfile.class)
class DependencyDownTest {

    @Test
    void anUnreachableRedisIsA503ProblemWithRetryAfter() {
        given().auth()
                .oauth2(TestTenant.BOOTSTRAP_KEY)
                .get("/api/v1/agents")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://agentcron.dev/problems/unavailable"))
                .body("detail", not(containsString("Exception")));
    }
}
