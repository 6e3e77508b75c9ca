package dev.junction.sandbox.brightpearl;

import java.util.ArrayDeque;
import java.util.function.IntSupplier;

/**
 * Brightpearl's rolling per-account request budget: at most N requests in any 60 s window. Every
 * request (admitted or not) learns the remaining count and the ms until the window frees a slot, which
 * go out as {@code brightpearl-requests-remaining} and {@code brightpearl-next-throttle-period}.
 */
final class Throttle {
    static final long WINDOW_MS = 60_000;

    /** Outcome of one request: admitted or not, plus the header values. */
    record Decision(boolean admitted, long remaining, long nextPeriodMs) {
    }

    private final IntSupplier budget;
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private long windowStart = -1;
    private long unlimitedCount;

    Throttle(IntSupplier budget) {
        this.budget = budget;
    }

    synchronized Decision take(long nowMs) {
        int limit = budget.getAsInt();
        if (limit <= 0) {
            // unlimited: still answer plausible headers so clients parsing them keep working
            if (windowStart < 0 || nowMs - windowStart >= WINDOW_MS) {
                windowStart = nowMs;
                unlimitedCount = 0;
            }
            unlimitedCount++;
            admitted.clear();
            return new Decision(true, 199, WINDOW_MS - (nowMs - windowStart));
        }
        while (!admitted.isEmpty() && nowMs - admitted.peekFirst() >= WINDOW_MS) {
            admitted.pollFirst();
        }
        if (admitted.size() >= limit) {
            return new Decision(false, 0, nextPeriod(nowMs));
        }
        admitted.addLast(nowMs);
        return new Decision(true, limit - admitted.size(), nextPeriod(nowMs));
    }

    /** Current headers without spending budget (for responses that are not API calls). */
    synchronized Decision peek(long nowMs) {
        int limit = budget.getAsInt();
        if (limit <= 0) {
            return new Decision(true, 199, WINDOW_MS);
        }
        while (!admitted.isEmpty() && nowMs - admitted.peekFirst() >= WINDOW_MS) {
            admitted.pollFirst();
        }
        return new Decision(admitted.size() < limit, Math.max(0, limit - admitted.size()), nextPeriod(nowMs));
    }

    private long nextPeriod(long nowMs) {
        return admitted.isEmpty() ? WINDOW_MS : Math.max(1, WINDOW_MS - (nowMs - admitted.peekFirst()));
    }

    synchronized void clear() {
        admitted.clear();
        windowStart = -1;
    }
}
