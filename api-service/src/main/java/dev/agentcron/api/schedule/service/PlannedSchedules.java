package dev.agentcron.api.schedule.service;

import dev.agentcron.model.schedule.ScheduleSpec;
import java.util.List;

/**
 * The schedules an agent request asks for, parsed and normalized: the primary one (when the body names
 * {@code schedule}; a null spec then removes it), a new top-level {@code timezone} and seed 004's extra ones.
 */
public record PlannedSchedules(boolean primaryGiven, ScheduleSpec primary, String timezone, List<ScheduleSpec> extra) {}
