package dev.junction.plugin.brightpearl.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a {@code *-search}: rows are positional in Brightpearl's answer and decoded here into maps
 * by {@code metaData.columns[i].name}; {@code reference} is the answer's top-level lookup data (status names);
 * {@code resultsAvailable} is the total count Brightpearl reports, -1 when it does not.
 */
public record SearchPage(List<JsonObject> rows, boolean morePagesAvailable, int firstResult, int lastResult,
                         JsonObject reference, int resultsAvailable) {

    /** Decodes the {@code response} value of a search and the top-level {@code reference}. */
    public static SearchPage decode(Object response, JsonObject reference) {
        if (!(response instanceof JsonObject r)) {
            return new SearchPage(List.of(), false, 0, 0, reference == null ? new JsonObject() : reference, 0);
        }
        JsonObject meta = r.getJsonObject("metaData", new JsonObject());
        JsonArray columns = meta.getJsonArray("columns", new JsonArray());
        List<String> names = new ArrayList<>();
        for (Object c : columns) {
            names.add(c instanceof JsonObject co ? co.getString("name") : String.valueOf(c));
        }
        List<JsonObject> rows = new ArrayList<>();
        for (Object row : r.getJsonArray("results", new JsonArray())) {
            JsonArray values = (JsonArray) row;
            JsonObject decoded = new JsonObject();
            for (int i = 0; i < names.size() && i < values.size(); i++) {
                decoded.put(names.get(i), values.getValue(i));
            }
            rows.add(decoded);
        }
        int first = meta.getInteger("firstResult", 1);
        int last = meta.getInteger("lastResult", first + rows.size() - 1);
        return new SearchPage(rows, meta.getBoolean("morePagesAvailable", false), first, last,
                reference == null ? new JsonObject() : reference, meta.getInteger("resultsAvailable", -1));
    }

    /** The {@code firstResult} of the next page. */
    public int nextFirstResult() {
        return lastResult + 1;
    }
}
