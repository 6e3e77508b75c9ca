package dev.junction.hub.store;

import java.time.Instant;

/**
 * One try at syncing a record.
 *
 * @param outcome        SYNCED, SKIPPED, RETRY (retryable failure), THROTTLED (backpressure, not counted
 *                       as a failure), UNAVAILABLE (the remote looked down; not counted either),
 *                       FAILED (permanent)
 * @param error          the failure as shown to a merchant, null on success
 * @param mappingVersion the mapping tables' version the attempt used, so a replay shows whether it ran
 *                       with newer mappings than the original
 */
public record Attempt(long recordId, int number, Instant startedAt, Instant finishedAt, String outcome, String error,
                      String mappingVersion) {
}
