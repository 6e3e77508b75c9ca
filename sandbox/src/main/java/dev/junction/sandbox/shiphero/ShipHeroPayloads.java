package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Webhook bodies as documented at developer.shiphero.com/webhooks. Quantities in "Inventory Update" are
 * strings, as ShipHero sends them. In "Shipment Update" the top-level carrier and method are legacy; each
 * package carries its own ({@code shipping_carrier}, {@code shipping_method}, and in {@code shipping_label}).
 */
final class ShipHeroPayloads {
    private ShipHeroPayloads() {
    }

    static JsonObject shipmentUpdate(JsonObject order, JsonObject shipment, JsonObject warehouse) {
        JsonArray labels = shipment.getJsonArray("shipping_labels");
        JsonArray lineItems = new JsonArray();
        JsonArray packages = new JsonArray();
        for (int p = 0; p < labels.size(); p++) {
            JsonObject label = labels.getJsonObject(p);
            String packageName = "Package #" + (p + 1);
            JsonArray packageLines = new JsonArray();
            for (JsonObject sl : ShipHeroStore.objects(shipment.getJsonArray("line_items"))) {
                if (!label.getString("id").equals(sl.getString("shipping_label_id"))) continue;
                JsonObject item = new JsonObject()
                        .put("id", sl.getJsonObject("line_item").getString("partner_line_item_id"))
                        .put("shiphero_id", ShipHeroStore.legacyOf(sl.getString("line_item_id")))
                        .put("quantity", sl.getInteger("quantity"))
                        .put("sku", sl.getJsonObject("line_item").getString("sku")).put("package", packageName);
                lineItems.add(item);
                packageLines.add(item.copy());
            }
            packages.add(new JsonObject().put("name", packageName).put("tracking_number", label.getString("tracking_number"))
                    .put("shipping_carrier", label.getString("carrier")).put("shipping_method", label.getString("shipping_method"))
                    .put("line_items", packageLines)
                    .put("shipping_label", new JsonObject().put("tracking_url", label.getString("tracking_url"))
                            .put("carrier", label.getString("carrier")).put("shipping_method", label.getString("shipping_method"))
                            .put("shipping_name", label.getString("shipping_name")).put("cost", label.getString("cost"))));
        }
        JsonObject first = labels.getJsonObject(0);
        JsonObject fulfillment = new JsonObject()
                .put("shipment_id", shipment.getInteger("legacy_id")).put("shipment_uuid", shipment.getString("id"))
                .put("warehouse", warehouse.getString("identifier")).put("warehouse_id", warehouse.getInteger("legacy_id"))
                .put("warehouse_uuid", warehouse.getString("id"))
                .put("order_id", order.getInteger("legacy_id")).put("order_uuid", order.getString("id"))
                .put("partner_order_id", order.getString("partner_order_id")).put("order_number", order.getString("order_number"))
                .put("tracking_number", first.getString("tracking_number")).put("line_items", lineItems)
                .put("custom_tracking_url", "").put("package_number", 1).put("total_packages", labels.size())
                .put("shipping_method", first.getString("shipping_method")).put("shipping_carrier", first.getString("carrier"))
                .put("shipping_address", order.getJsonObject("shipping_address"));
        return new JsonObject().put("test", "0").put("webhook_type", "Shipment Update")
                .put("fulfillment", fulfillment).put("packages", packages);
    }

    /**
     * Top-level {@code inventory}/{@code on_hand}/{@code backorder_quantity} are account-wide sums; the
     * {@code updated_warehouse.inventory} is what is available in the warehouse that changed.
     */
    static JsonObject inventoryUpdate(int accountId, JsonObject changed, JsonObject warehouse, List<JsonObject> allWarehouses) {
        int available = 0;
        int onHand = 0;
        int backorder = 0;
        for (JsonObject p : allWarehouses) {
            available += p.getInteger("available");
            onHand += p.getInteger("on_hand");
            backorder += p.getInteger("backorder");
        }
        JsonObject item = new JsonObject().put("sku", changed.getString("sku")).put("inventory", String.valueOf(available))
                .put("backorder_quantity", String.valueOf(backorder)).put("on_hand", String.valueOf(onHand))
                .put("virtual", false)
                .put("updated_warehouse", new JsonObject().put("warehouse_id", warehouse.getInteger("legacy_id"))
                        .put("identifier", warehouse.getString("identifier"))
                        .put("inventory", String.valueOf(changed.getInteger("available"))));
        return new JsonObject().put("account_id", accountId).put("webhook_type", "Inventory Update")
                .put("inventory", new JsonArray().add(item));
    }
}
