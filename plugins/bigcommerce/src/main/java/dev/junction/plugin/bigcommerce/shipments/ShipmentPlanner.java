package dev.junction.plugin.bigcommerce.shipments;

import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pure planning of BigCommerce shipments for one canonical shipment: each package line is matched by SKU
 * to order products that still have quantity to ship (BigCommerce refuses more), and items are grouped by
 * the shipping address they go to (one BigCommerce shipment per address).
 */
final class ShipmentPlanner {

    record Item(int orderProductId, int quantity) {
        JsonObject json() {
            return new JsonObject().put("order_product_id", orderProductId).put("quantity", quantity);
        }
    }

    record Planned(ShipmentPackage pkg, int orderAddressId, List<Item> items) {
        JsonArray itemsJson() {
            JsonArray out = new JsonArray();
            items.forEach(i -> out.add(i.json()));
            return out;
        }
    }

    record Plan(List<Planned> shipments, List<String> unmatchedSkus, boolean anyLineMatched) {
    }

    private final List<JsonObject> products;
    private final int defaultAddressId;
    private final Map<Integer, Integer> remaining = new HashMap<>();

    ShipmentPlanner(List<JsonObject> products, int defaultAddressId) {
        this.products = products;
        this.defaultAddressId = defaultAddressId;
        for (JsonObject p : products) {
            remaining.put(p.getInteger("id"), p.getInteger("quantity", 0) - p.getInteger("quantity_shipped", 0));
        }
    }

    /**
     * @param shipAllWhenEmpty a package without lines ships everything still unshipped (a warehouse that
     *                         reports "order shipped" without line detail)
     */
    Plan plan(List<ShipmentPackage> packages, boolean shipAllWhenEmpty) {
        List<Planned> out = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        boolean anyMatched = false;
        for (ShipmentPackage pkg : packages) {
            Map<Integer, Map<Integer, Integer>> byAddress = new LinkedHashMap<>();
            if (pkg.lines().isEmpty() && shipAllWhenEmpty) {
                anyMatched = true;
                for (JsonObject p : products) {
                    if (shippable(p)) {
                        take(p, remaining.get(p.getInteger("id")), byAddress);
                    }
                }
            }
            for (ShipmentLine line : pkg.lines()) {
                int wanted = line.quantity() == null ? 0 : line.quantity().setScale(0, java.math.RoundingMode.DOWN).intValue();
                List<JsonObject> candidates = candidates(line.sku());
                if (candidates.isEmpty()) {
                    unmatched.add(line.sku());
                    continue;
                }
                anyMatched = true;
                for (JsonObject p : candidates) {
                    if (wanted <= 0) {
                        break;
                    }
                    wanted -= take(p, wanted, byAddress);
                }
            }
            for (Map.Entry<Integer, Map<Integer, Integer>> e : byAddress.entrySet()) {
                List<Item> items = new ArrayList<>();
                e.getValue().forEach((id, qty) -> items.add(new Item(id, qty)));
                if (!items.isEmpty()) {
                    out.add(new Planned(pkg, e.getKey(), items));
                }
            }
        }
        return new Plan(out, unmatched, anyMatched);
    }

    private int take(JsonObject p, int wanted, Map<Integer, Map<Integer, Integer>> byAddress) {
        int id = p.getInteger("id");
        int qty = Math.min(wanted, remaining.getOrDefault(id, 0));
        if (qty <= 0) {
            return 0;
        }
        remaining.merge(id, -qty, Integer::sum);
        int address = p.getInteger("order_address_id", 0);
        byAddress.computeIfAbsent(address == 0 ? defaultAddressId : address, a -> new LinkedHashMap<>()).merge(id, qty, Integer::sum);
        return qty;
    }

    /** Physical products with this SKU (case-insensitive), top-level ones before bundle components. */
    private List<JsonObject> candidates(String sku) {
        List<JsonObject> out = new ArrayList<>();
        if (sku == null) {
            return out;
        }
        String wanted = sku.trim().toLowerCase(Locale.ROOT);
        for (JsonObject p : products) {
            String s = p.getString("sku");
            if (s != null && s.trim().toLowerCase(Locale.ROOT).equals(wanted) && shippable(p)) {
                out.add(p);
            }
        }
        out.sort((a, b) -> Boolean.compare(Boolean.TRUE.equals(a.getValue("is_bundled_product")),
                Boolean.TRUE.equals(b.getValue("is_bundled_product"))));
        return out;
    }

    private static boolean shippable(JsonObject p) {
        String type = p.getString("type", "physical");
        return "physical".equals(type);
    }

}
