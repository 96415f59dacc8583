package dev.agentcron.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The api-service and worker-service fast-jars the launcher runs: {@code --api-jar}/{@code --worker-jar}
 * when given, otherwise {@code <module>/target/quarkus-app/quarkus-run.jar} of the agentcron checkout found
 * by walking up from the launcher jar and from the working directory.
 */
record ServiceJars(Path api, Optional<Path> worker) {

    static final String BUILD_COMMAND = "./mvnw -B -q package -DskipTests";
    private static final String RUN_JAR = "target/quarkus-app/quarkus-run.jar";

    /** Finds the jars, or explains how to get them. */
    static ServiceJars locate(LauncherOptions options, List<Path> searchFrom) {
        boolean needWorker = options.workers() > 0;
        if (options.apiJar().isPresent() && (options.workerJar().isPresent() || !needWorker)) {
            return new ServiceJars(options.apiJar().get(), options.workerJar());
        }
        Optional<Path> root = checkoutRoot(searchFrom);
        if (root.isEmpty()) {
            throw new LauncherException("Cannot find the agentcron checkout (a directory with api-service/ and"
                    + " worker-service/) above " + searchFrom + ": run the launcher from the checkout or pass"
                    + " --api-jar and --worker-jar");
        }
        Path api = options.apiJar().orElse(root.get().resolve("api-service").resolve(RUN_JAR));
        Path worker =
                options.workerJar().orElse(root.get().resolve("worker-service").resolve(RUN_JAR));
        List<Path> missing = new ArrayList<>();
        if (!Files.isRegularFile(api)) {
            missing.add(api);
        }
        if (needWorker && !Files.isRegularFile(worker)) {
            missing.add(worker);
        }
        if (!missing.isEmpty()) {
            throw new LauncherException(
                    "Missing " + missing + ". Build the services first: cd " + root.get() + " && " + BUILD_COMMAND);
        }
        return new ServiceJars(api, needWorker ? Optional.of(worker) : Optional.empty());
    }

    /** The nearest directory at or above one of {@code starts} that holds both service modules. */
    static Optional<Path> checkoutRoot(List<Path> starts) {
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("api-service")) && Files.isDirectory(dir.resolve("worker-service"))) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }
}
