package dev.junction.api.error;

/**
 * Base of the failures a handler reports to the hub. The subclass decides what the hub does: retry later
 * ({@link RetryableException}), stop and show the reason ({@link PermanentException}), or mark the record
 * skipped ({@link SkipException}). Any other exception a handler throws is treated as retryable, because
 * an unexpected failure is more often transient than not and retries are bounded.
 *
 * <p>Messages are shown to merchants: say what is wrong and what to change, keep the remote's own message,
 * and never include a secret.
 */
public abstract class SyncException extends RuntimeException {
    protected SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
