package dev.junction.plugin.brightpearl.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a {@code *-search}: rows are positional in Brightpearl's answer and decoded here into maps
 * by {@code metaData.columns[i].name}; {@code reference} is the answer's top-level lookup data (status names);
 * {@code resultsAvailable} is the total count Brightpearl reports, -1 when it does not.
 *
 * <p>The maps are built on first call to {@link #rows()}: the search index reads hundreds of rows per refresh,
 * many times a second, straight from the positional arrays ({@link #column}, {@link #value}), and a map per row
 * it never looks at was a measurable share of the hub's CPU.
 */
public final class SearchPage {
    private final List<String> names;
    private final List<JsonArray> results;
    private final boolean morePagesAvailable;
    private final int firstResult;
    private final int lastResult;
    private final JsonObject reference;
    private final int resultsAvailable;
    /** Column name → its last position (a later duplicate overwrote an earlier one in the decoded map). */
    private final Map<String, Integer> lastIndex;
    /** For each position, the previous position with the same name, or -1: where a shorter row finds a duplicate. */
    private final int[] previousSameName;
    private List<JsonObject> rows; // guarded by this; built on first need

    private SearchPage(List<String> names, List<JsonArray> results, List<JsonObject> rows, boolean morePagesAvailable,
                       int firstResult, int lastResult, JsonObject reference, int resultsAvailable) {
        this.names = names;
        this.results = results;
        this.rows = rows;
        this.morePagesAvailable = morePagesAvailable;
        this.firstResult = firstResult;
        this.lastResult = lastResult;
        this.reference = reference;
        this.resultsAvailable = resultsAvailable;
        this.lastIndex = new HashMap<>();
        this.previousSameName = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Integer previous = lastIndex.put(names.get(i), i);
            previousSameName[i] = previous == null ? -1 : previous;
        }
    }

    /** Decodes the {@code response} value of a search and the top-level {@code reference}. */
    public static SearchPage decode(Object response, JsonObject reference) {
        if (!(response instanceof JsonObject r)) {
            return new SearchPage(List.of(), List.of(), List.of(), false, 0, 0,
                    reference == null ? new JsonObject() : reference, 0);
        }
        JsonObject meta = r.getJsonObject("metaData", new JsonObject());
        JsonArray columns = meta.getJsonArray("columns", new JsonArray());
        List<String> names = new ArrayList<>();
        for (Object c : columns) {
            names.add(c instanceof JsonObject co ? co.getString("name") : String.valueOf(c));
        }
        List<JsonArray> results = new ArrayList<>();
        for (Object row : r.getJsonArray("results", new JsonArray())) {
            results.add((JsonArray) row); // a row that is not an array fails here, as when every row was decoded here
        }
        // a nameless column cannot be a map key; decode now so that it fails here, as it always did
        List<JsonObject> rows = names.contains(null) ? toMaps(names, results) : null;
        int first = meta.getInteger("firstResult", 1);
        int last = meta.getInteger("lastResult", first + results.size() - 1);
        return new SearchPage(names, results, rows, meta.getBoolean("morePagesAvailable", false), first, last,
                reference == null ? new JsonObject() : reference, meta.getInteger("resultsAvailable", -1));
    }

    private static List<JsonObject> toMaps(List<String> names, List<JsonArray> results) {
        List<JsonObject> rows = new ArrayList<>(results.size());
        for (JsonArray values : results) {
            JsonObject decoded = new JsonObject();
            for (int i = 0; i < names.size() && i < values.size(); i++) {
                decoded.put(names.get(i), values.getValue(i));
            }
            rows.add(decoded);
        }
        return rows;
    }

    /** The rows as maps by column name (the same objects on every call). */
    public synchronized List<JsonObject> rows() {
        if (rows == null) {
            rows = toMaps(names, results);
        }
        return rows;
    }

    /** How many rows the page holds. */
    public int size() {
        return results.size();
    }

    /** A column's position for {@link #value}, or -1 when the page has no such column. */
    public int column(String name) {
        Integer i = lastIndex.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Row {@code row}'s value in {@code column} (from {@link #column}): exactly what {@code rows().get(row)
     * .getValue(name)} gives, without building the map.
     */
    public Object value(int row, int column) {
        JsonArray values = results.get(row);
        for (int i = column; i >= 0; i = previousSameName[i]) {
            if (i < values.size()) {
                return values.getValue(i);
            }
        }
        return null;
    }

    public boolean morePagesAvailable() {
        return morePagesAvailable;
    }

    public int firstResult() {
        return firstResult;
    }

    public int lastResult() {
        return lastResult;
    }

    public JsonObject reference() {
        return reference;
    }

    public int resultsAvailable() {
        return resultsAvailable;
    }

    /** The {@code firstResult} of the next page. */
    public int nextFirstResult() {
        return lastResult + 1;
    }

    @Override
    public String toString() {
        return "SearchPage[rows=" + results.size() + ", columns=" + names + ", morePagesAvailable=" + morePagesAvailable
                + ", firstResult=" + firstResult + ", lastResult=" + lastResult + ", resultsAvailable="
                + resultsAvailable + "]";
    }
}
