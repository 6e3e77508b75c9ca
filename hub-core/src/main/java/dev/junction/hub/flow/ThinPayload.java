package dev.junction.hub.flow;

import io.vertx.core.json.JsonObject;

/**
 * The stored payload of a record known only by id (a thin webhook event of a flow that syncs each record
 * once): processing fetches the record from its source first.
 */
final class ThinPayload {
    private static final String MARKER = "_junctionThin";

    private ThinPayload() {
    }

    static String of(String sourceId) {
        return new JsonObject().put(MARKER, true).put("id", sourceId).encode();
    }

    static boolean is(JsonObject payload) {
        return payload.getBoolean(MARKER, false);
    }
}
