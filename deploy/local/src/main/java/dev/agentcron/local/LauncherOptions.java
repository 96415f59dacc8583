package dev.agentcron.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the launcher was asked to do, validated. Built by {@link OptionsParser}; see its usage text
 * for what each setting means.
 */
record LauncherOptions(
        int apis,
        int workers,
        int apiPort,
        int workerPort,
        String httpHost,
        String pgHost,
        int pgPort,
        String pgUser,
        String pgPassword,
        String dbName,
        String redisHost,
        int redisPort,
        String keyPrefix,
        boolean embedded,
        Path dataDir,
        boolean fresh,
        Optional<String> gatewayUrl,
        int gatewayPort,
        Optional<String> bootstrapKey,
        Optional<Path> configFile,
        Optional<Path> apiJar,
        Optional<Path> workerJar,
        List<String> jvmOptions,
        Duration startupTimeout,
        Duration stopGrace,
        boolean jsonLogs,
        boolean keepGoing) {

    LauncherOptions {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The HTTP port of api-service process {@code index}. */
    int apiPort(int index) {
        return apiPort + index;
    }

    /** The HTTP (health) port of worker-service process {@code index}. */
    int workerPort(int index) {
        return workerPort + index;
    }

    /** The host clients use to reach the services: the bind address, or loopback when bound to all. */
    String clientHost() {
        return "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? "127.0.0.1" : httpHost;
    }
}
