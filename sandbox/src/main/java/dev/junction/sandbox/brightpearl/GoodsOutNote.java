package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A goods-out note: one warehouse's share of an order, frozen once shipped. */
final class GoodsOutNote {
    record Line(long productId, long quantity, long locationId) {
    }

    final long id;
    final long orderId;
    final long warehouseId;
    final int sequence;
    boolean priority;
    final Instant createdOn;
    final long createdBy;
    Instant releaseDate;
    String shippingReference = "";
    long shippingMethodId;
    Integer boxes;
    String weight;
    String labelUri;
    String externalRef;
    /** order-row id → allocations. */
    final Map<Long, List<Line>> rows = new LinkedHashMap<>();
    /** PRI/PIC/PAC/SHW → {on, byId}; absent = not done. */
    final Map<String, Object[]> done = new LinkedHashMap<>();
    final JsonArray events = new JsonArray();
    long lastEventVersion;

    GoodsOutNote(long id, long orderId, long warehouseId, int sequence, Instant createdOn, long createdBy) {
        this.id = id;
        this.orderId = orderId;
        this.warehouseId = warehouseId;
        this.sequence = sequence;
        this.createdOn = createdOn;
        this.createdBy = createdBy;
    }

    synchronized boolean shipped() {
        return done.containsKey("SHW");
    }

    synchronized boolean is(String code) {
        return done.containsKey(code);
    }

    synchronized Instant on(String code) {
        Object[] d = done.get(code);
        return d == null ? null : (Instant) d[0];
    }

    /** quantity per product over all rows. */
    synchronized Map<Long, Long> quantities() {
        Map<Long, Long> q = new LinkedHashMap<>();
        rows.values().forEach(ls -> ls.forEach(l -> q.merge(l.productId(), l.quantity(), Long::sum)));
        return q;
    }
}
