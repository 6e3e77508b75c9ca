package dev.junction.plugin.dropstream.shipments;

import dev.junction.plugin.dropstream.files.DsfxTable;
import dev.junction.plugin.dropstream.files.FileReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shipment in one shape, whether read from a {@code shp_*.csv} file or from {@code GET /shipments}:
 * {@code order_number}, {@code tracking_number}, {@code carrier}, {@code service}, {@code shipped_at} and
 * {@code lines[{line_number, sku, quantity}]}. The same shipment read both ways is one record with one
 * payload (id {@code <order number>|<tracking number>}), so the hub syncs it once.
 */
public final class ShipmentPayload {
    public static final List<String> COLUMNS = List.of("order_number", "line_number", "sku", "quantity_shipped",
            "tracking_number", "carrier", "service", "shipped_at");

    private ShipmentPayload() {
    }

    /** One line of a shipment file. */
    public record Row(String orderNumber, int lineNumber, String sku, int quantity, String tracking, String carrier,
                      String service, Instant shippedAt) {
    }

    /** A shipment built from files or the API, and the files it came from. */
    public record Built(String id, Instant shippedAt, JsonObject payload, Set<String> files) {
    }

    public static String recordId(String orderNumber, String tracking, Instant shippedAt) {
        return orderNumber + "|" + (tracking == null || tracking.isBlank() ? shippedAt.toString() : tracking);
    }

    /** Parses a file line; {@link IllegalArgumentException} says what is wrong. */
    public static Row row(DsfxTable.Line l) {
        int lineNumber = DsfxTable.count(l, "line_number");
        if (lineNumber == 0) {
            throw new IllegalArgumentException("line_number must be 1 or more, got \"0\"");
        }
        return new Row(DsfxTable.required(l, "order_number"), lineNumber, DsfxTable.required(l, "sku"),
                DsfxTable.count(l, "quantity_shipped"), l.get("tracking_number"), l.get("carrier"), l.get("service"),
                instant(DsfxTable.required(l, "shipped_at"), "shipped_at"));
    }

    /** File lines grouped into shipments: one per order number and tracking number. */
    public static List<Built> fromRows(List<FileReader.Read<Row>> rows) {
        Map<String, List<FileReader.Read<Row>>> byId = new LinkedHashMap<>();
        for (FileReader.Read<Row> r : rows) {
            byId.computeIfAbsent(recordId(r.value().orderNumber(), r.value().tracking(), r.value().shippedAt()),
                    k -> new ArrayList<>()).add(r);
        }
        List<Built> out = new ArrayList<>();
        byId.forEach((id, group) -> {
            Row first = group.get(0).value();
            Set<String> files = new LinkedHashSet<>();
            JsonArray lines = new JsonArray();
            group.stream().sorted(Comparator.comparingInt(r -> r.value().lineNumber())).forEach(r -> {
                files.add(r.file());
                lines.add(line(r.value().lineNumber(), r.value().sku(), r.value().quantity()));
            });
            Instant at = group.stream().map(r -> r.value().shippedAt()).max(Comparator.naturalOrder()).orElse(first.shippedAt());
            out.add(new Built(id, at, payload(first.orderNumber(), first.tracking(), first.carrier(), first.service(), at, lines), files));
        });
        return out;
    }

    /** A shipment of {@code GET /shipments}; null when it names no order or shipping time. */
    public static Built fromApi(JsonObject s) {
        String order = s.getString("external_order_id");
        String shipped = s.getString("shipped_at");
        if (order == null || order.isBlank() || shipped == null) {
            return null;
        }
        Instant at = instant(shipped, "shipped_at");
        List<JsonObject> items = new ArrayList<>();
        s.getJsonArray("order_items", new JsonArray()).forEach(o -> {
            if (o instanceof JsonObject j && j.getValue("line_number") != null) {
                items.add(j);
            }
        });
        items.sort(Comparator.comparingInt(j -> j.getInteger("line_number")));
        JsonArray lines = new JsonArray();
        items.forEach(j -> lines.add(line(j.getInteger("line_number"), j.getString("sku"), j.getInteger("quantity", 0))));
        String tracking = s.getString("tracking_number", "");
        return new Built(recordId(order, tracking, at), at, payload(order, tracking, s.getString("carrier_name", ""),
                s.getString("service_level", ""), at, lines), Set.of());
    }

    private static JsonObject payload(String order, String tracking, String carrier, String service, Instant at, JsonArray lines) {
        return new JsonObject().put("order_number", order).put("tracking_number", blank(tracking)).put("carrier", blank(carrier))
                .put("service", blank(service)).put("shipped_at", at.toString()).put("lines", lines);
    }

    private static JsonObject line(int number, String sku, int quantity) {
        return new JsonObject().put("line_number", number).put("sku", sku).put("quantity", quantity);
    }

    static Instant instant(String text, String column) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " is not an ISO-8601 UTC time such as 2025-01-31T14:05:00Z: \"" + text + "\"");
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s.trim();
    }
}
