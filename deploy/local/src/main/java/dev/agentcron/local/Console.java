package dev.agentcron.local;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The launcher's single output: every line names its source ({@code launcher | …}, {@code api-0 | …}),
 * whole lines only, so the output of many processes stays readable and machine-parsable.
 */
final class Console {

    static final String LAUNCHER = "launcher";

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    /** A line from {@code source}. */
    void line(String source, String text) {
        print(source + " | " + text);
    }

    void info(String text) {
        line(LAUNCHER, text);
    }

    void warn(String text) {
        line(LAUNCHER, "WARN " + text);
    }

    void error(String text) {
        line(LAUNCHER, "ERROR " + text);
    }

    /** A line without a source prefix (the READY line). */
    void print(String text) {
        synchronized (out) {
            out.print(text + System.lineSeparator());
            out.flush();
        }
    }

    /** Prints each line it receives as coming from {@code source}. */
    Consumer<String> from(String source) {
        return text -> line(source, text);
    }
}
