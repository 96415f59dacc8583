package dev.agentcron.model.queue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the Lua scripts of {@link LuaScripts} with EVALSHA, loading a script with EVAL the first time a
 * server does not know it (after a restart or a FLUSHALL too).
 */
@ApplicationScoped
public class RedisScripts {

    private final ReactiveRedisDataSource redis;
    private final ConcurrentHashMap<String, String> shas = new ConcurrentHashMap<>();

    public RedisScripts(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Runs script {@code name} with the given keys and arguments. */
    public Uni<Response> run(String name, List<String> keys, List<String> args) {
        String sha = shas.computeIfAbsent(name, n -> sha1(LuaScripts.source(n)));
        return redis.execute("EVALSHA", command(sha, keys, args))
                .onFailure(RedisScripts::isNoScript)
                .recoverWithUni(() -> redis.execute("EVAL", command(LuaScripts.source(name), keys, args)));
    }

    private static String[] command(String script, List<String> keys, List<String> args) {
        String[] command = new String[2 + keys.size() + args.size()];
        command[0] = script;
        command[1] = Integer.toString(keys.size());
        int i = 2;
        for (String key : keys) {
            command[i++] = key;
        }
        for (String arg : args) {
            command[i++] = arg;
        }
        return command;
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
