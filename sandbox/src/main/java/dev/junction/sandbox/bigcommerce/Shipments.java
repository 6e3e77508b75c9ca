package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shipment rules of v2 orders: items must belong to the order and the shipment's address, quantities may
 * not exceed what is still unshipped, and shipping updates {@code quantity_shipped}, {@code items_shipped}
 * and the status (all physical items shipped: 2 Shipped with {@code date_shipped}; some: 3 Partially
 * Shipped). Deleting a shipment gives its quantities back but leaves the status alone, as BigCommerce does.
 */
final class Shipments {
    record Outcome(JsonObject shipment, int previousStatus, int newStatus) {
        boolean statusChanged() {
            return previousStatus != newStatus;
        }
    }

    private static final List<String> EDITABLE = List.of("tracking_number", "shipping_method", "shipping_provider",
            "tracking_carrier", "tracking_link", "comments", "merchant_shipping_cost");

    private Shipments() {
    }

    static Outcome create(BcOrder order, JsonObject body, int shipmentId, Instant now) {
        synchronized (order) {
            Object addressValue = body.getValue("order_address_id");
            if (addressValue == null) throw new Formats.BadInput("The field 'order_address_id' is required.");
            int addressId = toInt(addressValue, "order_address_id");
            JsonObject address = order.addressesLocked().stream().filter(a -> a.getInteger("id") == addressId)
                    .findFirst().orElseThrow(() -> new Formats.BadInput(
                            "The order address " + addressId + " does not belong to order " + order.id + "."));
            JsonArray items = body.getJsonArray("items");
            if (items == null || items.isEmpty()) throw new Formats.BadInput("The field 'items' is required.");
            Map<Integer, Integer> wanted = new HashMap<>();
            for (Object o : items) {
                if (!(o instanceof JsonObject item)) throw new Formats.BadInput("Each item must be an object.");
                int lineId = toInt(item.getValue("order_product_id"), "order_product_id");
                int qty = toInt(item.getValue("quantity"), "quantity");
                if (qty < 1) throw new Formats.BadInput("The quantity of order product " + lineId + " must be at least 1.");
                wanted.merge(lineId, qty, Integer::sum);
            }
            JsonArray shippedItems = new JsonArray();
            for (Map.Entry<Integer, Integer> w : wanted.entrySet()) {
                JsonObject line = line(order, w.getKey());
                if (line.getInteger("order_address_id") != addressId) {
                    throw new Formats.BadInput("Order product " + w.getKey() + " is not shipped to address " + addressId + ".");
                }
                int remaining = line.getInteger("quantity") - line.getInteger("quantity_shipped");
                if (w.getValue() > remaining) {
                    throw new Formats.BadInput("The quantity specified for order product " + w.getKey()
                            + " is greater than the quantity that remains to be shipped (" + remaining + ").");
                }
            }
            for (Object o : items) {
                JsonObject item = (JsonObject) o;
                int lineId = toInt(item.getValue("order_product_id"), "order_product_id");
                int qty = toInt(item.getValue("quantity"), "quantity");
                JsonObject line = line(order, lineId);
                line.put("quantity_shipped", line.getInteger("quantity_shipped") + qty);
                shippedItems.add(new JsonObject().put("order_product_id", lineId)
                        .put("product_id", line.getInteger("product_id")).put("quantity", qty));
            }
            JsonObject f = order.fieldsLocked();
            JsonObject shipment = new JsonObject().put("id", shipmentId).put("order_id", order.id)
                    .put("customer_id", f.getValue("customer_id") instanceof Number n ? n.intValue() : 0)
                    .put("order_address_id", addressId).put("date_created", Formats.rfc2822(now))
                    .put("merchant_shipping_cost", body.getString("merchant_shipping_cost", "0.0000"))
                    .put("billing_address", OrderFactory.baseAddress(f.getJsonObject("billing_address")))
                    .put("shipping_address", OrderFactory.baseAddress(address)).put("items", shippedItems);
            for (String e : EDITABLE) {
                if (!"merchant_shipping_cost".equals(e)) shipment.put(e, string(body, e));
            }
            links(shipment);
            order.shipmentsLocked().put(shipmentId, shipment);
            return recount(order, now, shipment);
        }
    }

    /** Updates tracking fields; the items of a shipment cannot change, as in BigCommerce. */
    static JsonObject update(BcOrder order, int shipmentId, JsonObject body, Instant now) {
        synchronized (order) {
            JsonObject s = order.shipmentsLocked().get(shipmentId);
            if (s == null) return null;
            for (String e : EDITABLE) {
                if (body.containsKey(e)) s.put(e, string(body, e));
            }
            if (body.containsKey("order_address_id")) {
                int addressId = toInt(body.getValue("order_address_id"), "order_address_id");
                if (addressId != s.getInteger("order_address_id")) {
                    throw new Formats.BadInput("The order_address_id of a shipment cannot be changed.");
                }
            }
            links(s);
            order.touch(now);
            return s.copy();
        }
    }

    static JsonObject delete(BcOrder order, int shipmentId, Instant now) {
        synchronized (order) {
            JsonObject s = order.shipmentsLocked().remove(shipmentId);
            if (s == null) return null;
            for (Object o : s.getJsonArray("items")) {
                JsonObject item = (JsonObject) o;
                JsonObject line = line(order, item.getInteger("order_product_id"));
                line.put("quantity_shipped", Math.max(0, line.getInteger("quantity_shipped") - item.getInteger("quantity")));
            }
            int status = order.fieldsLocked().getInteger("status_id");
            recount(order, now, s);
            order.setStatus(status, now);
            return s;
        }
    }

    private static Outcome recount(BcOrder order, Instant now, JsonObject shipment) {
        JsonObject f = order.fieldsLocked();
        int shipped = 0;
        boolean allShipped = true;
        for (JsonObject l : order.productsLocked()) {
            shipped += l.getInteger("quantity_shipped");
            if ("physical".equals(l.getString("type")) && l.getInteger("quantity_shipped") < l.getInteger("quantity")) {
                allShipped = false;
            }
        }
        for (JsonObject a : order.addressesLocked()) {
            int id = a.getInteger("id");
            a.put("items_shipped", order.productsLocked().stream().filter(l -> l.getInteger("order_address_id") == id)
                    .mapToInt(l -> l.getInteger("quantity_shipped")).sum());
        }
        f.put("items_shipped", shipped);
        int previous = f.getInteger("status_id");
        int next = shipped == 0 ? previous : allShipped ? OrderStatuses.SHIPPED : OrderStatuses.PARTIALLY_SHIPPED;
        order.setStatus(next, now);
        if (next == OrderStatuses.SHIPPED) f.put("date_shipped", Formats.rfc2822(now));
        return new Outcome(shipment.copy(), previous, next);
    }

    /**
     * BigCommerce builds a tracking link only when a provider or carrier comes with the tracking number;
     * a custom {@code tracking_link} is returned as given.
     */
    private static void links(JsonObject s) {
        String number = s.getString("tracking_number", "");
        String carrier = !s.getString("tracking_carrier", "").isEmpty() ? s.getString("tracking_carrier")
                : s.getString("shipping_provider", "");
        s.put("generated_tracking_link", number.isEmpty() || carrier.isEmpty() ? ""
                : "https://www.aftership.com/track/" + carrier + "/" + number);
        s.put("shipping_provider_display_name", displayName(s.getString("shipping_provider", "")));
    }

    private static String displayName(String provider) {
        return switch (provider) {
            case "" -> "";
            case "auspost" -> "Australia Post";
            case "canadapost" -> "Canada Post";
            case "fedex" -> "FedEx";
            case "ups", "upsready", "upsonline" -> "UPS";
            case "usps", "endicia" -> "USPS";
            case "royalmail" -> "Royal Mail";
            case "shipperhq" -> "ShipperHQ";
            default -> provider;
        };
    }

    private static JsonObject line(BcOrder order, int lineId) {
        return order.productsLocked().stream().filter(l -> l.getInteger("id") == lineId).findFirst()
                .orElseThrow(() -> new Formats.BadInput("Order product " + lineId + " does not belong to order " + order.id + "."));
    }

    private static String string(JsonObject body, String field) {
        Object v = body.getValue(field);
        return v == null ? "" : v.toString();
    }

    /** One doc example sends ids as strings; BigCommerce accepts both. */
    private static int toInt(Object v, String field) {
        if (v instanceof Number n) return n.intValue();
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        throw new Formats.BadInput("The field '" + field + "' must be an integer.");
    }
}
