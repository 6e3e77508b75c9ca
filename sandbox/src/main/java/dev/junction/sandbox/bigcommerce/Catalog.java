package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeded catalog products (each with at least one variant, as in BigCommerce where a product without
 * options still has a base variant carrying its SKU) and customers.
 */
final class Catalog {
    record Variant(int id, int productId, String sku, BigDecimal price, JsonArray optionValues) {
    }

    record Product(int id, String name, String sku, BigDecimal price, BigDecimal weight, String type,
                   List<Variant> variants, boolean hasOptions, Instant created) {
        Variant baseVariant() {
            return variants.get(0);
        }
    }

    record Customer(int id, String email, String firstName, String lastName, String company, String phone,
                    Instant created) {
    }

    private final ConcurrentHashMap<Integer, Product> products = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Product> productsBySku = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Variant> variants = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Variant> variantsBySku = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Customer> customers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Customer> customersByEmail = new ConcurrentHashMap<>();
    // In id order, appended under this catalog's lock (ids are allocated under it too): listing the catalog in
    // id order, as the generator does for every batch, was a sort of every customer and variant per call, 16%
    // of the simulators' CPU in a benchmark with 28,000 customers.
    private final List<Product> productsInIdOrder = new ArrayList<>();
    private final List<Variant> variantsInIdOrder = new ArrayList<>();
    private final List<Customer> customersInIdOrder = new ArrayList<>();
    private final AtomicInteger productIds = new AtomicInteger(111);
    private final AtomicInteger variantIds = new AtomicInteger(77);
    private final AtomicInteger customerIds = new AtomicInteger(1);

    /**
     * Seeds a product from {@code {sku, name, price, weight?, type?, variants:[{sku, price?, options?}]}}.
     * SKUs are unique across products and variants, as BigCommerce enforces.
     */
    synchronized Product addProduct(JsonObject in, Instant now) {
        String sku = require(in, "sku");
        String name = in.getString("name", sku);
        BigDecimal price = Formats.decimal(in, "price", BigDecimal.ZERO);
        BigDecimal weight = Formats.decimal(in, "weight", BigDecimal.ONE);
        if (variantsBySku.containsKey(sku) || productsBySku.containsKey(sku)) {
            throw new Formats.BadInput("sku '" + sku + "' already exists");
        }
        int productId = productIds.getAndIncrement();
        List<Variant> vs = new ArrayList<>();
        JsonArray given = in.getJsonArray("variants", new JsonArray());
        if (given.isEmpty()) {
            vs.add(new Variant(variantIds.getAndIncrement(), productId, sku, price, new JsonArray()));
        }
        for (int i = 0; i < given.size(); i++) {
            JsonObject v = given.getJsonObject(i);
            String vsku = require(v, "sku");
            if (variantsBySku.containsKey(vsku) || productsBySku.containsKey(vsku) || vsku.equals(sku)) {
                throw new Formats.BadInput("sku '" + vsku + "' already exists");
            }
            JsonArray options = new JsonArray();
            JsonObject opts = v.getJsonObject("options", new JsonObject());
            int optionId = 1;
            for (String label : opts.fieldNames()) {
                options.add(new JsonObject().put("id", 100 + optionId).put("label", String.valueOf(opts.getValue(label)))
                        .put("option_id", optionId).put("option_display_name", label));
                optionId++;
            }
            vs.add(new Variant(variantIds.getAndIncrement(), productId, vsku,
                    Formats.decimal(v, "price", price), options));
        }
        Product p = new Product(productId, name, sku, price, weight, in.getString("type", "physical"),
                List.copyOf(vs), !given.isEmpty(), now);
        products.put(productId, p);
        productsBySku.put(sku, p);
        productsInIdOrder.add(p);
        for (Variant v : vs) {
            variants.put(v.id(), v);
            variantsBySku.put(v.sku(), v);
            variantsInIdOrder.add(v);
        }
        return p;
    }

    synchronized Customer addCustomer(JsonObject in, Instant now) {
        String email = require(in, "email").toLowerCase();
        Customer existing = customersByEmail.get(email);
        if (existing != null) return existing;
        // BigCommerce requires both names on a customer; seeds that omit them get stand-ins.
        Customer c = new Customer(customerIds.getAndIncrement(), email,
                nonBlank(in.getString("first_name"), email.substring(0, Math.max(1, email.indexOf('@')))),
                nonBlank(in.getString("last_name"), "Customer"), in.getString("company", ""), in.getString("phone", ""), now);
        customers.put(c.id(), c);
        customersByEmail.put(email, c);
        customersInIdOrder.add(c);
        return c;
    }

    Product product(int id) {
        return products.get(id);
    }

    Product productBySku(String sku) {
        return productsBySku.get(sku);
    }

    Variant variant(int id) {
        return variants.get(id);
    }

    Variant variantBySku(String sku) {
        return variantsBySku.get(sku);
    }

    Customer customer(int id) {
        return customers.get(id);
    }

    Customer customerByEmail(String email) {
        return email == null ? null : customersByEmail.get(email.toLowerCase());
    }

    /** All products in id order (a snapshot). */
    synchronized List<Product> products() {
        return List.copyOf(productsInIdOrder);
    }

    /** All variants in id order (a snapshot). */
    synchronized List<Variant> variants() {
        return List.copyOf(variantsInIdOrder);
    }

    /** All customers in id order (a snapshot). */
    synchronized List<Customer> customers() {
        return List.copyOf(customersInIdOrder);
    }

    synchronized void clear() {
        products.clear();
        productsBySku.clear();
        variants.clear();
        variantsBySku.clear();
        customers.clear();
        customersByEmail.clear();
        productsInIdOrder.clear();
        variantsInIdOrder.clear();
        customersInIdOrder.clear();
        productIds.set(111);
        variantIds.set(77);
        customerIds.set(1);
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String require(JsonObject in, String field) {
        String v = in.getString(field);
        if (v == null || v.isBlank()) throw new Formats.BadInput(field + " is required");
        return v;
    }
}
