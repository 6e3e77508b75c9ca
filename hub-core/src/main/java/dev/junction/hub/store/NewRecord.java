package dev.junction.hub.store;

/**
 * A record to ingest for a flow.
 *
 * @param contentKey distinguishes states of the same source record (the source's version, else a hash of
 *                   the payload); {@code (flowId, sourceId, contentKey)} is unique, which is what dedupes
 *                   repeated webhooks, overlapping polls and sweeps
 * @param searchText free text a merchant searches by (order number, customer email)
 * @param payload    native JSON as received
 */
public record NewRecord(String flowId, String sourceConnection, String sourceStream, String sourceId, String entityKey,
                        String contentKey, String searchText, String payload, java.time.Instant sourceModifiedAt) {
}
