package dev.agentcron.model.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lua scripts of agentcron: one file per script under {@code lua/} in this module, each opening with a
 * comment that names its KEYS and ARGV. Callers run them with EVAL (Redis caches the compiled script).
 */
public final class LuaScripts {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private LuaScripts() {}

    /** The source of {@code lua/<name>.lua}. */
    public static String source(String name) {
        return CACHE.computeIfAbsent(name, LuaScripts::read);
    }

    private static String read(String name) {
        String path = "lua/" + name + ".lua";
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No Lua script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + path, e);
        }
    }
}
