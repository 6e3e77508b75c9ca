package dev.junction.hub.store;

import dev.junction.api.service.IdLink;

import java.util.List;
import java.util.Map;

/**
 * What the engine commits when a record's attempt ends. One transaction writes the record's new state,
 * the attempt, and any links.
 *
 * @param status      SYNCED, SKIPPED, FAILED, or PENDING (retry at {@code nextAttemptAt})
 * @param countsAsAttempt false for throttling and outages, which are backpressure and must not count toward failure
 * @param payload     the record's payload to keep from now on (a thin record's fetched content); null keeps it
 */
public record Completion(long recordId, SyncStatus status, Attempt attempt, String remoteId, String message,
                         Map<String, String> facts, List<IdLink> links, java.time.Instant nextAttemptAt,
                         boolean countsAsAttempt, String payload) {
    public Completion {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public Completion(long recordId, SyncStatus status, Attempt attempt, String remoteId, String message,
                      Map<String, String> facts, List<IdLink> links, java.time.Instant nextAttemptAt,
                      boolean countsAsAttempt) {
        this(recordId, status, attempt, remoteId, message, facts, links, nextAttemptAt, countsAsAttempt, null);
    }

    public Completion withPayload(String newPayload) {
        return new Completion(recordId, status, attempt, remoteId, message, facts, links, nextAttemptAt, countsAsAttempt,
                newPayload);
    }
}
