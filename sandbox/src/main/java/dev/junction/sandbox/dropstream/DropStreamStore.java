package dev.junction.sandbox.dropstream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * DropStream's records, as its API documents them: orders (one per ingested order file), shipments (one per
 * shipment file written), products, warehouses, inventory levels, and a log of every file seen. Methods are
 * synchronized: the file worker, timers and requests all use the store.
 */
final class DropStreamStore {
    private final DropStreamOptions options;
    private final Map<Integer, JsonObject> orders = new LinkedHashMap<>();
    private final Map<Integer, JsonObject> shipments = new LinkedHashMap<>();
    private final Map<String, JsonObject> products = new LinkedHashMap<>();
    private final List<JsonObject> warehouses = new ArrayList<>();
    private final Map<String, JsonObject> inventory = new LinkedHashMap<>();
    private final List<JsonObject> files = new ArrayList<>();
    private Random random;
    private int nextId;
    private int fileSequence;
    private int epoch;

    DropStreamStore(DropStreamOptions options) {
        this.options = options;
        reset();
    }

    synchronized void reset() {
        epoch++;
        orders.clear();
        shipments.clear();
        products.clear();
        warehouses.clear();
        inventory.clear();
        files.clear();
        random = new Random(options.seed());
        nextId = 1000;
        fileSequence = 0;
        addWarehouse(options.warehouseCode(), "Main Warehouse");
    }

    synchronized int epoch() {
        return epoch;
    }

    synchronized int nextId() {
        return nextId++;
    }

    synchronized int nextFileSequence() {
        return ++fileSequence;
    }

    synchronized long nextRandom(long bound) {
        return (long) (random.nextDouble() * bound);
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- orders

    /** Stores an ingested order file; returns the DropStream order object. */
    synchronized JsonObject addOrder(DsfxFormat.OrderFile file, String fileName) {
        DsfxFormat.OrderHeader h = file.header();
        JsonArray lines = new JsonArray();
        for (DsfxFormat.OrderLine l : file.lines()) {
            lines.add(new JsonObject().put("id", nextId()).put("line_number", l.lineNumber()).put("sku", l.sku())
                    .put("quantity", l.quantity()).put("quantity_shipped", 0).put("price", l.unitPrice().toPlainString()));
        }
        String now = now();
        String[] carrier = ShippingMethods.carrierAndService(h.shippingMethod());
        JsonObject order = new JsonObject().put("id", nextId()).put("store_id", 1).put("external_id", h.orderNumber())
                .put("external_display_id", h.customerReference().isEmpty() ? h.orderNumber() : h.customerReference())
                .put("customer_email", h.shipToEmail()).put("ordered_at", h.orderDate())
                .put("shipping_carrier_name", carrier[0]).put("shipping_carrier_service_level", carrier[1])
                .put("external_shipping_description", h.shippingMethod()).put("shipping_amount", decimal(h.shippingAmount()))
                .put("discount_amount", decimal(h.discountAmount())).put("tax_amount", decimal(h.taxAmount()))
                .put("notes", h.notes()).put("gift_message", h.giftMessage())
                .put("requested_ship_date", h.requestedShipDate().isEmpty() ? null : h.requestedShipDate())
                .put("fulfillment_state", "pending_shipment").put("fulfillment_transitioned_at", now)
                .put("fulfillment_warehouse_id", warehouses.get(0).getInteger("id"))
                .put("currency_code", h.currency().isEmpty() ? null : h.currency()).put("created_at", now)
                .put("shipping_address", new JsonObject().put("name", h.shipToName()).put("company", h.shipToCompany())
                        .put("address1", h.shipToAddress1()).put("address2", h.shipToAddress2()).put("city", h.shipToCity())
                        .put("state", h.shipToState()).put("postal_code", h.shipToPostalCode()).put("country", h.shipToCountry())
                        .put("phone", h.shipToPhone()).put("email", h.shipToEmail()))
                .put("line_items", lines).put("source_file", fileName);
        orders.put(order.getInteger("id"), order);
        return order;
    }

    private static String decimal(String s) {
        return s == null || s.isEmpty() ? "0.00" : s;
    }

    synchronized JsonObject orderByExternalId(String externalId) {
        return orders.values().stream().filter(o -> o.getString("external_id").equals(externalId)).findFirst().orElse(null);
    }

    synchronized JsonObject order(String ref) {
        try {
            JsonObject o = orders.get(Integer.parseInt(ref));
            if (o != null) return o;
        } catch (NumberFormatException ignored) {
            // not a DropStream id: try the external id
        }
        return orderByExternalId(ref);
    }

    synchronized List<JsonObject> orders() {
        return orders.values().stream().map(JsonObject::copy).toList();
    }

    // ---- shipments

    synchronized void addShipment(JsonObject shipment) {
        shipments.put(shipment.getInteger("id"), shipment);
    }

    synchronized List<JsonObject> shipments() {
        return shipments.values().stream().map(JsonObject::copy).toList();
    }

    // ---- catalogue, warehouses, inventory

    synchronized JsonObject addWarehouse(String code, String name) {
        JsonObject w = new JsonObject().put("id", warehouses.size() + 1).put("name", name).put("code", code)
                .put("platform", "dropstream").put("created_at", now());
        warehouses.add(w);
        return w;
    }

    synchronized List<JsonObject> warehouses() {
        return warehouses.stream().map(JsonObject::copy).toList();
    }

    synchronized JsonObject warehouse(String code) {
        return warehouses.stream().filter(w -> w.getString("code").equals(code)).findFirst().orElse(null);
    }

    synchronized JsonObject putProduct(JsonObject in) {
        String sku = in.getString("sku");
        JsonObject existing = products.get(sku);
        JsonObject p = new JsonObject().put("id", existing == null ? nextId() : existing.getInteger("id"))
                .put("customer_id", in.getInteger("customer_id", 1)).put("sku", sku).put("name", in.getString("name", sku))
                .put("description", in.getString("description")).put("upc", in.getString("upc"))
                .put("weight", in.getValue("weight")).put("variant_of", in.getValue("variant_of"))
                .put("master_id", in.getValue("master_id")).put("bundle", in.getJsonArray("bundle", new JsonArray()))
                .put("created_at", existing == null ? now() : existing.getString("created_at"));
        products.put(sku, p);
        return p;
    }

    synchronized List<JsonObject> products() {
        return products.values().stream().map(JsonObject::copy).toList();
    }

    synchronized DsfxFormat.InventoryRow setInventory(String sku, String warehouse, int onHand, Integer available) {
        int avail = available == null ? onHand : available;
        inventory.put(sku + "|" + warehouse, new JsonObject().put("sku", sku).put("warehouse", warehouse)
                .put("on_hand", onHand).put("available", avail));
        return new DsfxFormat.InventoryRow(sku, warehouse, onHand, avail);
    }

    /** Shipped stock leaves the shelf (no inventory file is written for it). */
    synchronized void consume(String sku, String warehouse, int quantity) {
        JsonObject level = inventory.get(sku + "|" + warehouse);
        if (level != null) {
            level.put("on_hand", Math.max(0, level.getInteger("on_hand") - quantity))
                    .put("available", Math.max(0, level.getInteger("available") - quantity));
        }
    }

    synchronized List<JsonObject> inventory() {
        return inventory.values().stream().map(JsonObject::copy).toList();
    }

    // ---- file log

    synchronized void logFile(String folder, String name, String outcome, String detail) {
        files.add(new JsonObject().put("folder", folder).put("name", name).put("outcome", outcome).put("detail", detail)
                .put("at", now()));
    }

    synchronized List<JsonObject> files() {
        return files.stream().map(JsonObject::copy).toList();
    }
}
