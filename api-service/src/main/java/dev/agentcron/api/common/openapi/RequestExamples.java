package dev.agentcron.api.common.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/** Request body examples taken from the seed products the API unifies. */
final class RequestExamples {

    record Sample(String name, String summary, String json) {}

    static final Map<String, List<Sample>> BY_OPERATION = Map.of(
            "createAgent",
            List.of(
                    new Sample("cron-agent", "Seed 002: a cron agent with a turn limit and a budget", """
                            {"name": "Daily Digest", "description": "Summarizes open tasks every morning",
                             "prompt": "Review all open tasks and create a summary...", "schedule": "0 9 * * *",
                             "timezone": "America/New_York", "enabled": true,
                             "limits": {"max_turns": 50, "max_budget_usd": 0.5}}
                            """),
                    new Sample("website-agent", "Seed 003: a website agent running twice a day", """
                            {"name": "Daily Inventory Check", "base_url": "https://shop.example.com",
                             "system_prompt": "Navigate to the inventory page and extract the current stock levels.",
                             "schedule": {"mode": "SCHEDULED", "tasksPerDay": 2, "times": ["09:00", "17:00"]}}
                            """),
                    new Sample("automation", "Seed 004: an automation with goals, rules and behaviors.schedules", """
                            {"slug": "health-monitor", "name": "Health monitor",
                             "description": "Watches for workflow failures and schema drift",
                             "goals": "Detect failures early, capture diagnostics",
                             "rules": "Never auto-restart failed workflows", "status": "active",
                             "knowledge_domain": "system-health",
                             "behaviors": {"schedules": [{"cron": "*/5 * * * *", "workflow_type": "basicEcho", "envelope": {}}]}}
                            """),
                    new Sample("draft-agent", "Seed 000: a drafting agent whose posts wait for review", """
                            {"name": "Brand voice", "output_mode": "draft", "role": "Social media manager",
                             "persona": "Concise, friendly", "channels": ["acc_twitter_main"],
                             "system_prompt": "Draft one short post about this week's product news.",
                             "schedule": {"kind": "cron", "cron": "0 9 * * *", "timezone": "UTC"},
                             "limits": {"outputs_per_run": 3, "daily_limit": 10}}
                            """)),
            "previewSchedule",
            List.of(
                    new Sample("aws-cron", "Seed 003: an EventBridge expression", """
                            {"schedule": "cron(0 9 ? * MON,WED,FRI *)", "count": 5}
                            """),
                    new Sample("daily", "Daily times in a time zone", """
                            {"schedule": {"kind": "daily", "times": ["09:00", "17:00"], "timezone": "Europe/Paris"},
                             "from": "2026-01-07T00:00:00Z", "count": 4}
                            """)),
            "createArtifact",
            List.of(
                    new Sample("html-report", "Seed 001: a generated HTML report", """
                            {"title": "Q4 Marketing Plan", "content": "<html><body><h1>Q4 plan</h1></body></html>",
                             "artifact_type": "html_report", "summary": "Quarterly marketing roadmap",
                             "tags": ["marketing", "q4"], "metadata": {"quarter": "Q4"}}
                            """),
                    new Sample("draft-for-review", "Seed 000: a post draft submitted for a human's review", """
                            {"title": "Launch week teaser", "content": "Something new ships on Monday. Stay tuned!",
                             "artifact_type": "post_draft", "approval_status": "pending_review",
                             "channels": ["acc_twitter_main"]}
                            """)),
            "createSubscription",
            List.of(new Sample("workflow-failed", "Seed 004: react to failed workflows with status 422", """
                    {"topic": "workflow.failed", "filter": {"status": 422},
                     "input_mapping": {"data": {"error": "{event.data.error}"}}, "enabled": true}
                    """)),
            "publishEvent",
            List.of(new Sample("workflow-failed", "Seed 004: a failed workflow, with the client's own event id", """
                    {"topic": "workflow.failed", "data": {"status": 422, "error": "schema drift"},
                     "id": "wf-run-8812-failed"}
                    """)),
            "createThread",
            List.of(new Sample("titled", "Seed 001: a titled conversation", """
                    {"title": "Marketing Strategy Discussion"}
                    """)),
            "chat",
            List.of(
                    new Sample("question", "Seed 001: a question to the agent", """
                            {"thread_id": "thr_01JD7XK3M4N5P6Q7R8S9T0V1W2", "message": "What changed this week?"}
                            """),
                    new Sample("slash-command", "Seed 001: a slash command, answered without a model call", """
                            {"thread_id": "thr_01JD7XK3M4N5P6Q7R8S9T0V1W2", "message": "/remember Standup moved to 9:30"}
                            """)));

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestExamples() {}

    static void apply(Operation operation) {
        List<Sample> samples = BY_OPERATION.get(operation.getOperationId());
        if (samples == null
                || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
        if (json == null) {
            return;
        }
        Map<String, Example> examples = new LinkedHashMap<>();
        for (Sample sample : samples) {
            examples.put(
                    sample.name(),
                    OASFactory.createExample().summary(sample.summary()).value(parse(sample.json())));
        }
        json.setExamples(examples);
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid example " + json, e);
        }
    }
}
