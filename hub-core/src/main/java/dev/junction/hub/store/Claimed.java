package dev.junction.hub.store;

import java.util.List;

/**
 * What a claim took, and whether the flow's queue was then empty.
 *
 * @param records    the records claimed, in claim order
 * @param queueEmpty true when, after this claim, the flow had no PENDING record at all (due or not, eligible or
 *                   not). Only then may the engine skip its next claim until something new is queued; a claim
 *                   that returned as many records as asked never says so (it did not look further).
 */
public record Claimed(List<SyncRecord> records, boolean queueEmpty) {
    public Claimed {
        records = List.copyOf(records);
    }
}
