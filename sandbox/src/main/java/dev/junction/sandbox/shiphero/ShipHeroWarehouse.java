package dev.junction.sandbox.shiphero;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated warehouse: ships orders (after {@link ShipHeroOptions#shipAfter()}, or when told), records
 * the shipment with one label per package, moves the order lines to shipped, and fires "Shipment Update".
 * Orders with more than {@link ShipHeroOptions#splitAbove()} lines ship in 2 packages.
 */
final class ShipHeroWarehouse {
    /** How much of one order line goes into a shipment. */
    record ShipLine(JsonObject line, int quantity) {
    }

    /** One package (= one shipping label) of a shipment. */
    record Label(String carrier, String method, String name, String trackingNumber, String trackingUrl, String cost) {
    }

    private final ShipHeroOptions options;
    private final ShipHeroStore store;
    private final ShipHeroWebhooks webhooks;
    private Vertx vertx;

    ShipHeroWarehouse(ShipHeroOptions options, ShipHeroStore store, ShipHeroWebhooks webhooks) {
        this.options = options;
        this.store = store;
        this.webhooks = webhooks;
    }

    void attach(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Ships the whole order after the configured delay; a zero delay leaves it to the control API. */
    void schedule(JsonObject order) {
        long ms = options.shipAfter().toMillis();
        if (vertx == null || ms <= 0) return;
        String id = order.getString("id");
        int epoch = store.epoch();
        vertx.setTimer(ms, t -> {
            JsonObject current = store.epoch() == epoch ? store.order(id) : null;
            if (current != null && "pending".equals(current.getString("fulfillment_status"))) {
                try {
                    shipRemaining(current, 0);
                } catch (ShipHeroError ignored) {
                    // Already shipped by hand in the meantime: nothing left to ship.
                }
            }
        });
    }

    /** Ships every unshipped unit; {@code packages} 0 applies the split rule. */
    JsonObject shipRemaining(JsonObject order, int packages) {
        List<ShipLine> lines = new ArrayList<>();
        for (JsonObject l : ShipHeroOrders.lines(order)) {
            int left = l.getInteger("quantity_pending_fulfillment");
            if (left > 0) lines.add(new ShipLine(l, left));
        }
        return ship(order, lines, packages);
    }

    /** Ships the given quantities in {@code packages} packages (0: by the split rule) with generated labels. */
    synchronized JsonObject ship(JsonObject order, List<ShipLine> lines, int packages) {
        int count = packages > 0 ? packages : (ShipHeroOrders.lines(order).size() > options.splitAbove() ? 2 : 1);
        count = Math.max(1, Math.min(count, lines.size()));
        // present-but-null when the order was created without shipping lines
        JsonObject shippingLines = order.getValue("shipping_lines") instanceof JsonObject sl ? sl : new JsonObject();
        String carrier = shippingLines.getString("carrier", "ups");
        String method = shippingLines.getString("method", carrier + "_ground");
        String name = shippingLines.getString("title", "Ground");
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String tracking = trackingNumber(carrier);
            labels.add(new Label(carrier, method, name, tracking, trackingUrl(carrier, tracking), "7.50"));
        }
        return record(order, lines, labels, null, false);
    }

    /** {@code shipment_create}: the caller gives lines and labels; all lines go in the first label. */
    synchronized JsonObject createFromMutation(JsonObject data) {
        JsonObject order = store.order(data.getValue("order_id"));
        if (order == null) throw new ShipHeroError("Order not found: " + data.getValue("order_id"));
        JsonObject warehouse = store.warehouse(data.getValue("warehouse_id"));
        if (warehouse == null) throw new ShipHeroError("Warehouse not found: " + data.getValue("warehouse_id"));
        List<ShipLine> lines = new ArrayList<>();
        for (JsonObject in : ShipHeroStore.objects(data.getJsonArray("line_items"))) {
            JsonObject line = findLine(order, in.getValue("line_item_id"));
            if (line == null) throw new ShipHeroError("Line item not found: " + in.getValue("line_item_id"));
            lines.add(new ShipLine(line, in.getInteger("quantity", 0)));
        }
        if (lines.isEmpty()) throw new ShipHeroError("line_items must not be empty");
        List<Label> labels = new ArrayList<>();
        for (JsonObject l : ShipHeroStore.objects(data.getJsonArray("labels"))) {
            labels.add(new Label(l.getString("carrier"), l.getString("shipping_method"), l.getString("shipping_name"),
                    l.getString("tracking_number"), l.getString("tracking_url"), String.valueOf(l.getValue("cost", "0.00"))));
        }
        if (labels.isEmpty()) labels.add(new Label(null, null, null, null, null, "0.00"));
        return record(order, lines, labels, warehouse, data.getBoolean("shipped_off_shiphero", false));
    }

    static JsonObject findLine(JsonObject order, Object ref) {
        int legacy = ShipHeroStore.legacyOf(ref);
        for (JsonObject l : ShipHeroOrders.lines(order)) {
            if (l.getInteger("legacy_id") == legacy || l.getString("partner_line_item_id").equals(String.valueOf(ref))
                    || l.getString("sku").equals(String.valueOf(ref))) {
                return l;
            }
        }
        return null;
    }

    private JsonObject record(JsonObject order, List<ShipLine> lines, List<Label> labels, JsonObject warehouseArg,
                              boolean offShipHero) {
        for (ShipLine s : lines) {
            int left = s.line().getInteger("quantity_pending_fulfillment");
            if (s.quantity() <= 0 || s.quantity() > left) {
                throw new ShipHeroError("Cannot ship " + s.quantity() + " of line " + s.line().getString("partner_line_item_id")
                        + " (sku " + s.line().getString("sku") + "): " + left + " left to ship");
            }
        }
        if (lines.isEmpty()) throw new ShipHeroError("Order " + order.getString("order_number") + " has nothing left to ship");
        JsonObject warehouse = warehouseArg != null ? warehouseArg
                : store.warehouse(lines.get(0).line().getString("warehouse_id"));
        int legacy = store.nextLegacyId();
        String shipmentId = ShipHeroStore.id("Shipment", legacy);
        String now = ShipHeroStore.now();
        JsonArray labelJson = new JsonArray();
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            int labelLegacy = store.nextLegacyId();
            labelJson.add(new JsonObject().put("id", ShipHeroStore.id("ShippingLabel", labelLegacy)).put("legacy_id", labelLegacy)
                    .put("account_id", ShipHeroStore.id("Account", options.accountId())).put("shipment_id", shipmentId)
                    .put("order_id", order.getString("id")).put("order_number", order.getString("order_number"))
                    .put("box_id", null).put("box_name", "Package #" + (i + 1)).put("status", "valid")
                    .put("tracking_number", l.trackingNumber()).put("tracking_url", l.trackingUrl())
                    .put("carrier", l.carrier()).put("shipping_name", l.name()).put("shipping_method", l.method())
                    .put("cost", l.cost()).put("profile", "default").put("delivered", false).put("picked_up", false)
                    .put("refunded", false).put("needs_refund", false).put("partner_fulfillment_id", null)
                    .put("warehouse", warehouse.getString("identifier")).put("warehouse_id", warehouse.getString("id"))
                    .put("created_date", now));
        }
        JsonArray lineJson = new JsonArray();
        for (int i = 0; i < lines.size(); i++) {
            ShipLine s = lines.get(i);
            int pkg = i * labels.size() / lines.size();
            int lineLegacy = store.nextLegacyId();
            lineJson.add(new JsonObject().put("id", ShipHeroStore.id("ShipmentLineItem", lineLegacy)).put("legacy_id", lineLegacy)
                    .put("line_item_id", s.line().getString("id")).put("shipment_id", shipmentId)
                    .put("shipping_label_id", labelJson.getJsonObject(pkg).getString("id")).put("quantity", s.quantity())
                    .put("line_item", new JsonObject().put("id", s.line().getString("id")).put("sku", s.line().getString("sku"))
                            .put("partner_line_item_id", s.line().getString("partner_line_item_id")))
                    .put("package_number", pkg + 1));
            applyShipped(s, warehouse);
        }
        boolean complete = ShipHeroOrders.lines(order).stream().allMatch(l -> l.getInteger("quantity_pending_fulfillment") == 0);
        if (complete) order.put("fulfillment_status", "fulfilled");
        order.put("updated_at", now);
        JsonObject shipment = new JsonObject().put("id", shipmentId).put("legacy_id", legacy)
                .put("order_id", order.getString("id")).put("user_id", null).put("warehouse_id", warehouse.getString("id"))
                .put("pending_shipment_id", null).put("address", order.getJsonObject("shipping_address"))
                .put("profile", "default").put("picked_up", false).put("needs_refund", false).put("refunded", false)
                .put("delivered", false).put("shipped_off_shiphero", offShipHero).put("dropshipment", false)
                .put("completed", true).put("created_date", now).put("line_items", lineJson)
                .put("shipping_labels", labelJson).put("total_packages", labels.size());
        store.putShipment(shipment);
        webhooks.fire("Shipment Update", order.getString("shop_name"), ShipHeroPayloads.shipmentUpdate(order, shipment, warehouse));
        return shipment;
    }

    private void applyShipped(ShipLine s, JsonObject warehouse) {
        JsonObject line = s.line();
        int pending = line.getInteger("quantity_pending_fulfillment") - s.quantity();
        line.put("quantity_shipped", line.getInteger("quantity_shipped") + s.quantity())
                .put("quantity_pending_fulfillment", pending)
                .put("quantity_allocated", Math.max(0, line.getInteger("quantity_allocated") - s.quantity()))
                .put("fulfillment_status", pending == 0 ? "fulfilled" : "pending").put("updated_at", ShipHeroStore.now());
        // Stock leaves the shelf; only for skus the warehouse tracks, so unseeded skus stay absent.
        if (!store.warehouseProducts(line.getString("sku"), warehouse).isEmpty()) {
            JsonObject p = store.warehouseProduct(line.getString("sku"), warehouse);
            store.setOnHand(line.getString("sku"), warehouse, Math.max(0, p.getInteger("on_hand") - s.quantity()));
        }
    }

    private String trackingNumber(String carrier) {
        String c = carrier.toLowerCase();
        if (c.contains("ups")) return "1Z" + digits(6) + "03" + digits(8);
        if (c.contains("usps")) return "9400" + digits(18);
        if (c.contains("dhl")) return digits(10);
        return digits(12);
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(store.nextRandom(10));
        return sb.toString();
    }

    static String trackingUrl(String carrier, String tracking) {
        String c = carrier == null ? "" : carrier.toLowerCase();
        if (c.contains("ups")) return "https://www.ups.com/track?tracknum=" + tracking;
        if (c.contains("usps")) return "https://tools.usps.com/go/TrackConfirmAction?tLabels=" + tracking;
        if (c.contains("fedex")) return "https://www.fedex.com/fedextrack/?trknbr=" + tracking;
        if (c.contains("dhl")) return "https://www.dhl.com/en/express/tracking.html?AWB=" + tracking;
        return "https://track.example.test/" + tracking;
    }
}
