package dev.junction.plugin.dropstream.files;

import io.vertx.core.json.JsonObject;

/**
 * A line of a warehouse file that could not be synced (or, with {@code line} 0, a file that could not be read
 * at all). It becomes a record of its own whose mapper skips it with {@link #describe()}, so the merchant sees
 * it in the sync log beside the records that did sync; nothing in a file is dropped silently.
 */
public record Problem(String file, String movedTo, int line, String reason) {
    public static final String KEY = "rejected";

    public String describe() {
        return "DropStream file " + file + (line > 0 ? " line " + line : "") + " was not synced: " + reason
                + " (the file is in " + movedTo + "; ask the warehouse to send a corrected file)";
    }

    public String recordId() {
        return "rejected:" + file + "#" + line;
    }

    public JsonObject toPayload() {
        return new JsonObject().put(KEY, new JsonObject().put("file", file).put("folder", movedTo).put("line", line)
                .put("reason", reason));
    }

    /** The problem a {@link #toPayload() payload} describes, or null for an ordinary record. */
    public static Problem of(JsonObject payload) {
        JsonObject r = payload.getJsonObject(KEY);
        return r == null ? null : new Problem(r.getString("file"), r.getString("folder"), r.getInteger("line", 0),
                r.getString("reason"));
    }
}
