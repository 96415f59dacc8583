package dev.agentcron.local;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes java.util.logging (and through slf4j-jdk14 the SLF4J logs of WireMock, Jetty and zonky's embedded
 * PostgreSQL) to the {@link Console}: zonky's lines, which carry PostgreSQL's own output, as
 * {@code postgres | …}, the rest as {@code launcher | …}; Jetty and WireMock only from WARNING up.
 */
final class LogBridge extends Handler {

    private static final String POSTGRES_LOGGERS = "io.zonky";

    /** JUL holds loggers weakly: keep the tuned ones, or their levels vanish with them. */
    private static final List<Logger> TUNED = new ArrayList<>();

    private final Console console;
    private final Formatter formatter = new SimpleFormatter();

    private LogBridge(Console console) {
        this.console = console;
    }

    static void install(Console console) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new LogBridge(console));
        for (String noisy : new String[] {"org.eclipse.jetty", "wiremock", "com.github.tomakehurst"}) {
            Logger logger = Logger.getLogger(noisy);
            logger.setLevel(Level.WARNING);
            TUNED.add(logger);
        }
    }

    @Override
    public void publish(LogRecord record) {
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        String source = name.startsWith(POSTGRES_LOGGERS) ? "postgres" : Console.LAUNCHER;
        String text = formatter.formatMessage(record);
        if (record.getThrown() != null) {
            text += ": " + record.getThrown();
        }
        boolean warning = record.getLevel().intValue() >= Level.WARNING.intValue();
        console.line(source, warning ? "WARN " + text : text);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
