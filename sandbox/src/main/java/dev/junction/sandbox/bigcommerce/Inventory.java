package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On-hand stock per variant and location. An item has a level only once it got an absolute adjustment:
 * BigCommerce refuses a relative adjustment before that ("requires absolute adjustment before relative").
 */
final class Inventory {
    record Location(int id, String code, String name) {
        JsonObject json() {
            return new JsonObject().put("id", id).put("code", code).put("label", name);
        }
    }

    /** One requested adjustment, already resolved from variant_id / sku / product_id to a variant. */
    record Adjustment(String identity, int variantId, int productId, String sku, int locationId, int quantity) {
    }

    record Level(int variantId, int productId, String sku, int locationId, int onHand) {
    }

    private final Map<Integer, Location> locations = new ConcurrentHashMap<>();
    private final Map<Long, Level> levels = new ConcurrentHashMap<>();

    Inventory() {
        clear();
    }

    Location location(int id) {
        return locations.get(id);
    }

    List<Location> locations() {
        List<Location> out = new ArrayList<>(locations.values());
        out.sort(Comparator.comparingInt(Location::id));
        return out;
    }

    void addLocation(Location location) {
        locations.put(location.id(), location);
    }

    Level level(int variantId, int locationId) {
        return levels.get(key(variantId, locationId));
    }

    int totalOnHand(int variantId) {
        int total = 0;
        for (Location l : locations.values()) {
            Level level = levels.get(key(variantId, l.id()));
            if (level != null) total += level.onHand();
        }
        return total;
    }

    List<Level> levels() {
        List<Level> out = new ArrayList<>(levels.values());
        out.sort(Comparator.comparingInt(Level::variantId).thenComparingInt(Level::locationId));
        return out;
    }

    /**
     * Applies all adjustments or none (a batch with one bad item is rejected whole, as BigCommerce does).
     *
     * @return the identities that need an absolute adjustment first (then nothing was applied), else empty
     */
    synchronized List<String> apply(List<Adjustment> items, boolean relative) {
        if (relative) {
            List<String> missing = new ArrayList<>();
            for (Adjustment a : items) {
                if (!levels.containsKey(key(a.variantId(), a.locationId())) && !missing.contains(a.identity())) {
                    missing.add(a.identity());
                }
            }
            if (!missing.isEmpty()) return missing;
        }
        for (Adjustment a : items) {
            long k = key(a.variantId(), a.locationId());
            Level old = levels.get(k);
            int value = relative ? old.onHand() + a.quantity() : a.quantity();
            levels.put(k, new Level(a.variantId(), a.productId(), a.sku(), a.locationId(), value));
        }
        return List.of();
    }

    synchronized void clear() {
        levels.clear();
        locations.clear();
        locations.put(1, new Location(1, "BC-LOCATION-1", "Default location"));
    }

    private static long key(int variantId, int locationId) {
        return ((long) variantId << 32) | (locationId & 0xffffffffL);
    }
}
