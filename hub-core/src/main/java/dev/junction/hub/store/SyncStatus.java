package dev.junction.hub.store;

/** Life of a sync record. */
public enum SyncStatus {
    /** Waiting for a worker (first time, or after a retryable failure once its backoff has passed). */
    PENDING,
    /** Claimed by a worker under a lease; a lease that expires (crash) returns it to PENDING. */
    IN_PROGRESS,
    SYNCED,
    /** Needs a person: the reason says what to change; retry from the admin API. */
    FAILED,
    /** Deliberately not synced (e.g. unmapped warehouse, already present); the reason says why. */
    SKIPPED
}
