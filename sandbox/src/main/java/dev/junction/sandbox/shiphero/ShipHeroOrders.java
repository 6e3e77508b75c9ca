package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code order_create} validation and the {@code orders(...)} filters, over {@code CreateOrderInput}. */
final class ShipHeroOrders {
    private final ShipHeroStore store;

    ShipHeroOrders(ShipHeroStore store) {
        this.store = store;
    }

    /** Validates a {@code CreateOrderInput} and stores the order, fulfillment status {@code pending}. */
    JsonObject create(JsonObject data) {
        if (data == null) throw new ShipHeroError("Argument 'data' of type 'CreateOrderInput!' is required");
        if (!(data.getValue("shipping_address") instanceof JsonObject)) {
            throw new ShipHeroError("Field 'shipping_address' of required type 'CreateOrderAddressInput!' was not provided.");
        }
        JsonArray lines = data.getJsonArray("line_items", new JsonArray());
        Set<String> partnerLineIds = new HashSet<>();
        JsonArray storedLines = new JsonArray();
        int legacy = store.nextLegacyId();
        String orderId = ShipHeroStore.id("Order", legacy);
        String now = ShipHeroStore.now();
        for (int i = 0; i < lines.size(); i++) {
            JsonObject in = lines.getJsonObject(i);
            for (String required : List.of("sku", "partner_line_item_id", "quantity", "price")) {
                if (in.getValue(required) == null) {
                    throw new ShipHeroError("line_items[" + i + "]: field '" + required + "' is required");
                }
            }
            if (!(in.getValue("quantity") instanceof Number q) || q.intValue() <= 0) {
                throw new ShipHeroError("line_items[" + i + "]: quantity must be a positive integer");
            }
            if (!partnerLineIds.add(in.getString("partner_line_item_id"))) {
                throw new ShipHeroError("Duplicated partner_line_item_id '" + in.getString("partner_line_item_id") + "'");
            }
            JsonObject warehouse = in.getValue("warehouse_id") == null ? store.defaultWarehouse()
                    : store.warehouse(in.getValue("warehouse_id"));
            if (warehouse == null) throw new ShipHeroError("Warehouse not found: " + in.getValue("warehouse_id"));
            int lineLegacy = store.nextLegacyId();
            int qty = in.getInteger("quantity");
            storedLines.add(new JsonObject().put("id", ShipHeroStore.id("LineItem", lineLegacy)).put("legacy_id", lineLegacy)
                    .put("sku", in.getString("sku")).put("partner_line_item_id", in.getString("partner_line_item_id"))
                    .put("product_id", null).put("quantity", qty).put("price", String.valueOf(in.getValue("price")))
                    .put("product_name", in.getString("product_name", in.getString("sku")))
                    .put("option_title", in.getString("option_title")).put("fulfillment_status", "pending")
                    .put("quantity_pending_fulfillment", qty).put("quantity_shipped", 0).put("quantity_allocated", qty)
                    .put("backorder_quantity", 0).put("customs_value", in.getValue("customs_value"))
                    .put("barcode", in.getString("barcode")).put("locked_to_warehouse_id",
                            in.getValue("warehouse_id") == null ? null : warehouse.getString("id"))
                    .put("warehouse_id", warehouse.getString("id")).put("warehouse", warehouse.getString("identifier"))
                    .put("created_at", now).put("updated_at", now));
        }
        JsonObject order = new JsonObject().put("id", orderId).put("legacy_id", legacy)
                .put("order_number", data.getString("order_number", String.valueOf(legacy)))
                .put("partner_order_id", data.getString("partner_order_id"))
                .put("shop_name", data.getString("shop_name", "api"))
                .put("fulfillment_status", data.getString("fulfillment_status", "pending"))
                .put("order_date", data.getString("order_date", now))
                .put("required_ship_date", data.getString("required_ship_date"))
                .put("total_tax", data.getValue("total_tax")).put("subtotal", data.getValue("subtotal"))
                .put("total_discounts", data.getValue("total_discounts")).put("total_price", data.getValue("total_price"))
                .put("currency", data.getString("currency")).put("email", data.getString("email"))
                .put("profile", "default").put("packing_note", data.getString("packing_note"))
                .put("gift_note", data.getString("gift_note")).put("tags", data.getJsonArray("tags", new JsonArray()))
                .put("shipping_lines", data.getJsonObject("shipping_lines"))
                .put("shipping_address", data.getJsonObject("shipping_address"))
                .put("billing_address", data.getJsonObject("billing_address"))
                .put("allow_partial", data.getBoolean("allow_partial", false))
                .put("allow_split", data.getBoolean("allow_split", false))
                .put("holds", data.getJsonObject("holds", new JsonObject().put("payment_hold", false)
                        .put("operator_hold", false).put("fraud_hold", false).put("address_hold", false)
                        .put("client_hold", false)))
                .put("line_items", storedLines).put("updated_at", now);
        store.putOrder(order);
        return order;
    }

    /** Orders matching the {@code orders(...)} arguments, in creation order. */
    List<JsonObject> find(JsonObject args) {
        Predicate<JsonObject> p = o -> true;
        for (String exact : List.of("order_number", "partner_order_id", "shop_name", "fulfillment_status", "email")) {
            String wanted = args.getValue(exact) == null ? null : args.getValue(exact).toString();
            if (wanted != null) p = p.and(o -> wanted.equals(o.getString(exact)));
        }
        if (args.getString("sku") != null) {
            String sku = args.getString("sku");
            p = p.and(o -> lines(o).stream().anyMatch(l -> sku.equals(l.getString("sku"))));
        }
        if (args.getValue("warehouse_id") != null) {
            JsonObject w = store.warehouse(args.getValue("warehouse_id"));
            String wid = w == null ? "-" : w.getString("id");
            p = p.and(o -> lines(o).stream().anyMatch(l -> wid.equals(l.getString("warehouse_id"))));
        }
        p = p.and(between("order_date", args.getString("order_date_from"), args.getString("order_date_to")));
        p = p.and(between("updated_at", args.getString("updated_from"), args.getString("updated_to")));
        return store.orders().stream().filter(p).toList();
    }

    static List<JsonObject> lines(JsonObject order) {
        return ShipHeroStore.objects(order.getJsonArray("line_items"));
    }

    /** Inclusive date range on an ISO-8601 field; either bound may be absent. */
    static Predicate<JsonObject> between(String field, String from, String to) {
        if (from == null && to == null) return o -> true;
        java.time.Instant lo = from == null ? null : Dates.parse(from);
        java.time.Instant hi = to == null ? null : Dates.parse(to);
        return o -> {
            String v = o.getString(field);
            if (v == null) return false;
            java.time.Instant value = Dates.parse(v);
            return (lo == null || !value.isBefore(lo)) && (hi == null || !value.isAfter(hi));
        };
    }

    /** The order as GraphQL returns it: line items as a Relay connection. */
    static JsonObject render(JsonObject order) {
        JsonObject out = order.copy();
        out.put("line_items", Relay.all(order.getJsonArray("line_items")));
        return out;
    }
}
