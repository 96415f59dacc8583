package dev.agentcron.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code java -jar} command lines of the api-service and worker-service processes. Everything a service
 * needs to join the cluster is passed as {@code -D} system properties, which outrank both the service's
 * {@code application.properties} and a {@code --config} file.
 */
final class ServiceCommands {

    /** Where the cluster's shared services are, as the services must be told. */
    record Endpoints(
            String reactiveUrl,
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            String redisUrl,
            String gatewayUrl,
            String bootstrapKey) {}

    private final LauncherOptions options;
    private final Endpoints endpoints;
    private final ServiceJars jars;
    private final Path java;

    ServiceCommands(LauncherOptions options, Endpoints endpoints, ServiceJars jars, Path java) {
        this.options = options;
        this.endpoints = endpoints;
        this.jars = jars;
        this.java = java;
    }

    /** The JVM running the launcher, used for the services as well. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String apiName(int index) {
        return "api-" + index;
    }

    static String workerName(int index) {
        return "worker-" + index;
    }

    List<String> api(int index) {
        Map<String, String> properties = common(options.apiPort(index));
        properties.put("agentcron.bootstrap-key", endpoints.bootstrapKey());
        return command(properties, jars.api());
    }

    List<String> worker(int index) {
        Map<String, String> properties = common(options.workerPort(index));
        properties.put("agentcron.worker.id", workerName(index));
        return command(
                properties,
                jars.worker().orElseThrow(() -> new IllegalStateException("No worker jar: started with --workers 0")));
    }

    /** The properties every service gets, in a stable order. */
    Map<String, String> common(int port) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", options.httpHost());
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.datasource.reactive.url", endpoints.reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", endpoints.jdbcUrl());
        properties.put("quarkus.datasource.username", endpoints.dbUser());
        properties.put("quarkus.datasource.password", endpoints.dbPassword());
        properties.put("quarkus.redis.hosts", endpoints.redisUrl());
        properties.put("agentcron.redis.key-prefix", options.keyPrefix());
        properties.put("agentcron.gateway.base-url", endpoints.gatewayUrl());
        properties.put("quarkus.banner.enabled", "false");
        if (!options.jsonLogs()) {
            properties.put("quarkus.log.console.json.enabled", "false");
        }
        options.configFile().ifPresent(file -> properties.put("quarkus.config.locations", file.toString()));
        return properties;
    }

    private List<String> command(Map<String, String> properties, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options.jvmOptions());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
