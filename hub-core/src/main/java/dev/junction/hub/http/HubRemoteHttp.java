package dev.junction.hub.http;

import dev.junction.api.http.RateLimitPolicy;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.http.RemoteHttp;
import dev.junction.api.service.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub's outbound HTTP: one shared WebClient (connection pooling across plugins) and one token bucket
 * per remote account key. The first policy registered for a key sizes its bucket.
 */
public final class HubRemoteHttp implements RemoteHttp, AutoCloseable {
    /** Throttled responses re-sent before the failure is handed to the engine's own backoff. */
    static final int MAX_THROTTLE_RESENDS = 8;

    private final Vertx vertx;
    private final Clock clock;
    private final Metrics metrics;
    private final WebClient webClient;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final long requestTimeoutMs;

    public HubRemoteHttp(Vertx vertx, Clock clock, Metrics metrics) {
        this(vertx, clock, metrics, 30_000);
    }

    /** @param requestTimeoutMs applied to requests that set no timeout of their own */
    public HubRemoteHttp(Vertx vertx, Clock clock, Metrics metrics, long requestTimeoutMs) {
        this.requestTimeoutMs = requestTimeoutMs;
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.webClient = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("Junction/1")
                .setKeepAlive(true)
                .setConnectTimeout(10_000)
                .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(64));
    }

    @Override
    public RateLimitedClient client(String limiterKey, RateLimitPolicy policy) {
        TokenBucket bucket = buckets.computeIfAbsent(limiterKey,
                k -> new TokenBucket(vertx, clock, policy.capacity(), policy.window()));
        return new LimitedClient(webClient, bucket, policy, limiterKey, metrics, requestTimeoutMs);
    }

    /** Tokens left in a key's bucket (for the admin API and tests); -1 if the key is unknown. */
    public double tokens(String limiterKey) {
        TokenBucket b = buckets.get(limiterKey);
        return b == null ? -1 : b.tokens();
    }

    @Override
    public void close() {
        webClient.close();
    }
}
