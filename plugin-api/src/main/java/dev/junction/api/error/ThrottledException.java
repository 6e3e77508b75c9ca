package dev.junction.api.error;

import java.time.Duration;

/**
 * The remote refused a request because its rate limit was reached. Backpressure, never a failure: the
 * hub waits for {@link #retryAfter()} and does not count the attempt against the record.
 */
public class ThrottledException extends RetryableException {
    public ThrottledException(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
