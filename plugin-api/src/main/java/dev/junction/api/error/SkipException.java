package dev.junction.api.error;

/**
 * The record is deliberately not synced (e.g. its warehouse is not mapped to this destination); it is
 * marked SKIPPED with this reason, which is shown, not treated as an error.
 */
public class SkipException extends SyncException {
    public SkipException(String reason) {
        super(reason, null);
    }
}
