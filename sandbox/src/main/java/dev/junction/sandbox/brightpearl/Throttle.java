package dev.junction.sandbox.brightpearl;

import java.util.ArrayDeque;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Brightpearl's rolling per-account request budget: at most N requests in any window (60 s at Brightpearl;
 * configurable so tests can keep the 200-per-window ratio with a window of seconds). Every request (admitted
 * or not) learns the remaining count and the ms until the window frees a slot, which go out as
 * {@code brightpearl-requests-remaining} and {@code brightpearl-next-throttle-period}.
 */
final class Throttle {
    /** Brightpearl's window. */
    static final long DEFAULT_WINDOW_MS = 60_000;

    /** Outcome of one request: admitted or not, plus the header values. */
    record Decision(boolean admitted, long remaining, long nextPeriodMs) {
    }

    private final IntSupplier budget;
    private final LongSupplier windowMs;
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private long windowStart = -1;

    Throttle(IntSupplier budget, LongSupplier windowMs) {
        this.budget = budget;
        this.windowMs = windowMs;
    }

    synchronized Decision take(long nowMs) {
        int limit = budget.getAsInt();
        long window = window();
        if (limit <= 0) {
            // unlimited: still answer plausible headers (a fixed window restarting when it ends) so clients
            // parsing them keep working
            if (windowStart < 0 || nowMs - windowStart >= window) {
                windowStart = nowMs;
            }
            admitted.clear();
            return new Decision(true, 199, Math.max(1, window - (nowMs - windowStart)));
        }
        expire(nowMs, window);
        if (admitted.size() >= limit) {
            return new Decision(false, 0, nextPeriod(nowMs, window));
        }
        admitted.addLast(nowMs);
        return new Decision(true, limit - admitted.size(), nextPeriod(nowMs, window));
    }

    /** Current headers without spending budget (for responses that are not API calls). */
    synchronized Decision peek(long nowMs) {
        int limit = budget.getAsInt();
        long window = window();
        if (limit <= 0) {
            return new Decision(true, 199, windowStart < 0 ? window : Math.max(1, window - (nowMs - windowStart) % window));
        }
        expire(nowMs, window);
        return new Decision(admitted.size() < limit, Math.max(0, limit - admitted.size()), nextPeriod(nowMs, window));
    }

    private long window() {
        return Math.max(1, windowMs.getAsLong());
    }

    private void expire(long nowMs, long window) {
        while (!admitted.isEmpty() && nowMs - admitted.peekFirst() >= window) {
            admitted.pollFirst();
        }
    }

    /** Time until the oldest admitted request leaves the window, i.e. until a slot frees (a full window if none is used). */
    private long nextPeriod(long nowMs, long window) {
        return admitted.isEmpty() ? window : Math.max(1, window - (nowMs - admitted.peekFirst()));
    }

    synchronized void clear() {
        admitted.clear();
        windowStart = -1;
    }
}
