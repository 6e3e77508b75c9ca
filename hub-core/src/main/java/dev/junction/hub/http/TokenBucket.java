package dev.junction.hub.http;

import dev.junction.api.http.RateLimitPolicy.Budget;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;

/**
 * The request budget of one remote account. Refills continuously at {@code capacity / window}; the
 * remote's own figures (remaining requests, time to reset) override the local estimate, so the hub
 * never sends a request it already knows will be throttled. Thread-safe: connections on different event
 * loops may share one account.
 */
final class TokenBucket {
    private final Vertx vertx;
    private final Clock clock;
    private final double capacity;
    private final double refillPerMilli;
    private double tokens;
    private long lastRefill;
    private long blockedUntil;
    private int inFlight;

    TokenBucket(Vertx vertx, Clock clock, int capacity, Duration window) {
        this.vertx = vertx;
        this.clock = clock;
        this.capacity = capacity;
        this.refillPerMilli = capacity / (double) Math.max(1, window.toMillis());
        this.tokens = capacity;
        this.lastRefill = clock.millis();
    }

    /** Completes when a request may be sent; the caller must then call {@link #done()} when it returns. */
    Future<Void> acquire() {
        long wait = tryTake();
        if (wait <= 0) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(wait, t -> acquire().onComplete(promise));
        return promise.future();
    }

    /** @return 0 if a token was taken, else milliseconds to wait before trying again */
    private synchronized long tryTake() {
        long now = clock.millis();
        refill(now);
        if (now < blockedUntil) {
            return blockedUntil - now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            inFlight++;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerMilli));
    }

    synchronized void done() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /**
     * The remote reported its budget after answering a request. Requests still in flight will spend from
     * that remainder too, so they are subtracted; at zero the bucket blocks until the reset the remote named.
     * Refill never climbs above the policy's capacity, but the remote's own figure may.
     */
    synchronized void observe(Budget budget) {
        long now = clock.millis();
        refill(now);
        // The remote's count is the truth in both directions: lower when other clients share the account,
        // higher when the account has a bigger budget than the policy assumed (e.g. an approved OAuth app).
        double remoteView = budget.remaining() - inFlight;
        tokens = Math.max(0, remoteView);
        if (tokens < 1 && budget.resetIn() != null && remoteView <= 0) {
            blockedUntil = Math.max(blockedUntil, now + budget.resetIn().toMillis());
        }
    }

    /** The remote throttled a request: send nothing until {@code retryAfter} has passed. */
    synchronized void block(Duration retryAfter) {
        long now = clock.millis();
        tokens = 0;
        lastRefill = now;
        blockedUntil = Math.max(blockedUntil, now + Math.max(1, retryAfter.toMillis()));
    }

    synchronized double tokens() {
        refill(clock.millis());
        return tokens;
    }

    private void refill(long now) {
        if (now > lastRefill) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerMilli);
            lastRefill = now;
        }
    }
}
