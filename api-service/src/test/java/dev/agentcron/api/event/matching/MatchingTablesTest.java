package dev.agentcron.api.event.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.api.common.error.FieldError;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table tests: topic patterns, filters and input templates, each row a case an integrator would write. */
class MatchingTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "workflow.failed, workflow.failed, true",
        "workflow.failed, workflow.succeeded, false",
        "workflow.*, workflow.failed, true",
        "workflow.*, workflow.failed.hard, false",
        "workflow.*, workflow, false",
        "workflow.>, workflow.failed.hard, true",
        "workflow.>, workflow.failed, true",
        "workflow.>, workflow, false",
        ">, anything.at.all, true",
        "*, one, true",
        "*, one.two, false",
        "app.*.*.error, app.billing.api.error, true",
        "app.*.*.error, app.billing.error, false",
        "*.failed, task.failed, true",
    })
    void topicPatterns(String pattern, String topic, boolean matches) {
        assertThat(Topics.checkPattern("topic", pattern)).isEmpty();
        assertThat(TopicIndex.of(List.of(pattern), p -> p).match(topic)).hasSize(matches ? 1 : 0);
    }

    @ParameterizedTest(name = "invalid pattern [{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "workflow.>.failed | only allowed as the last token",
                "workflow..failed | is empty",
                ".workflow | is empty",
                "workflow. | is empty",
                "work*.failed | must be whole tokens",
                "workflow.fa iled | whitespace",
            })
    void invalidPatternsAreRejectedWithTheField(String pattern, String message) {
        List<FieldError> errors = Topics.checkPattern("topic", pattern);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("topic");
            assertThat(error.message()).contains(message);
        });
    }

    @ParameterizedTest(name = "published topic [{0}] invalid")
    @CsvSource({"workflow.*", "workflow.>", "a..b"})
    void publishedTopicsHoldNoWildcardOrEmptyToken(String topic) {
        assertThat(Topics.checkTopic("topic", topic)).hasSize(1);
    }

    @ParameterizedTest(name = "filter {0} on {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{} | {\"status\": 422} | true",
                "{\"status\": 422} | {\"status\": 422} | true",
                "{\"status\": 422} | {\"status\": 422.0} | true",
                "{\"status\": 422} | {\"status\": \"422\"} | false",
                "{\"status\": 422} | {\"status\": 500} | false",
                "{\"status\": 422} | {} | false",
                "{\"status\": 422, \"env\": \"prod\"} | {\"status\": 422, \"env\": \"prod\", \"x\": 1} | true",
                "{\"status\": 422, \"env\": \"prod\"} | {\"status\": 422, \"env\": \"dev\"} | false",
                "{\"retry\": false} | {\"retry\": false} | true",
                "{\"owner\": null} | {} | true",
                "{\"owner\": null} | {\"owner\": null} | true",
                "{\"owner\": null} | {\"owner\": \"ann\"} | false",
            })
    void filters(String filter, String data, boolean matches) {
        assertThat(EventFilter.check("filter", json(filter))).isEmpty();
        assertThat(EventFilter.matches(json(filter), json(data))).isEqualTo(matches);
    }

    @ParameterizedTest(name = "filter {0} invalid at {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[1, 2] | filter",
                "\"status\" | filter",
                "{\"status\": {\"code\": 422}} | filter.status",
                "{\"tags\": [\"a\"]} | filter.tags",
            })
    void filtersThatAreNotFlatObjectsAreRejected(String filter, String field) {
        assertThat(EventFilter.check("filter", json(filter)))
                .extracting(FieldError::field)
                .containsExactly(field);
    }

    private static final InputTemplate.Event EVENT = new InputTemplate.Event(
            "evt_1",
            "workflow.failed",
            json("{\"status\": 422, \"error\": \"drift\", \"run\": {\"id\": \"r-9\", \"tries\": [1, 2]},"
                    + " \"ok\": false, \"none\": null}"));

    @ParameterizedTest(name = "template {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"e\": \"{event.data.error}\"} | {\"e\": \"drift\"}",
                "{\"s\": \"{event.data.status}\"} | {\"s\": 422}",
                "{\"ok\": \"{event.data.ok}\"} | {\"ok\": false}",
                "{\"run\": \"{event.data.run}\"} | {\"run\": {\"id\": \"r-9\", \"tries\": [1, 2]}}",
                "{\"t\": \"{event.data.run.tries.1}\"} | {\"t\": 2}",
                "{\"m\": \"{event.data.missing}\"} | {\"m\": null}",
                "{\"m\": \"{event.data.run.missing.deeper}\"} | {\"m\": null}",
                "{\"n\": \"{event.data.none}\"} | {\"n\": null}",
                "{\"topic\": \"{event.topic}\", \"id\": \"{event.id}\"} | {\"topic\": \"workflow.failed\", \"id\": \"evt_1\"}",
                "{\"msg\": \"{event.topic}: {event.data.error} ({event.data.status})\"} | {\"msg\": \"workflow.failed: drift (422)\"}",
                "{\"msg\": \"missing={event.data.nope}\"} | {\"msg\": \"missing=null\"}",
                "{\"all\": \"{event.data}\"} | {\"all\": {\"status\": 422, \"error\": \"drift\", \"run\": {\"id\": \"r-9\", \"tries\": [1, 2]}, \"ok\": false, \"none\": null}}",
                "{\"nested\": [{\"e\": \"{event.data.run.id}\"}, 7, \"plain\"]} | {\"nested\": [{\"e\": \"r-9\"}, 7, \"plain\"]}",
                "{\"data\": {\"error\": \"{event.data.error}\"}} | {\"data\": {\"error\": \"drift\"}}",
            })
    void templates(String template, String expected) {
        assertThat(InputTemplate.check("input_mapping", json(template))).isEmpty();
        assertThat(InputTemplate.render(json(template), EVENT)).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "template {0} invalid at {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"e\": \"{event.status}\"} | input_mapping.e",
                "{\"e\": \"{env.SECRET}\"} | input_mapping.e",
                "{\"a\": {\"b\": [\"ok\", \"{agent.id}\"]}} | input_mapping.a.b[1]",
                "{\"e\": \"{event.data.}\"} | input_mapping.e",
                "[\"{event.topic}\"] | input_mapping",
                "\"{event.topic}\" | input_mapping",
            })
    void templatesReferringOutsideTheEventAreRejected(String template, String field) {
        assertThat(InputTemplate.check("input_mapping", json(template)))
                .extracting(FieldError::field)
                .containsExactly(field);
    }

    @org.junit.jupiter.api.Test
    void withoutATemplateTheInputIsTheWholeEvent() {
        assertThat(InputTemplate.render(null, EVENT))
                .isEqualTo(json("{\"event\": {\"id\": \"evt_1\", \"topic\": \"workflow.failed\", \"data\": "
                        + EVENT.data() + "}}"));
    }
}
