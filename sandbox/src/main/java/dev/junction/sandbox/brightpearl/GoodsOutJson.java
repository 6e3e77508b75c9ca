package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

import static dev.junction.sandbox.brightpearl.Search.Type.BOOLEAN;
import static dev.junction.sandbox.brightpearl.Search.Type.IDSET;
import static dev.junction.sandbox.brightpearl.Search.Type.INTEGER;
import static dev.junction.sandbox.brightpearl.Search.Type.PERIOD;
import static dev.junction.sandbox.brightpearl.Search.Type.STRING;
import static dev.junction.sandbox.brightpearl.Search.col;

/** Goods-out note JSON (keyed order rows, status flags with dates, events) and its search columns. */
final class GoodsOutJson {
    private final BpState state;
    private final Search<GoodsOutNote> search;

    GoodsOutJson(BpState state) {
        this.state = state;
        this.search = new Search<>(List.of(
                col("goodsOutNoteId", IDSET, g -> g.id), col("printed", BOOLEAN, g -> g.is("PRI")),
                col("picked", BOOLEAN, g -> g.is("PIC")), col("packed", BOOLEAN, g -> g.is("PAC")),
                col("shipped", BOOLEAN, g -> g.is("SHW")), col("shippedOn", PERIOD, g -> g.on("SHW")),
                col("orderId", IDSET, g -> g.orderId), col("shippingMethodId", INTEGER, g -> g.shippingMethodId),
                col("warehouseId", INTEGER, g -> g.warehouseId), col("priority", BOOLEAN, g -> g.priority),
                col("createdOn", PERIOD, g -> g.createdOn), col("releaseDate", PERIOD, g -> g.releaseDate),
                col("createdBy", INTEGER, g -> g.createdBy), col("channelId", INTEGER, this::channelId),
                col("externalRef", STRING, g -> g.externalRef)));
    }

    Search<GoodsOutNote> search() {
        return search;
    }

    private Object channelId(GoodsOutNote g) {
        Order o = state.orders.get(g.orderId);
        return o == null ? 0L : o.channelId;
    }

    JsonObject render(GoodsOutNote g) {
        synchronized (g) {
            JsonObject status = new JsonObject();
            flag(status, g, "PRI", "printed");
            flag(status, g, "PIC", "picked");
            flag(status, g, "PAC", "packed");
            flag(status, g, "SHW", "shipped");
            JsonObject shipping = new JsonObject().put("reference", g.shippingReference)
                    .put("shippingMethodId", g.shippingMethodId);
            if (g.boxes != null) shipping.put("boxes", g.boxes);
            if (g.weight != null) shipping.put("weight", g.weight);
            JsonObject rows = new JsonObject();
            g.rows.forEach((rowId, lines) -> {
                JsonArray a = new JsonArray();
                lines.forEach(l -> a.add(new JsonObject().put("productId", l.productId())
                        .put("quantity", l.quantity()).put("locationId", l.locationId())));
                rows.put(String.valueOf(rowId), a);
            });
            JsonObject json = new JsonObject().put("orderId", g.orderId).put("warehouseId", g.warehouseId)
                    .put("transfer", false).put("priority", g.priority).put("status", status).put("shipping", shipping)
                    .put("releaseDate", state.date(g.releaseDate)).put("createdOn", state.date(g.createdOn))
                    .put("createdBy", g.createdBy).put("orderRows", rows).put("sequence", g.sequence);
            if (g.labelUri != null) json.put("labelUri", g.labelUri);
            if (g.externalRef != null) json.put("externalRef", g.externalRef);
            json.put("events", g.events.copy()).put("lastEventVersion", g.lastEventVersion);
            return json;
        }
    }

    private void flag(JsonObject status, GoodsOutNote g, String code, String name) {
        Object[] d = g.done.get(code);
        status.put(name, d != null);
        if (d != null) {
            status.put(name + "On", state.date((java.time.Instant) d[0])).put(name + "ById", d[1]);
        }
    }
}
