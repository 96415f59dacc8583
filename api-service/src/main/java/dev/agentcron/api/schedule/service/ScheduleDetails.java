package dev.agentcron.api.schedule.service;

import dev.agentcron.model.schedule.ScheduleEntity;
import java.time.Instant;
import java.util.List;

/** A stored schedule and its upcoming occurrences (before jitter), as computed when it was read. */
public record ScheduleDetails(ScheduleEntity schedule, List<Instant> nextRunTimes) {}
