package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The root fields the simulator answers, each with a fixed complexity (what it costs in credits). Every
 * root field returns {@code {request_id, complexity, <payload>}}: queries put it under {@code data},
 * mutations under the object's name ({@code order}, {@code shipment}, {@code webhook}, ...).
 */
final class ShipHeroResolvers {
    static final int MUTATION_COST = 10;

    private final ShipHeroOptions options;
    private final ShipHeroStore store;
    private final ShipHeroOrders orders;
    private final ShipHeroWarehouse warehouse;
    private final ShipHeroWebhooks webhooks;

    ShipHeroResolvers(ShipHeroOptions options, ShipHeroStore store, ShipHeroOrders orders, ShipHeroWarehouse warehouse,
                      ShipHeroWebhooks webhooks) {
        this.options = options;
        this.store = store;
        this.orders = orders;
        this.warehouse = warehouse;
        this.webhooks = webhooks;
    }

    /** Whether the simulator knows this root field (of a query or a mutation). */
    static boolean known(String field, boolean mutation) {
        List<String> queries = List.of("orders", "order", "shipments", "account", "warehouse_products", "webhooks");
        List<String> mutations = List.of("order_create", "order_update_fulfillment_status", "order_cancel",
                "shipment_create", "inventory_add", "inventory_subtract", "inventory_replace", "webhook_create",
                "webhook_delete");
        return mutation ? mutations.contains(field) : queries.contains(field);
    }

    /** Credits an operation costs: mutations a flat 10; list queries 1 plus the page size asked for. */
    static int cost(GraphQl.Field f) {
        return switch (f.name()) {
            case "orders", "shipments", "warehouse_products", "webhooks" -> 1 + Relay.pageSize(f.child("data"));
            case "order", "account" -> 1;
            case "webhook_create", "webhook_delete" -> 5;
            default -> MUTATION_COST;
        };
    }

    JsonObject resolve(GraphQl.Field f) {
        JsonObject a = f.args();
        JsonObject out = new JsonObject().put("request_id", store.randomHex(12)).put("complexity", cost(f));
        switch (f.name()) {
            case "order_create" -> {
                JsonObject order = orders.create(a.getJsonObject("data"));
                warehouse.schedule(order);
                out.put("order", ShipHeroOrders.render(order));
            }
            case "order_update_fulfillment_status" -> {
                JsonObject order = requireOrder(data(a).getValue("order_id"));
                order.put("fulfillment_status", data(a).getString("fulfillment_status")).put("updated_at", ShipHeroStore.now());
                out.put("order", ShipHeroOrders.render(order));
            }
            case "order_cancel" -> {
                JsonObject order = requireOrder(data(a).getValue("order_id"));
                if ("fulfilled".equals(order.getString("fulfillment_status"))) {
                    throw new ShipHeroError("Order " + order.getString("order_number") + " is fulfilled and cannot be canceled");
                }
                order.put("fulfillment_status", "canceled").put("updated_at", ShipHeroStore.now());
                out.put("order", ShipHeroOrders.render(order));
            }
            case "orders" -> out.put("data", Relay.page(orders.find(a).stream().map(ShipHeroOrders::render).toList(),
                    f.child("data")));
            case "order" -> out.put("data", ShipHeroOrders.render(requireOrder(a.getValue("id"))));
            case "shipments" -> out.put("data", Relay.page(shipments(a), f.child("data")));
            case "shipment_create" -> out.put("shipment", renderShipment(warehouse.createFromMutation(data(a))));
            case "account" -> out.put("data", new JsonObject().put("id", ShipHeroStore.id("Account", options.accountId()))
                    .put("legacy_id", options.accountId()).put("email", options.username()).put("username", options.username())
                    .put("status", "active").put("is_3pl", false).put("is_multi_warehouse", store.warehouses().size() > 1)
                    .put("warehouses", new JsonArray(List.copyOf(store.warehouses()))));
            case "warehouse_products" -> {
                JsonObject w = a.getValue("warehouse_id") == null ? null : requireWarehouse(a.getValue("warehouse_id"));
                out.put("data", Relay.page(store.warehouseProducts(a.getString("sku"), w), f.child("data")));
            }
            case "inventory_add", "inventory_subtract", "inventory_replace" -> out.put("warehouse_product", inventory(f.name(), data(a)));
            case "webhook_create" -> {
                JsonObject d = data(a);
                if (d.getString("name") == null || d.getString("url") == null) {
                    throw new ShipHeroError("Fields 'name' and 'url' are required");
                }
                out.put("webhook", store.addWebhook(d.getString("name"), d.getString("url"), d.getString("shop_name", "api")));
            }
            case "webhook_delete" -> {
                JsonObject d = data(a);
                if (!store.removeWebhook(d.getString("name"), d.getString("shop_name"))) {
                    throw new ShipHeroError("Webhook not found: " + d.getString("name"));
                }
            }
            case "webhooks" -> out.put("data", Relay.page(store.webhooksForListing(a.getString("shop_name")), f.child("data")));
            default -> throw new ShipHeroError("Cannot query field \"" + f.name() + "\"");
        }
        return out;
    }

    /** Applies an inventory change and fires "Inventory Update"; also used by the control API. */
    JsonObject inventory(String op, JsonObject d) {
        String sku = d.getString("sku");
        if (sku == null || d.getValue("quantity") == null) throw new ShipHeroError("Fields 'sku', 'warehouse_id' and 'quantity' are required");
        JsonObject w = requireWarehouse(d.getValue("warehouse_id"));
        int qty = ((Number) d.getValue("quantity")).intValue();
        int onHand = store.warehouseProduct(sku, w).getInteger("on_hand");
        int target = switch (op) {
            case "inventory_add" -> onHand + qty;
            case "inventory_subtract" -> onHand - qty;
            default -> qty;
        };
        if (qty < 0 || target < 0) throw new ShipHeroError("Resulting on hand quantity would be negative for sku " + sku);
        JsonObject product = store.setOnHand(sku, w, target);
        webhooks.fire("Inventory Update", null, ShipHeroPayloads.inventoryUpdate(options.accountId(), product, w,
                store.warehouseProducts(sku, null)));
        return product.copy();
    }

    private List<JsonObject> shipments(JsonObject a) {
        String orderId = a.getValue("order_id") == null ? null : ShipHeroStore.id("Order", ShipHeroStore.legacyOf(a.getValue("order_id")));
        String tracking = a.getString("tracking_number");
        return store.shipments().stream()
                .filter(s -> orderId == null || orderId.equals(s.getString("order_id")))
                .filter(s -> tracking == null || ShipHeroStore.objects(s.getJsonArray("shipping_labels")).stream()
                        .anyMatch(l -> tracking.equals(l.getString("tracking_number"))))
                .filter(ShipHeroOrders.between("created_date", a.getString("date_from"), a.getString("date_to")))
                .map(ShipHeroResolvers::renderShipment).toList();
    }

    static JsonObject renderShipment(JsonObject shipment) {
        JsonObject out = shipment.copy();
        out.put("line_items", Relay.all(shipment.getJsonArray("line_items")));
        return out;
    }

    private JsonObject requireOrder(Object id) {
        JsonObject order = store.order(id);
        if (order == null) throw new ShipHeroError("Order not found: " + id);
        return order;
    }

    private JsonObject requireWarehouse(Object id) {
        JsonObject w = store.warehouse(id);
        if (w == null) throw new ShipHeroError("Warehouse not found: " + id);
        return w;
    }

    private static JsonObject data(JsonObject args) {
        JsonObject d = args.getJsonObject("data");
        if (d == null) throw new ShipHeroError("Argument 'data' is required");
        return d;
    }
}
