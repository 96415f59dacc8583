package dev.agentcron.local;

/** A command line the launcher cannot act on; the message tells the user what to change. */
final class OptionsException extends RuntimeException {

    OptionsException(String message) {
        super(message);
    }
}
