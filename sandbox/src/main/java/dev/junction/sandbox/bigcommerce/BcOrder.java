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
    private java.util.function.BiConsumer<Instant, BcOrder> moved;

    BcOrder(int id, JsonObject fields, List<JsonObject> products, List<JsonObject> addresses,
            List<JsonObject> coupons, Instant created, Instant modified) {
        this.id = id;
        // held compact for as long as the simulator runs (see CompactJson); copies handed out are expanded
        this.fields = CompactJson.compact(fields);
        this.products = compact(products);
        this.addresses = compact(addresses);
        this.coupons = compact(coupons);
        // BigCommerce keeps second precision; date filters compare against what clients saw.
        this.created = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.modified = modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.fields.put("date_created", Formats.rfc2822(this.created)).put("date_modified", Formats.rfc2822(this.modified));
    }

    private static List<JsonObject> compact(List<JsonObject> items) {
        List<JsonObject> out = new ArrayList<>(items.size());
        for (JsonObject o : items) out.add(CompactJson.compact(o));
        return out;
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

    /**
     * Dates the order {@code now}, as placed: an order generated ahead of time and held back (see
     * {@link BcStore#hold}) is created when it is released, not when it was drawn. Only before it is stored.
     */
    synchronized void placedAt(Instant now) {
        created = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        modified = created;
        String date = Formats.rfc2822(created);
        fields.put("date_created", date).put("date_modified", date);
    }

    synchronized void touch(Instant now) {
        Instant previous = modified;
        modified = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fields.put("date_modified", Formats.rfc2822(modified));
        if (moved != null && !previous.equals(modified)) {
            moved.accept(previous, this);
        }
    }

    /** Told the previous date_modified whenever it changes (the store's by-modified index). */
    synchronized void onModified(java.util.function.BiConsumer<Instant, BcOrder> listener) {
        this.moved = listener;
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
        JsonObject out = CompactJson.expand(fields);
        String base = apiBase + "/v2/orders/" + id;
        out.put("products", link(base + "/products", "/orders/" + id + "/products"));
        // BigCommerce's own examples spell this link without the underscore, though the path has one.
        out.put("shipping_addresses", link(base + "/shippingaddresses", "/orders/" + id + "/shippingaddresses"));
        out.put("coupons", link(base + "/coupons", "/orders/" + id + "/coupons"));
        return out;
    }

    /**
     * The order as {@code GET /orders/{id}} (or the list) returns it with {@code include=consignments} or
     * {@code include=consignments.line_items} and {@code consignment_structure=object}: the links plus a
     * {@code consignments} object (see {@link #consignments}).
     */
    synchronized JsonObject render(String apiBase, boolean consignments, boolean lineItems) {
        JsonObject out = render(apiBase);
        if (consignments) out.put("consignments", consignments(apiBase, lineItems));
        return out;
    }

    /**
     * {@code orderConsignment_Get}: one shipping consignment per shipping address that has items (its id is
     * the address id, its line items the products whose {@code order_address_id} is that address), no pickups, the gift
     * certificates in one email consignment and any other line without a shipping address (digital goods)
     * in one download consignment, both to the billing email. Line items are the very objects
     * {@code /products} returns with {@code lineItems}, otherwise links to them ({@code products_Resource}).
     */
    synchronized JsonObject consignments(String apiBase, boolean lineItems) {
        JsonArray shipping = new JsonArray();
        java.util.Set<Integer> addressIds = new java.util.HashSet<>();
        for (JsonObject a : addresses) {
            int addressId = a.getInteger("id");
            addressIds.add(addressId);
            JsonArray items = lineItems(apiBase, lineItems, l -> l.getInteger("order_address_id", 0) == addressId
                    && !isGiftCertificate(l));
            // A consignment is items going somewhere: the spec cannot even express an empty one (an empty
            // line_items matches both of its oneOf branches), so an address the sandbox holds without items
            // (only seeding can make one) is in /shipping_addresses but not a consignment.
            if (items.isEmpty()) continue;
            JsonObject c = new JsonObject().put("id", addressId);
            for (String f : ADDRESS_FIELDS) c.put(f, a.getValue(f));
            c.put("form_fields", CompactJson.expand(a.getJsonArray("form_fields", new JsonArray())));
            c.put("shipping_method", a.getValue("shipping_method"));
            c.put("line_items", items);
            c.put("items_total", a.getValue("items_total")).put("items_shipped", a.getValue("items_shipped"));
            // The consignment schema declares its costs as numbers, where /shipping_addresses has money strings.
            for (String f : List.of("base_cost", "cost_ex_tax", "cost_inc_tax", "cost_tax", "base_handling_cost",
                    "handling_cost_ex_tax", "handling_cost_inc_tax", "handling_cost_tax")) {
                c.put(f, Double.parseDouble(String.valueOf(a.getValue(f, "0"))));
            }
            c.put("cost_tax_class_id", a.getValue("cost_tax_class_id"))
                    .put("handling_cost_tax_class_id", a.getValue("handling_cost_tax_class_id"))
                    .put("shipping_zone_id", a.getValue("shipping_zone_id"))
                    .put("shipping_zone_name", a.getValue("shipping_zone_name"));
            String quotes = "/orders/" + id + "/consignments/shipping/" + addressId + "/shipping_quotes";
            c.put("shipping_quotes", link(apiBase + "/v2" + quotes, quotes));
            shipping.add(c);
        }
        String recipient = fields.getJsonObject("billing_address").getString("email", "");
        JsonArray downloads = new JsonArray();
        JsonArray digital = lineItems(apiBase, lineItems, l -> !isGiftCertificate(l)
                && !addressIds.contains(l.getInteger("order_address_id", 0)));
        if (!digital.isEmpty()) downloads.add(new JsonObject().put("recipient_email", recipient).put("line_items", digital));
        JsonArray giftCertificates = new JsonArray();
        JsonArray certificates = lineItems(apiBase, lineItems, BcOrder::isGiftCertificate);
        if (!certificates.isEmpty()) {
            giftCertificates.add(new JsonObject().put("recipient_email", recipient).put("line_items", certificates));
        }
        return new JsonObject().put("pickups", new JsonArray()).put("shipping", shipping).put("downloads", downloads)
                .put("email", new JsonObject().put("gift_certificates", giftCertificates));
    }

    private static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "company", "street_1",
            "street_2", "city", "state", "zip", "country", "country_iso2", "phone", "email");

    private static boolean isGiftCertificate(JsonObject line) {
        return "giftcertificate".equals(line.getString("type"));
    }

    private JsonArray lineItems(String apiBase, boolean full, java.util.function.Predicate<JsonObject> which) {
        JsonArray out = new JsonArray();
        for (JsonObject l : products) {
            if (!which.test(l)) continue;
            if (full) {
                out.add(CompactJson.expand(l));
            } else {
                String resource = "/orders/" + id + "/products/" + l.getInteger("id");
                out.add(link(apiBase + "/v2" + resource, resource));
            }
        }
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
            JsonObject copy = CompactJson.expand(a);
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
        for (JsonObject o : items) out.add(CompactJson.expand(o));
        return out;
    }
}
