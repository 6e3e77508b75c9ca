package dev.junction.hub.store;

import java.time.Instant;
import java.util.Map;

/**
 * A stored sync record, as the engine and the admin API see it.
 *
 * @param claims how many times the record has been claimed (this claim included): 1 means it has never been
 *               handed to a sink before
 */
public record SyncRecord(long id, String flowId, String sourceConnection, String sourceStream, String sourceId,
                         String entityKey, String contentKey, String searchText, String payload, SyncStatus status,
                         int attempts, String lastError, String remoteId, String message, Map<String, String> facts,
                         Instant createdAt, Instant updatedAt, Instant nextAttemptAt, Instant syncedAt,
                         Instant sourceModifiedAt, int claims) {
    public SyncRecord {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
