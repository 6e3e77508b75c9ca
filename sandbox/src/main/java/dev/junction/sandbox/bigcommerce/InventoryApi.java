package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.junction.sandbox.bigcommerce.Replies.guard;

/**
 * v3 inventory: absolute and relative adjustments per variant and location, and the items view. Errors
 * are {@code application/problem+json} as in inventory.v3.yml.
 */
final class InventoryApi {
    static final int MAX_ITEMS = 2000;

    private final BcStore store;
    private final OrderEvents events;

    InventoryApi(BcStore store, OrderEvents events) {
        this.store = store;
        this.events = events;
    }

    void routes(Router router, String v3) {
        router.put(v3 + "/inventory/adjustments/absolute").handler(guard(ctx -> adjust(ctx, false)));
        router.post(v3 + "/inventory/adjustments/relative").handler(guard(ctx -> adjust(ctx, true)));
        router.get(v3 + "/inventory/items").handler(guard(this::items));
    }

    private void adjust(RoutingContext ctx, boolean relative) {
        JsonObject body = Replies.body(ctx);
        JsonArray items = body.getJsonArray("items");
        if (items == null || items.isEmpty()) {
            problem(ctx, "The field 'items' is required", new JsonObject().put("items", "must not be empty"));
            return;
        }
        if (items.size() > MAX_ITEMS) {
            problem(ctx, "At most " + MAX_ITEMS + " items are allowed in one adjustment", new JsonObject());
            return;
        }
        List<Inventory.Adjustment> resolved = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object o = items.getValue(i);
            String error = o instanceof JsonObject item ? resolve(item, relative, resolved) : "items." + i + " must be an object";
            if (error != null) {
                problem(ctx, error, new JsonObject());
                return;
            }
        }
        List<String> missing = store.inventory.apply(resolved, relative);
        if (!missing.isEmpty()) {
            problem(ctx, "Items with identity: [" + String.join(", ", missing) + "] requires absolute adjustment before relative",
                    new JsonObject());
            return;
        }
        String tx = String.format("%08x-%04x-4000-8000-%012x", store.options.seed() & 0xffffffffL, 0,
                store.transactionIds.getAndIncrement());
        Replies.json(ctx, 200, new JsonObject().put("transaction_id", tx));
        for (Inventory.Adjustment a : resolved) {
            Inventory.Level level = store.inventory.level(a.variantId(), a.locationId());
            events.skuInventory(a.variantId(), a.productId(), relative ? "relative" : "absolute",
                    level == null ? 0 : level.onHand());
        }
    }

    /** Resolves one item to a variant, or returns the error BigCommerce would report. */
    private String resolve(JsonObject item, boolean relative, List<Inventory.Adjustment> out) {
        if (!(item.getValue("location_id") instanceof Number loc)) return "location_id is required for every item";
        if (store.inventory.location(loc.intValue()) == null) return "Location with id " + loc + " does not exist";
        if (!(item.getValue("quantity") instanceof Number qty) || qty.doubleValue() != Math.rint(qty.doubleValue())) {
            return "quantity must be an integer for every item";
        }
        if (!relative && qty.intValue() < 0) return "quantity of an absolute adjustment must not be negative";
        int identities = (item.containsKey("variant_id") ? 1 : 0) + (item.containsKey("sku") ? 1 : 0)
                + (item.containsKey("product_id") ? 1 : 0);
        if (identities != 1) return "Each item needs exactly one of variant_id, sku or product_id";
        Catalog.Variant v;
        String identity;
        if (item.containsKey("variant_id")) {
            identity = "variant_id " + item.getValue("variant_id");
            v = item.getValue("variant_id") instanceof Number n ? store.catalog.variant(n.intValue()) : null;
        } else if (item.containsKey("sku")) {
            identity = "sku " + item.getValue("sku");
            v = store.catalog.variantBySku(String.valueOf(item.getValue("sku")));
        } else {
            identity = "product_id " + item.getValue("product_id");
            Catalog.Product p = item.getValue("product_id") instanceof Number n ? store.catalog.product(n.intValue()) : null;
            if (p != null && p.hasOptions()) {
                return "[Item with product_id " + p.id() + " is tracked by variant, please update stock by variant id or sku]";
            }
            v = p == null ? null : p.baseVariant();
        }
        if (v == null) return "Items with identity: [" + identity + "] were not found";
        out.add(new Inventory.Adjustment(identity, v.id(), v.productId(), v.sku(), loc.intValue(), qty.intValue()));
        return null;
    }

    private void items(RoutingContext ctx) {
        Set<String> skus = CatalogApi.values(ctx, "sku:in");
        Set<Integer> variantIds = CatalogApi.ints(ctx, "variant_id:in");
        Set<Integer> productIds = CatalogApi.ints(ctx, "product_id:in");
        Set<Integer> locationIds = CatalogApi.ints(ctx, "location_id:in");
        List<Catalog.Variant> matching = store.catalog.variants().stream()
                .filter(v -> skus == null || skus.contains(v.sku()))
                .filter(v -> variantIds == null || variantIds.contains(v.id()))
                .filter(v -> productIds == null || productIds.contains(v.productId())).toList();
        Replies.v3List(ctx, matching, v -> {
            JsonArray locations = new JsonArray();
            for (Inventory.Location l : store.inventory.locations()) {
                if (locationIds != null && !locationIds.contains(l.id())) continue;
                Inventory.Level level = store.inventory.level(v.id(), l.id());
                int onHand = level == null ? 0 : level.onHand();
                locations.add(new JsonObject().put("location_id", l.id()).put("location_code", l.code())
                        .put("location_name", l.name()).put("available_to_sell", Math.max(0, onHand))
                        .put("total_inventory_onhand", onHand).put("location_enabled", true)
                        .put("settings", new JsonObject().put("safety_stock", 0).put("is_in_stock", onHand > 0)
                                .put("warning_level", 0).put("bin_picking_number", "")));
            }
            return new JsonObject().put("identity", new JsonObject().put("sku", v.sku()).put("variant_id", v.id())
                    .put("product_id", v.productId()).put("sku_id", v.id())).put("locations", locations);
        });
    }

    private static void problem(RoutingContext ctx, String title, JsonObject errors) {
        Replies.v3Error(ctx, 422, title, errors, true);
    }
}
