package dev.agentcron.api.key.service;

import dev.agentcron.api.auth.ApiKeySecrets;
import dev.agentcron.api.auth.Scopes;
import dev.agentcron.model.id.Ids;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the operator's {@code agentcron.bootstrap-key} exists at start: in the oldest workspace
 * (created when there is none) with every scope. Replicas starting together serialize on a PostgreSQL
 * advisory lock, and the unique {@code key_hash} makes a second insert a no-op.
 */
@ApplicationScoped
public class BootstrapKey {

    static final int MIN_LENGTH = 20;
    private static final Logger LOG = Logger.getLogger(BootstrapKey.class);
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('agentcron.bootstrap-key'))";
    private static final String FIRST_WORKSPACE = "SELECT id FROM workspaces ORDER BY created_at, id LIMIT 1";
    private static final String INSERT_WORKSPACE = "INSERT INTO workspaces (id, name) VALUES ($1, $2)";
    private static final String INSERT_KEY = "INSERT INTO api_keys (id, workspace_id, name, prefix, key_hash, scopes)"
            + " VALUES ($1, $2, 'bootstrap', $3, $4, $5) ON CONFLICT (key_hash) DO NOTHING";

    private final Pool pool;
    private final Optional<String> bootstrapKey;

    /**
     * @param bootstrapKey {@code agentcron.bootstrap-key}: secret of the installation's first key (at least
     *     20 characters), holding every scope in the first workspace
     */
    public BootstrapKey(Pool pool, @ConfigProperty(name = "agentcron.bootstrap-key") Optional<String> bootstrapKey) {
        this.pool = pool;
        this.bootstrapKey = bootstrapKey;
    }

    void ensure(@Observes @Priority(10) StartupEvent event) {
        if (bootstrapKey.isEmpty()) {
            return;
        }
        String secret = bootstrapKey.get();
        validate(secret);
        pool.withTransaction(connection -> ensure(connection, secret)).await().atMost(Duration.ofSeconds(60));
    }

    /** Fails the start when the configured secret is too short to be safe. */
    static void validate(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("agentcron.bootstrap-key must be at least " + MIN_LENGTH
                    + " characters long (it has " + secret.length() + "); set a longer secret");
        }
    }

    private Uni<Void> ensure(SqlConnection connection, String secret) {
        return connection
                .query(LOCK)
                .execute()
                .chain(() -> firstWorkspace(connection))
                .chain(workspaceId -> insertKey(connection, workspaceId, secret));
    }

    private Uni<String> firstWorkspace(SqlConnection connection) {
        return connection.query(FIRST_WORKSPACE).execute().chain(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(rows.iterator().next().getString("id"));
            }
            String id = Ids.next(Ids.WORKSPACE);
            LOG.infof("Created the first workspace %s", id);
            return connection
                    .preparedQuery(INSERT_WORKSPACE)
                    .execute(Tuple.of(id, "Default workspace"))
                    .replaceWith(id);
        });
    }

    private Uni<Void> insertKey(SqlConnection connection, String workspaceId, String secret) {
        return connection
                .preparedQuery(INSERT_KEY)
                .execute(Tuple.of(
                        Ids.next(Ids.KEY),
                        workspaceId,
                        ApiKeySecrets.shownPrefix(secret),
                        ApiKeySecrets.hash(secret),
                        Scopes.ALL.toArray(String[]::new)))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("Bootstrap key installed in workspace %s", workspaceId);
                    }
                })
                .replaceWithVoid();
    }
}
