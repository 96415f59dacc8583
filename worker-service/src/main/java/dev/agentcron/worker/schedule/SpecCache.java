package dev.agentcron.worker.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.schedule.ScheduleParser;
import dev.agentcron.model.schedule.ScheduleSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsed schedule specs by schedule id and version, so the ticker parses each spec once, not per fire. */
@ApplicationScoped
public class SpecCache {

    private static final int MAX_ENTRIES = 250_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(String version, ScheduleSpec spec) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The spec of a schedule at a version, parsed from its normalized JSON when not cached. */
    public synchronized ScheduleSpec get(String scheduleId, String version, String json) {
        Entry entry = entries.get(scheduleId);
        if (entry != null && entry.version().equals(version)) {
            return entry.spec();
        }
        ScheduleSpec spec = parse(json);
        entries.put(scheduleId, new Entry(version, spec));
        return spec;
    }

    private static ScheduleSpec parse(String json) {
        try {
            return ScheduleParser.parse(JSON.readTree(json), "schedule", null);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable schedule spec " + json, e);
        }
    }
}
