package dev.agentcron.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar agentcron-local.jar [flags]}: see {@link OptionsParser#usage()}. */
public final class Main {

    /** Exit status for a command line the launcher cannot act on. */
    static final int USAGE_ERROR = 2;

    private Main() {}

    public static void main(String[] args) {
        if (OptionsParser.wantsHelp(args)) {
            System.out.print(OptionsParser.usage());
            return;
        }
        LauncherOptions options;
        try {
            options = OptionsParser.parse(args);
        } catch (OptionsException e) {
            System.err.println("agentcron-local: " + e.getMessage());
            System.err.println("Run with --help to see every flag.");
            System.exit(USAGE_ERROR);
            return;
        }
        Console console = new Console(System.out);
        LogBridge.install(console);
        System.exit(new Launcher(options, console, searchFrom()).run());
    }

    /** Where to look for the agentcron checkout: from the launcher jar, then from the working directory. */
    private static List<Path> searchFrom() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // not loaded from a file: the working directory will do
        }
        starts.add(Path.of("").toAbsolutePath());
        return starts;
    }
}
