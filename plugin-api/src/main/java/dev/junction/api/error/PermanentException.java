package dev.junction.api.error;

/**
 * A failure that repeating will not fix (validation error, unmapped value, bad filter): the record is
 * FAILED with this message until a person changes something and retries it.
 */
public class PermanentException extends SyncException {
    public PermanentException(String message) {
        super(message, null);
    }

    public PermanentException(String message, Throwable cause) {
        super(message, cause);
    }
}
