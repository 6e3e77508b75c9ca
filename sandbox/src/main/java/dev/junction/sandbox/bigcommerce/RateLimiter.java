package dev.junction.sandbox.bigcommerce;

import java.util.function.LongSupplier;

/**
 * BigCommerce's store-wide quota: one budget of requests per fixed 30 s window, shared by all apps.
 * A quota of 0 means unlimited; the headers then report {@link Integer#MAX_VALUE} so clients that pace
 * themselves on {@code X-Rate-Limit-Requests-Left} never slow down.
 */
final class RateLimiter {
    static final long WINDOW_MS = 30_000;

    record Decision(boolean allowed, int quota, int left, long resetMs) {
    }

    private final int quota;
    private final LongSupplier clockMs;
    private long windowStart;
    private int used;

    RateLimiter(int quota, LongSupplier clockMs) {
        this.quota = quota;
        this.clockMs = clockMs;
        this.windowStart = clockMs.getAsLong();
    }

    /** Spends one request of the current window, if any is left. */
    synchronized Decision take() {
        return decide(true);
    }

    /** The window's state without spending (for answers that do not count, like 401). */
    synchronized Decision peek() {
        return decide(false);
    }

    synchronized void reset() {
        windowStart = clockMs.getAsLong();
        used = 0;
    }

    private Decision decide(boolean spend) {
        long now = clockMs.getAsLong();
        if (now - windowStart >= WINDOW_MS) {
            windowStart = now - ((now - windowStart) % WINDOW_MS);
            used = 0;
        }
        long resetMs = Math.max(1, WINDOW_MS - (now - windowStart));
        if (quota == 0) {
            return new Decision(true, Integer.MAX_VALUE, Integer.MAX_VALUE, resetMs);
        }
        if (!spend) {
            return new Decision(used < quota, quota, Math.max(0, quota - used), resetMs);
        }
        if (used >= quota) {
            return new Decision(false, quota, 0, resetMs);
        }
        used++;
        return new Decision(true, quota, quota - used, resetMs);
    }
}
