package dev.agentcron.api.run.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentcron.model.run.RunEntity;
import dev.agentcron.model.run.RunStepEntity;
import java.util.List;

/** Runs and steps as the API shows them. */
public final class RunMapper {

    private RunMapper() {}

    public static RunView toView(RunEntity run, List<String> artifactIds, List<RunStepEntity> steps) {
        return new RunView(
                run.id,
                run.agentId,
                run.scheduleId,
                run.trigger,
                run.scheduledFor,
                run.status,
                run.statusReason,
                run.output,
                artifactIds,
                run.input == null ? JsonNodeFactory.instance.objectNode() : run.input,
                run.threadId,
                run.eventId,
                run.model,
                run.inputTokens,
                run.outputTokens,
                run.costUsd.stripTrailingZeros(),
                run.numTurns,
                run.attempt,
                run.queuedAt,
                run.startedAt,
                run.completedAt,
                run.durationMs,
                run.error,
                steps == null ? null : steps.stream().map(RunMapper::toView).toList());
    }

    static RunStepView toView(RunStepEntity step) {
        return new RunStepView(
                step.seq,
                step.attempt,
                step.kind,
                step.model,
                step.toolName,
                step.inputTokens,
                step.outputTokens,
                step.costUsd.stripTrailingZeros(),
                step.durationMs,
                step.outcome,
                step.error,
                step.detail,
                step.startedAt);
    }
}
