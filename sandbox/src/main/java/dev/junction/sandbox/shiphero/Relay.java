package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Relay connections as ShipHero (graphene) renders them: opaque cursors over the list offset. */
final class Relay {
    static final int DEFAULT_PAGE = 100;

    private Relay() {
    }

    static String cursor(int index) {
        return Base64.getEncoder().encodeToString(("arrayconnection:" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset after {@code cursor}, or 0 when there is none; an unreadable cursor is a client error. */
    static int offsetAfter(String cursor) {
        if (cursor == null || cursor.isEmpty()) return 0;
        try {
            String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("arrayconnection:")) throw new IllegalArgumentException();
            return Integer.parseInt(s.substring("arrayconnection:".length())) + 1;
        } catch (IllegalArgumentException e) {
            throw new ShipHeroError("Invalid cursor: " + cursor);
        }
    }

    /** The page size a {@code data(first:)} argument asks for; also what the query costs. */
    static int pageSize(GraphQl.Field dataField) {
        if (dataField == null || dataField.args().getValue("first") == null) return DEFAULT_PAGE;
        int first = ((Number) dataField.args().getValue("first")).intValue();
        if (first < 0) throw new ShipHeroError("first must be a non-negative integer");
        return first;
    }

    /** One page of {@code items}, paged by the {@code first}/{@code after} of the {@code data} field. */
    static JsonObject page(List<JsonObject> items, GraphQl.Field dataField) {
        int first = pageSize(dataField);
        int start = dataField == null ? 0 : offsetAfter(dataField.args().getString("after"));
        return slice(items, start, first);
    }

    /** All of {@code items} as a connection (nested connections such as {@code Order.line_items}). */
    static JsonObject all(JsonArray items) {
        return slice(items.stream().map(o -> (JsonObject) o).toList(), 0, Integer.MAX_VALUE);
    }

    private static JsonObject slice(List<JsonObject> items, int start, int first) {
        int end = (int) Math.min(items.size(), (long) start + first);
        JsonArray edges = new JsonArray();
        for (int i = start; i < end; i++) {
            edges.add(new JsonObject().put("cursor", cursor(i)).put("node", items.get(i)));
        }
        boolean more = end < items.size();
        return new JsonObject()
                .put("pageInfo", new JsonObject().put("hasNextPage", more).put("hasPreviousPage", start > 0)
                        .put("startCursor", edges.isEmpty() ? null : cursor(start))
                        .put("endCursor", edges.isEmpty() ? null : cursor(end - 1)))
                .put("edges", edges);
    }
}
