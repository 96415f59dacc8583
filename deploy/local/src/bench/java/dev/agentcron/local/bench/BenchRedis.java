package dev.agentcron.local.bench;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * The reactive Redis data source the services get from Quarkus, built by hand (no CDI container) so the
 * benchmark drives agentcron's own queue and registry classes.
 */
final class BenchRedis implements AutoCloseable {

    private final Vertx vertx;
    private final Redis client;
    private final ReactiveRedisDataSource dataSource;

    private BenchRedis(Vertx vertx, Redis client) {
        this.vertx = vertx;
        this.client = client;
        this.dataSource = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
    }

    /** Connects with the pool sizes of a worker (Quarkus defaults, waiting queues large enough for bursts). */
    static BenchRedis connect(String url) {
        Vertx vertx = Vertx.vertx();
        RedisOptions options = new RedisOptions()
                .setConnectionString(url)
                .setMaxPoolSize(6)
                .setMaxPoolWaiting(100_000)
                .setMaxWaitingHandlers(100_000);
        return new BenchRedis(vertx, Redis.createClient(vertx, options));
    }

    Vertx vertx() {
        return vertx;
    }

    ReactiveRedisDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        client.close();
        vertx.closeAndAwait();
    }
}
