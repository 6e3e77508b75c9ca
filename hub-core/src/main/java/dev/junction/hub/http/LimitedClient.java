package dev.junction.hub.http;

import dev.junction.api.error.RetryableException;
import dev.junction.api.error.ThrottledException;
import dev.junction.api.http.RateLimitPolicy;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.service.Metrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;
import java.util.Optional;

/** A WebClient behind one account's {@link TokenBucket}; see {@link RateLimitedClient} for the contract. */
final class LimitedClient implements RateLimitedClient {
    private final WebClient webClient;
    private final TokenBucket bucket;
    private final RateLimitPolicy policy;
    private final String key;
    private final Metrics metrics;
    private final long timeoutMs;

    LimitedClient(WebClient webClient, TokenBucket bucket, RateLimitPolicy policy, String key, Metrics metrics, long timeoutMs) {
        this.timeoutMs = timeoutMs;
        this.webClient = webClient;
        this.bucket = bucket;
        this.policy = policy;
        this.key = key;
        this.metrics = metrics;
    }

    @Override
    public WebClient webClient() {
        return webClient;
    }

    @Override
    public Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, Buffer body) {
        if (request.timeout() <= 0) {
            request.timeout(timeoutMs);
        }
        return attempt(request, body, 0);
    }

    private Future<HttpResponse<Buffer>> attempt(HttpRequest<Buffer> request, Buffer body, int throttles) {
        return bucket.acquire().compose(v -> {
            metrics.increment("remote.requests", "limiter", key);
            Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(body);
            return sent.<HttpResponse<Buffer>>transform(ar -> {
                bucket.done();
                if (ar.failed()) {
                    metrics.increment("remote.errors", "limiter", key);
                    Throwable cause = ar.cause();
                    return Future.failedFuture(new RetryableException("could not reach " + request.host() + ":"
                            + request.port() + " (" + describe(cause) + ")", null, cause));
                }
                HttpResponse<Buffer> response = ar.result();
                policy.observe(response).ifPresent(bucket::observe);
                Optional<Duration> throttled = policy.throttled(response);
                if (throttled.isEmpty()) {
                    return Future.succeededFuture(response);
                }
                metrics.increment("remote.throttled", "limiter", key);
                bucket.block(throttled.get());
                if (throttles + 1 >= HubRemoteHttp.MAX_THROTTLE_RESENDS) {
                    return Future.failedFuture(new ThrottledException("the remote is throttling requests ("
                            + key + "); still throttled after " + (throttles + 1) + " waits", throttled.get()));
                }
                return attempt(request, body, throttles + 1);
            });
        });
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
