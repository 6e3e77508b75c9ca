package dev.junction.api.error;

import java.time.Duration;
import java.util.Optional;

/** A transient failure (network, timeout, 5xx, throttling): the hub retries with backoff. */
public class RetryableException extends SyncException {
    private final Duration retryAfter;

    public RetryableException(String message) {
        this(message, null, null);
    }

    public RetryableException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RetryableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The remote's own hint of when to try again; the hub waits at least this long. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
