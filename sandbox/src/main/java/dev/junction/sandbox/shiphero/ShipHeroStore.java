package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The account's state: warehouses, orders, shipments, warehouse products and webhooks, kept as the JSON
 * objects ShipHero documents (the simulator answers with full objects). ShipHero ids are
 * base64("Type:legacy_id"); every lookup accepts either form. Methods are synchronized because timers,
 * requests and tests may touch the store from different threads.
 */
final class ShipHeroStore {
    private final ShipHeroOptions options;
    private Random random;
    private final Map<String, JsonObject> orders = new LinkedHashMap<>();
    private final Map<String, JsonObject> shipments = new LinkedHashMap<>();
    private final Map<String, JsonObject> warehouseProducts = new LinkedHashMap<>();
    private final List<JsonObject> warehouses = new ArrayList<>();
    private final List<JsonObject> webhooks = new ArrayList<>();
    private int nextLegacy;
    private int epoch;

    ShipHeroStore(ShipHeroOptions options) {
        this.options = options;
        reset();
    }

    synchronized void reset() {
        epoch++;
        random = new Random(options.seed());
        orders.clear();
        shipments.clear();
        warehouseProducts.clear();
        warehouses.clear();
        webhooks.clear();
        nextLegacy = 100_000 + (int) Math.floorMod(options.seed(), 1000) * 1000;
        addWarehouse("Primary", "Primary Warehouse", address("Primary Warehouse", "100 Depot Rd", "Reno", "NV", "89501", "US"));
        addWarehouse("Secondary", "East Coast Warehouse", address("East Coast Warehouse", "5 Harbor St", "Newark", "NJ", "07102", "US"));
    }

    /** Changes on every reset, so timers scheduled before a reset leave the new state alone. */
    synchronized int epoch() {
        return epoch;
    }

    static String id(String type, int legacy) {
        return Base64.getEncoder().encodeToString((type + ":" + legacy).getBytes(StandardCharsets.UTF_8));
    }

    /** The legacy id behind a ShipHero id, a legacy id given as a string, or -1. */
    static int legacyOf(Object id) {
        if (id == null) return -1;
        if (id instanceof Number n) return n.intValue();
        String s = id.toString();
        if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) return Integer.parseInt(s);
        try {
            String decoded = new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
            return Integer.parseInt(decoded.substring(decoded.indexOf(':') + 1));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    synchronized int nextLegacyId() {
        return nextLegacy++;
    }

    /** Next value of the seeded generator: everything random in the simulator comes from here. */
    synchronized long nextRandom(long bound) {
        return (long) (random.nextDouble() * bound);
    }

    synchronized String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x));
        return sb.toString();
    }

    // ---- warehouses

    static JsonObject address(String name, String street, String city, String state, String zip, String country) {
        return new JsonObject().put("name", name).put("address1", street).put("address2", "").put("city", city)
                .put("state", state).put("zip", zip).put("country", country).put("phone", "");
    }

    synchronized JsonObject addWarehouse(String identifier, String companyName, JsonObject address) {
        int legacy = nextLegacyId();
        JsonObject w = new JsonObject().put("id", id("Warehouse", legacy)).put("legacy_id", legacy)
                .put("identifier", identifier).put("company_name", companyName)
                .put("address", address == null ? new JsonObject() : address).put("profile", "default");
        warehouses.add(w);
        return w;
    }

    synchronized List<JsonObject> warehouses() {
        return List.copyOf(warehouses);
    }

    /** A warehouse by id, legacy id or identifier; null when unknown. */
    synchronized JsonObject warehouse(Object ref) {
        if (ref == null) return null;
        int legacy = legacyOf(ref);
        for (JsonObject w : warehouses) {
            if (w.getInteger("legacy_id") == legacy || w.getString("identifier").equals(ref.toString())) return w;
        }
        return null;
    }

    synchronized JsonObject defaultWarehouse() {
        return warehouses.get(0);
    }

    // ---- orders and shipments

    synchronized void putOrder(JsonObject order) {
        orders.put(order.getString("id"), order);
    }

    synchronized JsonObject order(Object ref) {
        int legacy = legacyOf(ref);
        return legacy < 0 ? null : orders.get(id("Order", legacy));
    }

    synchronized List<JsonObject> orders() {
        return List.copyOf(orders.values());
    }

    synchronized void putShipment(JsonObject shipment) {
        shipments.put(shipment.getString("id"), shipment);
    }

    synchronized List<JsonObject> shipments() {
        return List.copyOf(shipments.values());
    }

    // ---- inventory

    /** The warehouse product of a sku in a warehouse, created with zero stock when first touched. */
    synchronized JsonObject warehouseProduct(String sku, JsonObject warehouse) {
        String key = sku + "|" + warehouse.getInteger("legacy_id");
        return warehouseProducts.computeIfAbsent(key, k -> {
            int legacy = nextLegacyId();
            return new JsonObject().put("id", id("WarehouseProduct", legacy)).put("legacy_id", legacy)
                    .put("account_id", id("Account", options.accountId())).put("sku", sku)
                    .put("warehouse_id", warehouse.getString("id")).put("warehouse_identifier", warehouse.getString("identifier"))
                    .put("on_hand", 0).put("available", 0).put("allocated", 0).put("backorder", 0)
                    .put("reserve_inventory", 0).put("non_sellable_quantity", 0).put("inventory_bin", "")
                    .put("price", "0.00").put("value", "0.00").put("active", true)
                    .put("created_at", now()).put("updated_at", now());
        });
    }

    synchronized List<JsonObject> warehouseProducts(String sku, JsonObject warehouse) {
        return warehouseProducts.values().stream()
                .filter(p -> sku == null || sku.equals(p.getString("sku")))
                .filter(p -> warehouse == null || warehouse.getString("id").equals(p.getString("warehouse_id")))
                .toList();
    }

    /** Sets on-hand stock; available is on hand less allocated, never negative (the rest is backorder). */
    synchronized JsonObject setOnHand(String sku, JsonObject warehouse, int onHand) {
        JsonObject p = warehouseProduct(sku, warehouse);
        int allocated = p.getInteger("allocated");
        p.put("on_hand", onHand).put("available", Math.max(0, onHand - allocated))
                .put("backorder", Math.max(0, allocated - onHand)).put("updated_at", now());
        return p;
    }

    // ---- webhooks

    synchronized JsonObject addWebhook(String name, String url, String shopName) {
        for (JsonObject w : webhooks) {
            if (w.getString("name").equals(name) && w.getString("shop_name").equals(shopName)) {
                throw new ShipHeroError("A webhook of type '" + name + "' already exists for shop '" + shopName + "'");
            }
        }
        int legacy = nextLegacyId();
        JsonObject hook = new JsonObject().put("id", id("Webhook", legacy)).put("legacy_id", legacy)
                .put("account_id", id("Account", options.accountId())).put("shop_id", null)
                .put("name", name).put("url", url).put("source", "API").put("shop_name", shopName)
                .put("shared_signature_secret", randomHex(16)).put("health", "healthy");
        webhooks.add(hook);
        return hook.copy();
    }

    synchronized boolean removeWebhook(String name, String shopName) {
        return webhooks.removeIf(w -> w.getString("name").equals(name)
                && (shopName == null || w.getString("shop_name").equals(shopName)));
    }

    /** Registered hooks without their secret: ShipHero shows the secret only once, at creation. */
    synchronized List<JsonObject> webhooksForListing(String shopName) {
        return webhooks.stream().filter(w -> shopName == null || shopName.equals(w.getString("shop_name")))
                .map(w -> w.copy().put("shared_signature_secret", null)).toList();
    }

    /** Registered hooks with their secrets (control API only). */
    synchronized List<JsonObject> webhooks() {
        return webhooks.stream().map(JsonObject::copy).toList();
    }

    /** Hooks of a type that apply to a shop: those of that shop, or account-wide ones (no shop, or "api"). */
    synchronized List<JsonObject> hooksFor(String type, String shopName) {
        return webhooks.stream().filter(w -> w.getString("name").equals(type))
                .filter(w -> shopName == null || w.getString("shop_name") == null || w.getString("shop_name").isEmpty()
                        || w.getString("shop_name").equals("api") || w.getString("shop_name").equals(shopName))
                .map(JsonObject::copy).toList();
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        if (array != null) array.forEach(o -> out.add((JsonObject) o));
        return out;
    }
}
