package dev.junction.sandbox.starshipit;

/**
 * Token bucket of {@code perSecond} requests, refilled continuously: bursts up to the limit pass, anything
 * faster gets 429, as Starshipit's API gateway does.
 */
final class RateLimiter {
    private final int perSecond;
    private double tokens;
    private long lastNanos = System.nanoTime();

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    synchronized boolean tryAcquire() {
        if (perSecond <= 0) return true;
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    synchronized void reset() {
        tokens = perSecond;
        lastNanos = System.nanoTime();
    }
}
