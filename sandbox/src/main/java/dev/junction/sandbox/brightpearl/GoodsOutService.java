package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Goods-out notes: create per warehouse (allocating stock), read by order id set or {@code *}, shipping
 * updates, events ({@code SHW} back-fills PRI/PIC/PAC, takes the goods off on-hand and freezes the note).
 */
final class GoodsOutService {
    private static final Map<String, String[]> EVENTS = Map.of(
            "PRI", new String[] {"PRI", "set", "printed"}, "UPR", new String[] {"PRI", "unset", "un-printed"},
            "PIC", new String[] {"PIC", "set", "picked"}, "UPI", new String[] {"PIC", "unset", "un-picked"},
            "PAC", new String[] {"PAC", "set", "packed"}, "UPA", new String[] {"PAC", "unset", "un-packed"},
            "SHW", new String[] {"SHW", "set", "shipped"});
    static final long STAFF_ID = 4;

    private final BpState state;
    private final Webhooks hooks;
    private final GoodsOutJson json;

    GoodsOutService(BpState state, Webhooks hooks) {
        this.state = state;
        this.hooks = hooks;
        this.json = new GoodsOutJson(state);
    }

    GoodsOutJson json() {
        return json;
    }

    void routes(BpRoutes r) {
        String s = "/warehouse-service";
        r.get(s + "/order/:orders/goods-note/goods-out", req -> get(req, null));
        r.get(s + "/order/:orders/goods-note/goods-out/:gons", req -> get(req, req.idSetParam("gons")));
        r.post(s + "/order/:id/goods-note/goods-out", this::post);
        r.delete(s + "/order/:id/goods-note/goods-out/:gon", this::delete);
        r.put(s + "/goods-note/goods-out/:gon", this::put);
        r.post(s + "/goods-note/goods-out/:gon/event", this::events);
        r.get(s + "/goods-note/goods-out-search", req -> new BpHttp.Raw(200,
                json.search().run(state.gons.values(), req.queryParams(), new JsonObject(), state)));
    }

    private Object get(BpRequest req, IdSet gonIds) {
        IdSet orders = req.idSetParam("orders");
        JsonObject out = new JsonObject();
        if (orders.isAll() || orders.size() > IdSet.MAX_EXPAND) {
            state.gons.values().stream().filter(g -> orders.contains(g.orderId))
                    .filter(g -> gonIds == null || gonIds.contains(g.id))
                    .forEach(g -> out.put(String.valueOf(g.id), json.render(g)));
        } else {
            for (long orderId : orders.ids()) {
                for (long id : state.gonsByOrder.getOrDefault(orderId, List.of())) {
                    GoodsOutNote g = state.gons.get(id);
                    if (g != null && (gonIds == null || gonIds.contains(id))) {
                        out.put(String.valueOf(id), json.render(g));
                    }
                }
            }
        }
        return out;
    }

    private Object post(BpRequest req) {
        long orderId = req.idParam("id");
        Order order = state.orders.get(orderId);
        if (order == null) {
            throw BpException.notFound("Order " + orderId + " not found.");
        }
        JsonObject b = req.body();
        JsonArray warehouses = b.getJsonArray("warehouses");
        if (warehouses == null || warehouses.isEmpty()) {
            throw BpException.badRequest("WHSC-010", "warehouses is required: one entry per warehouse with its products.");
        }
        Long shippingMethodId = BpHttp.optLong(b, "shippingMethodId");
        boolean priority = b.getBoolean("priority", false);
        // validate everything before creating anything, so a rejected request changes nothing
        List<Map<Long, List<GoodsOutNote.Line>>> plans = new ArrayList<>();
        List<Long> whIds = new ArrayList<>();
        List<Instant> releases = new ArrayList<>();
        Map<Long, Long> requested = new LinkedHashMap<>();
        for (int i = 0; i < warehouses.size(); i++) {
            JsonObject w = warehouses.getJsonObject(i);
            Long whId = BpHttp.optLong(w, "warehouseId");
            if (whId == null || !state.warehouses.containsKey(whId)) {
                throw BpException.badRequest("WHSC-011", "Warehouse " + whId + " does not exist.");
            }
            JsonArray products = w.getJsonArray("products", new JsonArray());
            if (products.isEmpty()) {
                throw BpException.badRequest("WHSC-012", "Warehouse " + whId + ": products is required.");
            }
            Map<Long, List<GoodsOutNote.Line>> lines = new LinkedHashMap<>();
            for (int j = 0; j < products.size(); j++) {
                JsonObject pr = products.getJsonObject(j);
                Long rowId = BpHttp.optLong(pr, "salesOrderRowId");
                Long qty = BpHttp.optLong(pr, "quantity");
                Order.Row row = rowId == null ? null : order.rows.get(rowId);
                if (row == null) {
                    throw BpException.badRequest("WHSC-013", "salesOrderRowId " + rowId + " is not a row of order " + orderId + ".");
                }
                if (row.productId == null) {
                    throw BpException.badRequest("WHSC-014", "Row " + rowId + " has no product to ship.");
                }
                if (qty == null || qty <= 0) {
                    throw BpException.badRequest("WHSC-015", "Row " + rowId + ": quantity must be a positive integer.");
                }
                requested.merge(rowId, qty, Long::sum);
                lines.computeIfAbsent(rowId, x -> new ArrayList<>()).add(new GoodsOutNote.Line(row.productId, qty, whId));
            }
            plans.add(lines);
            whIds.add(whId);
            Instant release = BpHttp.parseDate(w.getString("releaseDate"));
            releases.add(release);
        }
        synchronized (order) {
            for (Map.Entry<Long, Long> e : requested.entrySet()) {
                long remaining = remaining(order, e.getKey());
                if (e.getValue() > remaining) {
                    throw BpException.badRequest("WHSC-021", "Row " + e.getKey() + " of order " + orderId + " has "
                            + remaining + " left to fulfil; cannot add " + e.getValue() + " to a goods-out note.");
                }
            }
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                GoodsOutNote g = create(order, whIds.get(i), plans.get(i),
                        shippingMethodId == null ? order.shippingMethodId : shippingMethodId, priority, releases.get(i));
                ids.add(g.id);
            }
            return ids.size() == 1 ? ids.get(0) : new JsonArray(ids);
        }
    }

    /** Brightpearl Automation: one note per warehouse of the order's product rows, for all of each row. */
    void createAutomatic(Order order) {
        synchronized (order) {
            Map<Long, Map<Long, List<GoodsOutNote.Line>>> byWarehouse = new LinkedHashMap<>();
            for (Order.Row row : order.rows.values()) {
                long qty = row.quantity == null ? 0 : row.quantity.longValue();
                if (row.productId == null || qty <= 0) {
                    continue;
                }
                long wh = row.warehouseId != null ? row.warehouseId
                        : state.productWarehouses.getOrDefault(row.productId, order.warehouseId);
                byWarehouse.computeIfAbsent(wh, w -> new LinkedHashMap<>())
                        .put(row.id, List.of(new GoodsOutNote.Line(row.productId, qty, wh)));
            }
            byWarehouse.forEach((wh, lines) -> create(order, wh, lines, order.shippingMethodId, false, null));
        }
    }

    private GoodsOutNote create(Order order, long whId, Map<Long, List<GoodsOutNote.Line>> lines,
                                long shippingMethodId, boolean priority, Instant release) {
        Instant now = state.now();
        List<Long> existing = state.gonsByOrder.computeIfAbsent(order.id, x -> new CopyOnWriteArrayList<>());
        GoodsOutNote g = new GoodsOutNote(state.gonIds.incrementAndGet(), order.id, whId, existing.size() + 1, now, STAFF_ID);
        g.priority = priority;
        g.shippingMethodId = shippingMethodId;
        g.releaseDate = release == null ? now : release;
        g.rows.putAll(lines);
        g.events.add(event("PLA", now, STAFF_ID));
        g.lastEventVersion = state.eventVersions.incrementAndGet();
        g.quantities().forEach((productId, qty) -> {
            Product p = state.products.get(productId);
            if (p != null) {
                p.allocate(whId, qty);
            }
        });
        state.gons.put(g.id, g);
        existing.add(g.id);
        order.stockStatusCode = "SOA";
        order.allocationStatusCode = "AAA";
        order.touch(now);
        hooks.fire("goods-out-note.created", List.of(g.id));
        return g;
    }

    private long remaining(Order order, long rowId) {
        Order.Row row = order.rows.get(rowId);
        long ordered = row.quantity == null ? 0 : row.quantity.longValue();
        long used = 0;
        for (long id : state.gonsByOrder.getOrDefault(order.id, List.of())) {
            GoodsOutNote g = state.gons.get(id);
            if (g != null) {
                used += g.rows.getOrDefault(rowId, List.of()).stream().mapToLong(GoodsOutNote.Line::quantity).sum();
            }
        }
        return ordered - used;
    }

    private Object put(BpRequest req) {
        GoodsOutNote g = gon(req);
        JsonObject b = req.body();
        synchronized (g) {
            if (g.shipped()) {
                throw BpException.badRequest("WHSC-050", "Goods-out note " + g.id + " has been shipped and can no longer be changed.");
            }
            JsonObject shipping = b.getJsonObject("shipping");
            if (shipping != null) {
                String ref = shipping.getString("reference");
                if (ref != null && ref.length() > 64) {
                    throw BpException.badRequest("WHSC-051", "shipping.reference is limited to 64 characters.");
                }
                Long method = BpHttp.optLong(shipping, "shippingMethodId");
                if (method != null && method != 0 && !state.shippingMethods.containsKey(method)) {
                    throw BpException.badRequest("WHSC-052", "Shipping method " + method + " does not exist.");
                }
                if (ref != null) g.shippingReference = ref;
                if (method != null) g.shippingMethodId = method;
                if (shipping.containsKey("boxes")) g.boxes = shipping.getInteger("boxes");
                if (shipping.containsKey("weight")) g.weight = String.valueOf(shipping.getValue("weight"));
            }
            String label = b.getString("labelUri");
            if (label != null && label.length() > 512) {
                throw BpException.badRequest("WHSC-053", "labelUri is limited to 512 characters.");
            }
            if (label != null) g.labelUri = label;
            if (b.containsKey("priority")) g.priority = b.getBoolean("priority");
            if (b.containsKey("externalRef")) g.externalRef = b.getString("externalRef");
        }
        hooks.fire("goods-out-note.modified", List.of(g.id));
        return new BpHttp.Raw(200, new JsonObject());
    }

    private Object events(BpRequest req) {
        GoodsOutNote g = gon(req);
        JsonArray events = req.body().getJsonArray("events");
        if (events == null || events.isEmpty()) {
            throw BpException.badRequest("WHSC-060", "events is required, e.g. [{\"eventCode\":\"SHW\",\"occured\":\"...\",\"eventOwnerId\":4}].");
        }
        List<String> fired = new ArrayList<>();
        synchronized (g) {
            String ifMatch = req.header("If-Match");
            if (ifMatch != null && !ifMatch.replace("\"", "").trim().equals(String.valueOf(g.lastEventVersion))) {
                throw BpException.error(412, "WHSC-061", "Goods-out note " + g.id + " is at event version "
                        + g.lastEventVersion + ", not " + ifMatch + "; re-read it and retry.");
            }
            for (int i = 0; i < events.size(); i++) {
                String code = events.getJsonObject(i).getString("eventCode", "");
                if (!EVENTS.containsKey(code)) {
                    throw BpException.badRequest("WHSC-062", "Unknown eventCode '" + code + "'; use PRI UPR PIC UPI PAC UPA SHW.");
                }
            }
            if (g.shipped()) {
                throw BpException.badRequest("WHSC-063", "Goods-out note " + g.id + " has been shipped; no further events are accepted.");
            }
            for (int i = 0; i < events.size(); i++) {
                JsonObject e = events.getJsonObject(i);
                String code = e.getString("eventCode");
                Instant at = BpHttp.parseDate(e.getString("occured"));
                at = at == null ? state.now() : at;
                long owner = BpHttp.optLong(e, "eventOwnerId") == null ? STAFF_ID : BpHttp.optLong(e, "eventOwnerId");
                if (g.shipped()) {
                    break; // frozen: later events in the same batch are ignored
                }
                String[] meaning = EVENTS.get(code);
                if (code.equals("SHW")) {
                    // shipping implies printed, picked and packed: fill in whatever the warehouse skipped
                    for (String before : new String[] {"PRI", "PIC", "PAC"}) {
                        if (!g.is(before)) {
                            apply(g, before, before, "set", at, owner);
                        }
                    }
                }
                apply(g, code, meaning[0], meaning[1], at, owner);
                fired.add(meaning[2]);
            }
        }
        for (String f : fired) {
            hooks.fire("goods-out-note.modified." + f, List.of(g.id));
            if (f.equals("shipped")) {
                onShipped(g);
            }
        }
        return new BpHttp.Raw(200, new JsonObject());
    }

    private void apply(GoodsOutNote g, String code, String flag, String how, Instant at, long owner) {
        if (how.equals("set")) {
            g.done.put(flag, new Object[] {at, owner});
        } else {
            g.done.remove(flag);
        }
        g.events.add(event(code, at, owner));
        g.lastEventVersion = state.eventVersions.incrementAndGet();
    }

    private void onShipped(GoodsOutNote g) {
        List<Long> products = new ArrayList<>();
        g.quantities().forEach((productId, qty) -> {
            Product p = state.products.get(productId);
            if (p != null) {
                p.ship(g.warehouseId, qty);
                products.add(productId);
            }
        });
        hooks.fire("product.modified.on-hand-modified", products);
        Order order = state.orders.get(g.orderId);
        if (order == null) {
            return;
        }
        boolean all;
        synchronized (order) {
            all = order.rows.values().stream().filter(r -> r.productId != null).allMatch(r -> shippedQty(order, r.id)
                    >= (r.quantity == null ? 0 : r.quantity.longValue()));
            order.shippingStatusCode = all ? "ASS" : "SPS";
            order.touch(state.now());
        }
        hooks.fire(all ? "order.modified.fully-shipped" : "order.modified", List.of(order.id));
    }

    private long shippedQty(Order order, long rowId) {
        long n = 0;
        for (long id : state.gonsByOrder.getOrDefault(order.id, List.of())) {
            GoodsOutNote g = state.gons.get(id);
            if (g != null && g.shipped()) {
                n += g.rows.getOrDefault(rowId, List.of()).stream().mapToLong(GoodsOutNote.Line::quantity).sum();
            }
        }
        return n;
    }

    private Object delete(BpRequest req) {
        GoodsOutNote g = gon(req);
        if (g.orderId != req.idParam("id")) {
            throw BpException.notFound("Goods-out note " + g.id + " does not belong to order " + req.pathParam("id") + ".");
        }
        synchronized (g) {
            if (g.shipped()) {
                throw BpException.badRequest("WHSC-050", "Goods-out note " + g.id + " has been shipped and cannot be deleted.");
            }
            state.gons.remove(g.id);
            state.gonsByOrder.getOrDefault(g.orderId, new ArrayList<>()).remove(g.id);
            g.quantities().forEach((productId, qty) -> {
                Product p = state.products.get(productId);
                if (p != null) {
                    p.allocate(g.warehouseId, -qty);
                }
            });
        }
        hooks.fire("goods-out-note.destroyed", List.of(g.id));
        return new BpHttp.Raw(200, new JsonObject());
    }

    private GoodsOutNote gon(BpRequest req) {
        long id = req.idParam("gon");
        GoodsOutNote g = state.gons.get(id);
        if (g == null) {
            throw BpException.notFound("Goods-out note " + id + " not found.");
        }
        return g;
    }

    private JsonObject event(String code, Instant at, long owner) {
        return new JsonObject().put("occured", state.date(at)).put("eventOwnerId", owner).put("eventCode", code);
    }
}
