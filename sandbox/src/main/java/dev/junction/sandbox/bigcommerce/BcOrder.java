package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored v2 order with its sub-resources. Every read and write synchronizes on the order, so
 * concurrent shipments of the same order cannot over-ship; different orders never contend.
 */
final class BcOrder {
    final int id;
    private final JsonObject fields;
    private final List<JsonObject> products;
    private final List<JsonObject> addresses;
    private final List<JsonObject> coupons;
    private final Map<Integer, JsonObject> shipments = new LinkedHashMap<>();
    private Instant created;
    private Instant modified;

    BcOrder(int id, JsonObject fields, List<JsonObject> products, List<JsonObject> addresses,
            List<JsonObject> coupons, Instant created, Instant modified) {
        this.id = id;
        this.fields = fields;
        this.products = new ArrayList<>(products);
        this.addresses = new ArrayList<>(addresses);
        this.coupons = new ArrayList<>(coupons);
        // BigCommerce keeps second precision; date filters compare against what clients saw.
        this.created = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.modified = modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fields.put("date_created", Formats.rfc2822(this.created)).put("date_modified", Formats.rfc2822(this.modified));
    }

    synchronized Instant created() {
        return created;
    }

    synchronized Instant modified() {
        return modified;
    }

    synchronized int statusId() {
        return fields.getInteger("status_id");
    }

    /** A read-only snapshot of one order-level field, for filters. */
    synchronized Object field(String name) {
        return fields.getValue(name);
    }

    synchronized void touch(Instant now) {
        modified = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fields.put("date_modified", Formats.rfc2822(modified));
    }

    /** Sets the status and returns the previous one. */
    synchronized int setStatus(int statusId, Instant now) {
        int previous = fields.getInteger("status_id");
        fields.put("status_id", statusId).put("status", OrderStatuses.name(statusId))
                .put("custom_status", OrderStatuses.name(statusId));
        touch(now);
        return previous;
    }

    /** Merges simple order-level fields of a PUT (notes, message, addresses) into the order. */
    synchronized void merge(JsonObject update) {
        for (String f : List.of("staff_notes", "customer_message", "payment_method", "payment_status",
                "external_id", "external_source", "customer_id", "customer_locale")) {
            if (update.containsKey(f)) fields.put(f, update.getValue(f));
        }
        JsonObject billing = update.getJsonObject("billing_address");
        if (billing != null) fields.getJsonObject("billing_address").mergeIn(billing);
    }

    /** The v2 order object as the API returns it, with links to its sub-resources. */
    synchronized JsonObject render(String apiBase) {
        JsonObject out = fields.copy();
        String base = apiBase + "/v2/orders/" + id;
        out.put("products", link(base + "/products", "/orders/" + id + "/products"));
        // BigCommerce's own examples spell this link without the underscore, though the path has one.
        out.put("shipping_addresses", link(base + "/shippingaddresses", "/orders/" + id + "/shippingaddresses"));
        out.put("coupons", link(base + "/coupons", "/orders/" + id + "/coupons"));
        return out;
    }

    private static JsonObject link(String url, String resource) {
        return new JsonObject().put("url", url).put("resource", resource);
    }

    synchronized JsonArray products() {
        return copies(products);
    }

    synchronized JsonArray coupons() {
        return copies(coupons);
    }

    synchronized JsonArray shippingAddresses(String apiBase) {
        JsonArray out = new JsonArray();
        for (JsonObject a : addresses) {
            JsonObject copy = a.copy();
            String quotes = "/orders/" + id + "/shipping_addresses/" + a.getInteger("id") + "/shipping_quotes";
            copy.put("shipping_quotes", link(apiBase + "/v2" + quotes, quotes));
            out.add(copy);
        }
        return out;
    }

    synchronized JsonArray shipments() {
        return copies(shipments.values());
    }

    synchronized JsonObject shipment(int shipmentId) {
        JsonObject s = shipments.get(shipmentId);
        return s == null ? null : s.copy();
    }

    /** Everything, for the control API. */
    synchronized JsonObject snapshot(String apiBase) {
        return render(apiBase).put("products", products()).put("shipping_addresses", shippingAddresses(apiBase))
                .put("coupons", coupons()).put("shipments", shipments());
    }

    // --- package-private access for Shipments, always called while holding this order's monitor ---

    JsonObject fieldsLocked() {
        return fields;
    }

    List<JsonObject> productsLocked() {
        return products;
    }

    List<JsonObject> addressesLocked() {
        return addresses;
    }

    Map<Integer, JsonObject> shipmentsLocked() {
        return shipments;
    }

    private static JsonArray copies(Iterable<JsonObject> items) {
        JsonArray out = new JsonArray();
        for (JsonObject o : items) out.add(o.copy());
        return out;
    }
}
