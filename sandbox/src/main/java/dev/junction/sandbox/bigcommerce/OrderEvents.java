package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;

/** The webhook events order and shipment changes raise, with BigCommerce's thin {@code data} shapes. */
final class OrderEvents {
    private final WebhookDispatcher dispatcher;

    OrderEvents(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void created(int orderId) {
        dispatcher.fire("store/order/created", order(orderId));
    }

    void updated(int orderId) {
        dispatcher.fire("store/order/updated", order(orderId));
    }

    /** A status change raises both {@code store/order/updated} and {@code store/order/statusUpdated}. */
    void statusChanged(int orderId, int previous, int next) {
        updated(orderId);
        dispatcher.fire("store/order/statusUpdated", order(orderId).put("status",
                new JsonObject().put("previous_status_id", previous).put("new_status_id", next)));
    }

    void shipment(String action, int shipmentId, int orderId) {
        dispatcher.fire("store/shipment/" + action,
                new JsonObject().put("type", "shipment").put("id", shipmentId).put("orderId", orderId));
    }

    void skuInventory(int variantId, int productId, String method, int value) {
        dispatcher.fire("store/sku/inventory/updated", new JsonObject().put("type", "sku").put("id", variantId)
                .put("inventory", new JsonObject().put("product_id", productId).put("method", method)
                        .put("value", value).put("variant_id", variantId)));
    }

    private static JsonObject order(int orderId) {
        return new JsonObject().put("type", "order").put("id", orderId);
    }
}
