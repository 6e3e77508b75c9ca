package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A product and its stock per warehouse. Mutations synchronise on the product so concurrent control
 * calls and API calls see consistent on-hand/allocated pairs.
 */
final class Product {
    final long id;
    String sku;
    String name;
    String barcode;
    BigDecimal price;
    BigDecimal weight;
    boolean stockTracked = true;
    long brandId = 1;
    long productTypeId = 1;
    final Instant createdOn;
    Instant updatedOn;
    /** Custom fields such as {@code PCF_HSCODE}, {@code PCF_COUNTRYO}. */
    final JsonObject customFields = new JsonObject();
    /** warehouseId → {onHand, allocated}. */
    private final Map<Long, long[]> stock = new TreeMap<>();

    Product(long id, Instant createdOn) {
        this.id = id;
        this.createdOn = createdOn;
        this.updatedOn = createdOn;
    }

    synchronized long onHand(long warehouseId) {
        long[] s = stock.get(warehouseId);
        return s == null ? 0 : s[0];
    }

    /** Adds to on-hand; refuses to go below zero and answers false then. */
    synchronized boolean adjustOnHand(long warehouseId, long delta) {
        long[] s = stock.computeIfAbsent(warehouseId, w -> new long[2]);
        if (s[0] + delta < 0) {
            return false;
        }
        s[0] += delta;
        return true;
    }

    synchronized void setOnHand(long warehouseId, long qty) {
        stock.computeIfAbsent(warehouseId, w -> new long[2])[0] = qty;
    }

    synchronized void allocate(long warehouseId, long delta) {
        long[] s = stock.computeIfAbsent(warehouseId, w -> new long[2]);
        s[1] = Math.max(0, s[1] + delta);
    }

    /** Goods leave the warehouse: on-hand and the allocation both drop (never below zero). */
    synchronized void ship(long warehouseId, long qty) {
        long[] s = stock.computeIfAbsent(warehouseId, w -> new long[2]);
        s[0] = Math.max(0, s[0] - qty);
        s[1] = Math.max(0, s[1] - qty);
    }

    /** Availability in Brightpearl's shape: total plus one entry per warehouse. */
    synchronized JsonObject availability() {
        long onHand = 0;
        long allocated = 0;
        JsonObject warehouses = new JsonObject();
        for (Map.Entry<Long, long[]> e : stock.entrySet()) {
            long[] s = e.getValue();
            onHand += s[0];
            allocated += s[1];
            warehouses.put(e.getKey().toString(), level(s[0], s[1]));
        }
        return new JsonObject().put("total", level(onHand, allocated)).put("warehouses", warehouses);
    }

    synchronized JsonObject stockJson() {
        JsonObject o = new JsonObject();
        stock.forEach((w, s) -> o.put(w.toString(), s[0]));
        return o;
    }

    private static JsonObject level(long onHand, long allocated) {
        return new JsonObject().put("inStock", onHand - allocated).put("onHand", onHand)
                .put("allocated", allocated).put("inTransit", 0);
    }
}
