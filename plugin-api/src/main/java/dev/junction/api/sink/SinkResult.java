package dev.junction.api.sink;

import dev.junction.api.service.IdLink;

import java.util.List;
import java.util.Map;

/**
 * What a write did.
 *
 * @param outcome  what happened remotely
 * @param remoteId the id of the record in the sink's system (made, updated or found); linked by the hub to
 *                 the source record in the same transaction that marks the sync done
 * @param links    further links to record in that transaction
 * @param message  a short line for the sync log, e.g. "created sales order 1044"
 * @param facts    values a merchant looks for in the sync log (e.g. {@code shippingMethod} sent)
 */
public record SinkResult(Outcome outcome, String remoteId, List<IdLink> links, String message, Map<String, String> facts) {

    public enum Outcome {
        CREATED, UPDATED,
        /** It already existed (found by link or external reference); nothing was written. */
        ALREADY_PRESENT,
        /** Deliberately not written; the record is marked skipped with the message. */
        SKIPPED
    }

    public SinkResult {
        links = links == null ? List.of() : List.copyOf(links);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        message = message == null ? "" : message;
    }

    public static SinkResult created(String remoteId, String message) {
        return new SinkResult(Outcome.CREATED, remoteId, List.of(), message, Map.of());
    }

    public static SinkResult updated(String remoteId, String message) {
        return new SinkResult(Outcome.UPDATED, remoteId, List.of(), message, Map.of());
    }

    public static SinkResult alreadyPresent(String remoteId, String message) {
        return new SinkResult(Outcome.ALREADY_PRESENT, remoteId, List.of(), message, Map.of());
    }

    public static SinkResult skipped(String reason) {
        return new SinkResult(Outcome.SKIPPED, null, List.of(), reason, Map.of());
    }

    public SinkResult withLinks(List<IdLink> more) {
        return new SinkResult(outcome, remoteId, more, message, facts);
    }

    public SinkResult withFacts(Map<String, String> more) {
        return new SinkResult(outcome, remoteId, links, message, more);
    }
}
