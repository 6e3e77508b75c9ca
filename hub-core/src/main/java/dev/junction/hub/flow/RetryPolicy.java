package dev.junction.hub.flow;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, never sooner than the remote's own hint. Jitter (±50%) spreads the
 * retries of a burst that failed together, so a recovering remote is not hit by all of them at once.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    /** Delay before attempt {@code failedAttempts + 1}. */
    public Duration delay(int failedAttempts, Optional<Duration> remoteHint) {
        long baseMs = base.toMillis();
        int exp = Math.min(Math.max(0, failedAttempts - 1), 30);
        long raw = Math.min(max.toMillis(), baseMs * (1L << Math.min(exp, 20)));
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        long ms = Math.min(max.toMillis(), (long) (raw * jitter));
        long hint = remoteHint.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(ms, hint));
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
