package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonObject;

/**
 * ShipHero's credit bucket: every operation spends its complexity; the bucket refills continuously at a
 * fixed rate up to its size. Refill is computed lazily from the clock, so no timer runs.
 */
final class CreditBucket {
    private final int size;
    private final int perSecond;
    private double available;
    private long lastNanos;

    CreditBucket(int size, int perSecond) {
        this.size = size;
        this.perSecond = perSecond;
        this.available = size;
        this.lastNanos = System.nanoTime();
    }

    boolean enabled() {
        return size > 0;
    }

    int size() {
        return size;
    }

    /** Spends {@code cost} credits, or returns false and spends nothing when there are not enough. */
    synchronized boolean trySpend(int cost) {
        if (!enabled()) return true;
        refill();
        if (available < cost) return false;
        available -= cost;
        return true;
    }

    /** Whole seconds until {@code cost} credits will be available (at least 1). */
    synchronized int secondsUntil(int cost) {
        refill();
        if (perSecond <= 0) return 60;
        return Math.max(1, (int) Math.ceil((cost - available) / perSecond));
    }

    synchronized int remaining() {
        refill();
        return enabled() ? (int) Math.floor(available) : Integer.MAX_VALUE;
    }

    /** Sets the credits left now; control API, so tests can reach the limit without thousands of calls. */
    synchronized void set(int credits) {
        refill();
        available = Math.max(0, Math.min(size, credits));
    }

    synchronized void reset() {
        available = size;
        lastNanos = System.nanoTime();
    }

    /** The {@code user_quota} object ShipHero reports alongside throttling information. */
    JsonObject userQuota() {
        return new JsonObject().put("credits_remaining", enabled() ? remaining() : size)
                .put("max_available", size).put("increment_rate", perSecond);
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(size, available + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
    }
}
