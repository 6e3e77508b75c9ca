package dev.junction.hub.store;

import java.time.Instant;

/**
 * A page of records for the admin API. Null filters are not applied.
 *
 * @param text   case-insensitive substring of the record's search text or source id
 * @param from   created at or after
 * @param to     created before
 * @param offset page start, 0-based
 */
public record RecordQuery(String flowId, SyncStatus status, Instant from, Instant to, String text, int offset, int limit) {
}
