package dev.junction.plugin.shiphero.shipments;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.plugin.shiphero.orders.OrderInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ShipmentPayload} as a canonical {@link Shipment}. Pure. One package per shipping label, with its
 * own tracking number, carrier and method. The fulfilment (goods-out note) id and the Brightpearl order id
 * are read back from what the {@code orders} sink gave the order (see {@link #fulfilmentId}); each line's
 * {@code partner_line_item_id} {@code <note id>-<row id>} names its order row. {@code complete} is true when this shipment and
 * the order's earlier ones together ship every unit of every line. Orders Junction did not send (other
 * sales channels in the same ShipHero account) are skipped.
 */
public final class ShipmentMapper implements MappingHandler<JsonObject, Shipment> {

    @Override
    public Shipment map(JsonObject payload, MappingContext context) {
        JsonObject s = payload.getJsonObject("shipment", new JsonObject());
        JsonObject order = payload.getJsonObject("order", new JsonObject());
        String fulfilmentId = fulfilmentId(order);
        if (fulfilmentId == null) {
            throw new SkipException("ShipHero order #" + order.getString("order_number") + " (" + order.getValue("legacy_id")
                    + ") was not sent by Junction (its partner ids name no goods-out note), so its shipment is not synced back");
        }
        List<ShipmentPackage> packages = new ArrayList<>();
        JsonArray labels = s.getJsonArray("labels", new JsonArray());
        List<JsonObject> lines = objects(s.getJsonArray("lines"));
        for (JsonObject label : objects(labels)) {
            List<ShipmentLine> inPackage = lines.stream().filter(l -> label.getString("id") != null
                    && label.getString("id").equals(l.getString("label_id"))).map(l -> line(l, fulfilmentId)).toList();
            String method = label.getString("shipping_method") != null ? label.getString("shipping_method") : label.getString("shipping_name");
            packages.add(new ShipmentPackage(label.getString("tracking_number"), label.getString("carrier"), method,
                    label.getString("tracking_url"), labels.size() == 1 && inPackage.isEmpty() ? all(lines, fulfilmentId) : inPackage));
        }
        if (packages.isEmpty()) {
            packages.add(new ShipmentPackage(null, null, null, null, all(lines, fulfilmentId)));
        }
        return new Shipment(String.valueOf(s.getValue("legacy_id")), fulfilmentId, orderId(order), order.getString("order_number"),
                s.getString("warehouse"), ShipmentPayload.instant(s.getString("created_date")), packages,
                complete(order, payload.getJsonArray("shipped_through", new JsonArray())));
    }

    /**
     * The note id the sink gave the order: its {@code fulfilment:} tag, else the partner ids when they agree
     * ({@code partner_order_id} ends {@code :<id>} and every line's {@code partner_line_item_id} starts
     * {@code <id>-}). Null for an order Junction did not make, whose ids may look alike by chance.
     */
    static String fulfilmentId(JsonObject order) {
        String tagged = tag(order, OrderInput.FULFILMENT_TAG);
        if (tagged != null) {
            return tagged;
        }
        String partner = order.getString("partner_order_id");
        int colon = partner == null ? -1 : partner.lastIndexOf(':');
        if (colon <= 0 || colon == partner.length() - 1) {
            return null;
        }
        String id = partner.substring(colon + 1);
        List<JsonObject> lines = objects(order.getJsonArray("lines"));
        boolean agree = !lines.isEmpty() && lines.stream().allMatch(l -> l.getString("partner_line_item_id", "").startsWith(id + "-"));
        return agree ? id : null;
    }

    private static String tag(JsonObject order, String prefix) {
        for (Object t : order.getJsonArray("tags", new JsonArray())) {
            if (t instanceof String tag && tag.startsWith(prefix) && tag.length() > prefix.length()) {
                return tag.substring(prefix.length());
            }
        }
        return null;
    }

    private static String orderId(JsonObject order) {
        return tag(order, OrderInput.ORDER_TAG);
    }

    private static boolean complete(JsonObject order, JsonArray shippedThrough) {
        Map<String, Integer> shipped = new HashMap<>();
        for (JsonObject l : objects(shippedThrough)) {
            shipped.merge(l.getString("line_item_id"), l.getInteger("quantity", 0), Integer::sum);
        }
        List<JsonObject> lines = objects(order.getJsonArray("lines"));
        return !lines.isEmpty() && lines.stream().allMatch(l -> shipped.getOrDefault(l.getString("id"), 0) >= l.getInteger("quantity", 0));
    }

    private static List<ShipmentLine> all(List<JsonObject> lines, String fulfilmentId) {
        return lines.stream().map(l -> line(l, fulfilmentId)).toList();
    }

    private static ShipmentLine line(JsonObject l, String fulfilmentId) {
        String p = l.getString("partner_line_item_id");
        String prefix = fulfilmentId + "-";
        String row = p != null && p.startsWith(prefix) ? p.substring(prefix.length()) : null;
        return new ShipmentLine(l.getString("sku"), row, BigDecimal.valueOf(l.getInteger("quantity", 0)));
    }

    private static List<JsonObject> objects(JsonArray a) {
        List<JsonObject> out = new ArrayList<>();
        if (a != null) {
            a.forEach(o -> out.add((JsonObject) o));
        }
        return out;
    }
}
