package dev.junction.plugin.shiphero.shipments;

import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.shiphero.client.Relay;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code shipments} source record: one ShipHero shipment with what its mapper needs and nothing that
 * changes later, so a shipment read by webhook, sweep and poll dedupes to one record:
 * <pre>{"shipment": {id, legacy_id, created_date, warehouse, labels[{tracking_number, carrier, shipping_method,
 *   shipping_name, tracking_url, id}], lines[{line_item_id, label_id, quantity, sku, partner_line_item_id}]},
 *  "order": {id, legacy_id, order_number, partner_order_id, tags, lines[{id, sku, partner_line_item_id, quantity}]},
 *  "shipped_through": [{line_item_id, quantity}]   (this and the order's earlier shipments)}</pre>
 * Record id {@code <order legacy id>-<shipment legacy id>}: ShipHero has no query for one shipment, so the
 * id carries the order that finds it; entity key = the order, so its shipments sync in order.
 */
public final class ShipmentPayload {
    private ShipmentPayload() {
    }

    public static String recordId(String orderLegacy, String shipmentLegacy) {
        return orderLegacy + "-" + shipmentLegacy;
    }

    /** {@code [order legacy id, shipment legacy id]} of a record id, or null when malformed. */
    public static String[] parseId(String id) {
        int dash = id == null ? -1 : id.lastIndexOf('-');
        if (dash <= 0 || dash == id.length() - 1) {
            return null;
        }
        String o = id.substring(0, dash);
        String s = id.substring(dash + 1);
        return o.chars().allMatch(Character::isDigit) && s.chars().allMatch(Character::isDigit) ? new String[]{o, s} : null;
    }

    /** The record of {@code shipment}, given its order and all shipments of that order. */
    public static SourceRecord record(JsonObject order, List<JsonObject> orderShipments, JsonObject shipment) {
        long legacy = legacyOf(shipment);
        JsonArray through = new JsonArray();
        orderShipments.stream().filter(s -> legacyOf(s) <= legacy).sorted(Comparator.comparingLong(ShipmentPayload::legacyOf))
                .forEach(s -> Relay.nodes(s.getValue("line_items")).forEach(l -> through.add(new JsonObject()
                        .put("line_item_id", l.getString("line_item_id")).put("quantity", l.getInteger("quantity", 0)))));
        JsonObject payload = new JsonObject().put("shipment", shipmentPart(shipment)).put("order", orderPart(order))
                .put("shipped_through", through);
        String orderLegacy = ShipHeroIds.legacy(order.getValue("legacy_id", order.getValue("id")));
        return new SourceRecord(recordId(orderLegacy, String.valueOf(legacy)), orderLegacy, instant(shipment.getString("created_date")),
                "shipment:" + legacy, payload);
    }

    private static JsonObject shipmentPart(JsonObject s) {
        JsonArray labels = new JsonArray();
        String warehouse = null;
        for (Object o : s.getJsonArray("shipping_labels", new JsonArray())) {
            JsonObject l = (JsonObject) o;
            warehouse = warehouse == null ? l.getString("warehouse") : warehouse;
            labels.add(new JsonObject().put("id", l.getString("id")).put("tracking_number", l.getString("tracking_number"))
                    .put("tracking_url", l.getString("tracking_url")).put("carrier", l.getString("carrier"))
                    .put("shipping_method", l.getString("shipping_method")).put("shipping_name", l.getString("shipping_name")));
        }
        JsonArray lines = new JsonArray();
        for (JsonObject l : Relay.nodes(s.getValue("line_items"))) {
            JsonObject item = l.getJsonObject("line_item", new JsonObject());
            lines.add(new JsonObject().put("line_item_id", l.getString("line_item_id")).put("label_id", l.getString("shipping_label_id"))
                    .put("quantity", l.getInteger("quantity", 0)).put("sku", item.getString("sku"))
                    .put("partner_line_item_id", item.getString("partner_line_item_id")));
        }
        return new JsonObject().put("id", s.getString("id")).put("legacy_id", legacyOf(s))
                .put("created_date", s.getString("created_date"))
                .put("warehouse", warehouse != null ? warehouse : s.getString("warehouse_id"))
                .put("labels", labels).put("lines", lines);
    }

    private static JsonObject orderPart(JsonObject o) {
        JsonArray lines = new JsonArray();
        for (JsonObject l : Relay.nodes(o.getValue("line_items"))) {
            lines.add(new JsonObject().put("id", l.getString("id")).put("sku", l.getString("sku"))
                    .put("partner_line_item_id", l.getString("partner_line_item_id")).put("quantity", l.getInteger("quantity", 0)));
        }
        return new JsonObject().put("id", o.getString("id")).put("legacy_id", o.getValue("legacy_id"))
                .put("order_number", o.getString("order_number")).put("partner_order_id", o.getString("partner_order_id"))
                .put("tags", o.getJsonArray("tags", new JsonArray())).put("lines", lines);
    }

    static long legacyOf(JsonObject node) {
        String l = ShipHeroIds.legacy(node.getValue("legacy_id", node.getValue("id")));
        return l == null ? Long.MAX_VALUE : Long.parseLong(l);
    }

    /** ShipHero dates come with or without a zone; zoneless ones are UTC. */
    public static Instant instant(String s) {
        if (s == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return Instant.EPOCH;
            }
        }
    }
}
