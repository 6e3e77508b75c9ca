package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON-Patch subset Brightpearl accepts on flat maps (custom fields) and simple object paths:
 * {@code add} upserts, {@code replace} needs an existing value, {@code remove} clears. A bad operation
 * is answered with 500 CMNC-044, as the live API does.
 */
final class JsonPatch {
    private JsonPatch() {
    }

    static void apply(JsonObject target, JsonArray ops) {
        for (int i = 0; i < ops.size(); i++) {
            JsonObject op = ops.getJsonObject(i);
            String kind = op.getString("op", "");
            String path = op.getString("path", "");
            if (!path.startsWith("/") || path.length() < 2) {
                throw invalid(kind, path);
            }
            String[] segs = path.substring(1).split("/");
            JsonObject parent = target;
            for (int s = 0; s < segs.length - 1; s++) {
                JsonObject next = parent.getJsonObject(segs[s]);
                if (next == null) {
                    if (!kind.equals("add")) {
                        throw invalid(kind, path);
                    }
                    next = new JsonObject();
                    parent.put(segs[s], next);
                }
                parent = next;
            }
            String key = segs[segs.length - 1];
            switch (kind) {
                case "add" -> parent.put(key, op.getValue("value"));
                case "replace" -> {
                    if (parent.getValue(key) == null) {
                        throw invalid(kind, path);
                    }
                    parent.put(key, op.getValue("value"));
                }
                case "remove" -> {
                    if (!parent.containsKey(key)) {
                        throw invalid(kind, path);
                    }
                    parent.remove(key);
                }
                default -> throw invalid(kind, path);
            }
        }
    }

    private static BpException invalid(String op, String path) {
        return BpException.error(500, "CMNC-044", "Invalid patch operation (" + op + ") for given path (" + path + ")");
    }
}
