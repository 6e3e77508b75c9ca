package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code /warehouse-service}: warehouses, shipping methods, product availability, stock corrections. */
final class WarehouseService {
    private final BpState state;
    private final Webhooks hooks;
    private final ProductService products;

    WarehouseService(BpState state, Webhooks hooks, ProductService products) {
        this.state = state;
        this.hooks = hooks;
        this.products = products;
    }

    void routes(BpRoutes r) {
        String s = "/warehouse-service";
        r.get(s + "/warehouse", req -> new JsonArray(List.copyOf(state.warehouses.values())));
        r.get(s + "/warehouse/:ids", req ->
                OrderService.byIds(state.warehouses, req.idSetParam("ids")));
        r.get(s + "/shipping-method", req -> new JsonArray(List.copyOf(state.shippingMethods.values())));
        r.get(s + "/shipping-method/:ids", req ->
                OrderService.byIds(state.shippingMethods, req.idSetParam("ids")));
        r.get(s + "/product-availability/:ids", this::availability);
        r.post(s + "/warehouse/:wh/stock-correction", this::correct);
        r.get(s + "/warehouse/:wh/stock-correction/:ids", this::corrections);
    }

    private Object availability(BpRequest req) {
        JsonObject out = new JsonObject();
        for (Product p : products.find(req.idSetParam("ids"))) {
            if (p.stockTracked) { // non-stock-tracked products are left out, as in the live API
                out.put(String.valueOf(p.id), p.availability());
            }
        }
        return out;
    }

    private Object correct(BpRequest req) {
        long wh = req.idParam("wh");
        if (!state.warehouses.containsKey(wh)) {
            throw BpException.notFound("Warehouse " + wh + " not found.");
        }
        JsonArray corrections = req.body().getJsonArray("corrections");
        if (corrections == null || corrections.isEmpty()) {
            throw BpException.badRequest("WHSC-030", "corrections is required: [{quantity, productId, reason}].");
        }
        for (int i = 0; i < corrections.size(); i++) {
            JsonObject c = corrections.getJsonObject(i);
            Long productId = BpHttp.optLong(c, "productId");
            Long qty = BpHttp.optLong(c, "quantity");
            if (productId == null || !state.products.containsKey(productId)) {
                throw BpException.badRequest("WHSC-031", "corrections[" + i + "]: product " + productId + " does not exist.");
            }
            if (qty == null || qty == 0) {
                throw BpException.badRequest("WHSC-032", "corrections[" + i + "]: quantity must be a non-zero integer.");
            }
            if (c.getString("reason") == null || c.getString("reason").isBlank()) {
                throw BpException.badRequest("WHSC-033", "corrections[" + i + "]: reason is required.");
            }
            if (qty < 0 && state.products.get(productId).onHand(wh) + qty < 0) {
                throw BpException.badRequest("WHSC-034", "corrections[" + i + "]: cannot remove " + (-qty)
                        + " of product " + productId + "; warehouse " + wh + " has "
                        + state.products.get(productId).onHand(wh) + " on hand.");
            }
        }
        JsonArray ids = new JsonArray();
        Set<Long> changed = new LinkedHashSet<>();
        for (int i = 0; i < corrections.size(); i++) {
            JsonObject c = corrections.getJsonObject(i);
            long productId = BpHttp.optLong(c, "productId");
            long qty = BpHttp.optLong(c, "quantity");
            Product p = state.products.get(productId);
            if (!p.adjustOnHand(wh, qty)) {
                throw BpException.badRequest("WHSC-034", "Not enough stock of product " + productId + " in warehouse " + wh + ".");
            }
            synchronized (p) {
                Instant before = p.updatedOn;
                p.updatedOn = state.now();
                state.productsByUpdatedOn.moved(p, before);
            }
            long id = state.correctionIds.incrementAndGet();
            JsonObject cost = c.getJsonObject("cost");
            BigDecimal value = cost == null ? BigDecimal.ZERO : BpHttp.decimal(cost.getValue("value", 0), "cost.value");
            JsonObject moved = new JsonObject().put("productId", productId).put("quantity", qty)
                    .put("destinationLocationId", BpHttp.optLong(c, "locationId") == null ? wh : BpHttp.optLong(c, "locationId"))
                    .put("batchGoodsNoteId", 0)
                    .put("productValue", new JsonObject().put("currency",
                            cost == null ? state.options.currency() : cost.getString("currency", state.options.currency()))
                            .put("value", BpHttp.money(value, 4)))
                    .put("createdOn", state.date(state.now())).put("createdBy", GoodsOutService.STAFF_ID);
            state.stockCorrections.put(id, new JsonObject().put("goodsNoteId", id).put("warehouseId", wh)
                    .put("reason", c.getString("reason")).put("goodsMoved", new JsonArray().add(moved)));
            ids.add(id);
            changed.add(productId);
        }
        hooks.fire("product.modified.on-hand-modified", new ArrayList<>(changed));
        return ids;
    }

    private Object corrections(BpRequest req) {
        long wh = req.idParam("wh");
        IdSet ids = req.idSetParam("ids");
        if (!ids.isAll() && ids.size() > 200) {
            throw BpException.badRequest("CMNC-041", "At most 200 stock corrections can be requested at once.");
        }
        JsonArray out = new JsonArray();
        state.stockCorrections.forEach((id, c) -> {
            if (ids.contains(id) && c.getLong("warehouseId") == wh) {
                out.add(c.copy());
            }
        });
        return out;
    }
}
