package dev.agentcron.model.schedule;

/** A cron expression that cannot be read; the message is meant for the API user. */
final class CronSyntaxException extends RuntimeException {

    CronSyntaxException(String message) {
        super(message, null, false, false);
    }
}
