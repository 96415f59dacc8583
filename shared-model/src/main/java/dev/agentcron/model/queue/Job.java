package dev.agentcron.model.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A job on a Redis stream. Two kinds:
 *
 * <ul>
 *   <li>{@code occurrence}: a schedule fired; the consumer creates the run row (unique per schedule and
 *       occurrence) and admits it (overlap, daily limit);
 *   <li>{@code run}: a run row already exists as {@code queued} (manual, event, chat, re-enqueued); the
 *       consumer claims it.
 * </ul>
 *
 * @param kind {@link #OCCURRENCE} or {@link #RUN}
 * @param runId the run, for {@code run} jobs
 * @param scheduleId the schedule, for {@code occurrence} jobs
 * @param agentId the agent
 * @param scheduledFor the occurrence before jitter, for {@code occurrence} jobs
 * @param dueAt when the job became due (jitter included), for lag measurement; may be null
 */
public record Job(String kind, String runId, String scheduleId, String agentId, Instant scheduledFor, Instant dueAt) {

    public static final String OCCURRENCE = "occurrence";
    public static final String RUN = "run";

    public static Job run(String runId, String agentId) {
        return new Job(RUN, runId, null, agentId, null, null);
    }

    public static Job occurrence(String scheduleId, String agentId, Instant scheduledFor, Instant dueAt) {
        return new Job(OCCURRENCE, null, scheduleId, agentId, scheduledFor, dueAt);
    }

    public boolean isOccurrence() {
        return OCCURRENCE.equals(kind);
    }

    /** Field/value pairs for XADD. */
    public List<String> toFields() {
        List<String> fields = new ArrayList<>(12);
        fields.add("kind");
        fields.add(kind);
        fields.add("agent_id");
        fields.add(agentId);
        if (runId != null) {
            fields.add("run_id");
            fields.add(runId);
        }
        if (scheduleId != null) {
            fields.add("schedule_id");
            fields.add(scheduleId);
        }
        if (scheduledFor != null) {
            fields.add("scheduled_for");
            fields.add(Long.toString(scheduledFor.toEpochMilli()));
        }
        if (dueAt != null) {
            fields.add("due_at");
            fields.add(Long.toString(dueAt.toEpochMilli()));
        }
        return fields;
    }

    /** The job of a stream entry; throws {@link IllegalArgumentException} for a malformed entry. */
    public static Job fromFields(Map<String, String> fields) {
        String kind = fields.get("kind");
        String agentId = fields.get("agent_id");
        if (agentId == null || !(RUN.equals(kind) || OCCURRENCE.equals(kind))) {
            throw new IllegalArgumentException("Not a job: " + fields);
        }
        Job job = new Job(
                kind,
                fields.get("run_id"),
                fields.get("schedule_id"),
                agentId,
                millis(fields.get("scheduled_for")),
                millis(fields.get("due_at")));
        if (job.isOccurrence() ? job.scheduleId == null || job.scheduledFor == null : job.runId == null) {
            throw new IllegalArgumentException("Incomplete " + kind + " job: " + fields);
        }
        return job;
    }

    private static Instant millis(String value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
