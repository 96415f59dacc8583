package dev.agentcron.api.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml (the committed contract the SDK is generated from) must say what the service serves.
 * Run with {@code -Dagentcron.openapi.refresh=true} to rewrite the file from the served document.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi.yaml");
    static final String REFRESH = "./mvnw -B verify -pl api-service -am -Dtest=OpenApiDocumentTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dagentcron.openapi.refresh=true";

    @Test
    void committedDocumentMatchesTheServedOne() throws Exception {
        String served = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("agentcron.openapi.refresh")) {
            Files.writeString(COMMITTED, served);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode expected = yaml.readTree(served);
        JsonNode actual = yaml.readTree(Files.readString(COMMITTED));
        List<String> differences = new ArrayList<>();
        diff("", expected, actual, differences);
        assertThat(differences)
                .withFailMessage(
                        "docs/openapi.yaml differs from the document the service serves at %s; refresh it with%n  %s%n"
                                + "and commit it. First differences:%n  %s",
                        "/q/openapi",
                        REFRESH,
                        String.join("\n  ", differences.subList(0, Math.min(10, differences.size()))))
                .isEmpty();
    }

    /** Structural differences (object key order ignored), as JSON paths. */
    static void diff(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            differences.add(path + ": served " + expected + ", committed " + actual);
            return;
        }
        if (expected.isObject()) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                diff(path + "/" + name, expected.get(name), actual.get(name), differences);
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    differences.add(path + "/" + name + ": only in the committed file");
                }
            });
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": served " + expected.size() + " items, committed " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "/" + i, expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": served " + expected + ", committed " + actual);
        }
    }
}
