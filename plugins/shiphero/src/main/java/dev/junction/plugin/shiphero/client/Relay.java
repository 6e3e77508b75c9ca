package dev.junction.plugin.shiphero.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A page of a Relay connection ({@code pageInfo{hasNextPage endCursor} edges{node}}). */
public record Relay(List<JsonObject> nodes, Optional<String> endCursor) {

    /** Reads a connection object; {@code endCursor} is present only while ShipHero says more pages follow. */
    public static Relay of(JsonObject connection) {
        List<JsonObject> nodes = nodes(connection);
        JsonObject info = connection == null ? new JsonObject() : connection.getJsonObject("pageInfo", new JsonObject());
        String cursor = Boolean.TRUE.equals(info.getBoolean("hasNextPage")) ? info.getString("endCursor") : null;
        return new Relay(nodes, Optional.ofNullable(cursor));
    }

    /** The nodes of a connection (also nested ones such as {@code Order.line_items}), or of a plain array. */
    public static List<JsonObject> nodes(Object connection) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray edges = connection instanceof JsonObject c ? c.getJsonArray("edges") : connection instanceof JsonArray a ? a : null;
        if (edges == null) {
            return out;
        }
        for (Object e : edges) {
            if (e instanceof JsonObject edge) {
                out.add(edge.containsKey("node") ? edge.getJsonObject("node") : edge);
            }
        }
        return out;
    }
}
