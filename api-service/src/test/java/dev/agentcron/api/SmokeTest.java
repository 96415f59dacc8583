package dev.agentcron.api;

import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {

    @Test
    void smoke() {
        TestTenant t = TestTenant.create("smoke");
        String id = t.as().body("{\"name\": \"P\", \"prompt\": \"p\"}")
                .post("/api/v1/agents")
                .then()
                .extract()
                .path("data.id");
        t.as().body("{\"description\": \"x\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .log()
                .body();
        t.as().body("{\"status\": \"error\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .log()
                .body();
    }
}
