package dev.junction.api.sink;

import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * One write.
 *
 * @param record         the canonical record to write
 * @param source         where the record came from
 * @param idempotencyKey stable across retries of the same sync record; a natural external reference
 *                       when the remote has nothing better
 * @param linkedId       the id this entity already has in the sink's system, if the hub has a link
 * @param options        the flow's options for this sink (defaults such as channel, warehouse, status)
 * @param attempt        1 when no earlier attempt for this source record can have reached the sink's system
 *                       (its first hand-over ever): a sink may then skip its look-before-create search;
 *                       greater after a retry or a crash, when the search is what prevents a duplicate
 */
public record SinkRequest<T>(T record, SourceRef source, String idempotencyKey, Optional<String> linkedId,
                             JsonObject options, int attempt) {
    public SinkRequest {
        options = options == null ? new JsonObject() : options;
        linkedId = linkedId == null ? Optional.empty() : linkedId;
    }
}
