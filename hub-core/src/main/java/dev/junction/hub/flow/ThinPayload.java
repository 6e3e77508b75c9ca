package dev.junction.hub.flow;

import io.vertx.core.json.JsonObject;

/**
 * The stored payload of a record known only by id (a thin webhook event of a flow that syncs each record
 * once): processing fetches the record from its source first. What was fetched is kept only while the record
 * may be tried again or has FAILED ({@link RecordAttempts#keepsFetchedPayload}), so a SYNCED record usually
 * still holds this marker.
 */
public final class ThinPayload {
    private static final String MARKER = "_junctionThin";

    private ThinPayload() {
    }

    static String of(String sourceId) {
        return new JsonObject().put(MARKER, true).put("id", sourceId).encode();
    }

    static boolean is(JsonObject payload) {
        return payload.getBoolean(MARKER, false);
    }

    /** Whether a stored payload, decoded, is the marker (for the record view, which explains it instead). */
    public static boolean isMarker(Object decoded) {
        return decoded instanceof JsonObject o && Boolean.TRUE.equals(o.getValue(MARKER));
    }
}
