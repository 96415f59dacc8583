package dev.agentcron.worker.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The scheduling engine's loops running with time compressed: short leases, fast ticks and recovery, so
 * tests of firing, claiming and recovery finish in seconds.
 */
public class EngineProfile implements QuarkusTestProfile {

    /** The lease tests run with; expired leases are recovered within about this plus the recover interval. */
    public static final int LEASE_SECONDS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "agentcron.worker.roles", "ticker,consumer,recovery",
                "agentcron.worker.id", "engine-test-worker",
                "agentcron.worker.lease", LEASE_SECONDS + "s",
                "agentcron.worker.lease-renew-interval", "1s",
                "agentcron.worker.recover-interval", "500ms",
                "agentcron.worker.tick-interval", "50ms",
                "agentcron.worker.idle-poll", "10ms",
                "agentcron.worker.shutdown-grace", "2s",
                // read by the api-service only: a configuration file both services share must not stop the worker
                "agentcron.rate-limit.per-second", "1000");
    }
}
