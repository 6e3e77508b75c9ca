package dev.junction.hub.store;

import java.util.List;

/**
 * What an ingest stored, and which of the new records it claimed in the same transaction.
 *
 * @param ids     the inserted records' ids, in input order (duplicates omitted)
 * @param claimed those of them already IN_PROGRESS under the ingest's lease, for the caller to process now
 */
public record Ingested(List<Long> ids, List<SyncRecord> claimed) {
    public Ingested {
        ids = List.copyOf(ids);
        claimed = List.copyOf(claimed);
    }
}
