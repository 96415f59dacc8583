package dev.agentcron.worker.tool;

/** A tool call that failed in a way the model should be told about; the message goes back as {@code {"error"}}. */
public class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message, null, false, false);
    }
}
