package dev.junction.api.source;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * One record read from a remote system, in its native JSON.
 *
 * @param id         the remote's id of the record (order id, goods-out note id, ...)
 * @param entityKey  records with the same key are synced strictly in order (usually the id; an order's
 *                   id for records about that order)
 * @param modifiedAt when the remote last changed it; drives poll cursors
 * @param version    what distinguishes one state of the record from another for dedupe (e.g. the remote's
 *                   modification stamp or event version); null means "hash the payload"
 * @param payload    native JSON
 */
public record SourceRecord(String id, String entityKey, Instant modifiedAt, String version, JsonObject payload) {
    public SourceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(payload, "payload");
        entityKey = entityKey == null ? id : entityKey;
    }

    public static SourceRecord of(String id, Instant modifiedAt, JsonObject payload) {
        return new SourceRecord(id, id, modifiedAt, null, payload);
    }
}
