package dev.agentcron.api.schedule.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.api.schedule.service.ScheduleDetails;
import dev.agentcron.model.schedule.ScheduleEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stored schedules to their API form. */
public final class ScheduleMapper {

    private ScheduleMapper() {}

    public static ScheduleView toView(ScheduleDetails details) {
        ScheduleEntity s = details.schedule();
        JsonNode spec = s.spec;
        List<Instant> times = details.nextRunTimes();
        return new ScheduleView(
                s.id,
                s.agentId,
                s.primary,
                s.kind,
                text(spec, "cron"),
                strings(spec, "times"),
                spec.hasNonNull("every_minutes") ? spec.get("every_minutes").intValue() : null,
                spec.hasNonNull("at") ? Instant.parse(spec.get("at").textValue()) : null,
                s.timezone,
                s.jitterSeconds,
                s.catchupWindowSeconds,
                s.startAt,
                s.endAt,
                s.input,
                s.enabled,
                times.isEmpty() ? null : times.get(0),
                times,
                s.missedCount,
                s.createdAt,
                s.updatedAt);
    }

    private static String text(JsonNode spec, String field) {
        return spec.hasNonNull(field) ? spec.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode spec, String field) {
        if (!spec.hasNonNull(field) || !spec.get(field).isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        spec.get(field).forEach(value -> values.add(value.asText()));
        return values;
    }
}
