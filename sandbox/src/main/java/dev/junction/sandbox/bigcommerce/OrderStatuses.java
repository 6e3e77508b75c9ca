package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The fixed v2 order statuses 0-14 (BC-specs and BC-docs orders.v2 {@code /order_statuses}). */
final class OrderStatuses {
    static final int PENDING = 1;
    static final int SHIPPED = 2;
    static final int PARTIALLY_SHIPPED = 3;
    static final int AWAITING_FULFILLMENT = 11;

    private static final List<String> NAMES = List.of("Incomplete", "Pending", "Shipped", "Partially Shipped",
            "Refunded", "Cancelled", "Declined", "Awaiting Payment", "Awaiting Pickup", "Awaiting Shipment",
            "Completed", "Awaiting Fulfillment", "Manual Verification Required", "Disputed", "Partially Refunded");

    private OrderStatuses() {
    }

    static boolean exists(int id) {
        return id >= 0 && id < NAMES.size();
    }

    static String name(int id) {
        return NAMES.get(id);
    }

    static int count() {
        return NAMES.size();
    }

    static JsonObject json(int id) {
        return new JsonObject().put("id", id).put("name", NAMES.get(id)).put("system_label", NAMES.get(id))
                .put("custom_label", NAMES.get(id)).put("system_description", NAMES.get(id));
    }

    static JsonArray all() {
        JsonArray out = new JsonArray();
        for (int i = 0; i < NAMES.size(); i++) out.add(json(i));
        return out;
    }
}
