package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code /order-service}: sales-order create (flat), order GET by id set, rows, status, notes, custom fields.
 * Searches live in {@link OrderSearches}.
 */
final class OrderService {
    private final BpState state;
    private final Webhooks hooks;
    private final OrderJson json;
    private final GoodsOutService goodsOut;

    OrderService(BpState state, Webhooks hooks, GoodsOutService goodsOut) {
        this.state = state;
        this.hooks = hooks;
        this.json = new OrderJson(state);
        this.goodsOut = goodsOut;
    }

    OrderJson json() {
        return json;
    }

    void routes(BpRoutes r) {
        String s = "/order-service";
        r.post(s + "/sales-order", req -> create(req.body()).id);
        r.get(s + "/sales-order/:id", this::getFlat);
        r.post(s + "/sales-order/:id/row", req -> addRow(req, true));
        r.get(s + "/order/:ids", this::getClassic);
        r.post(s + "/order/:id/row", req -> addRow(req, false));
        r.put(s + "/order/:id/status", this::putStatus);
        r.post(s + "/order/:id/note", this::addNote);
        r.get(s + "/order/:id/note", req -> notes(req, null));
        r.get(s + "/order/:id/note/:ids", req -> notes(req, req.idSetParam("ids")));
        r.get(s + "/order/:id/custom-field", req -> order(req).customFields.copy());
        r.patch(s + "/order/:id/custom-field", this::patchCustomFields);
        r.get(s + "/order-status", req -> new JsonArray(List.copyOf(state.orderStatuses.values())));
        r.get(s + "/order-status/:ids", req -> byIds(state.orderStatuses, req.idSetParam("ids")));
        r.get(s + "/order-type", req -> new JsonArray()
                .add(type(1, "SO", "SALES_ORDER")).add(type(2, "PO", "PURCHASE_ORDER"))
                .add(type(3, "SC", "SALES_CREDIT")).add(type(4, "PC", "PURCHASE_CREDIT")));
    }

    /** Creates a sales order from the flat {@code POST /sales-order} body; also used by the control API. */
    Order create(JsonObject b) {
        JsonObject customer = b.getJsonObject("customer", new JsonObject());
        Long customerId = BpHttp.optLong(customer, "id");
        if (customerId == null) {
            customerId = BpHttp.optLong(b, "customerId");
        }
        if (customerId == null) {
            throw BpException.badRequest("ORDC-021", "Customer ID Required. A sales order needs customer.id (or "
                    + "customerId): the contact id of an existing contact; create the contact first.");
        }
        Contact contact = state.contacts.get(customerId);
        if (contact == null) {
            throw BpException.badRequest("ORDC-023", "Customer " + customerId + " does not exist.");
        }
        long statusId = orDefault(BpHttp.optLong(b, "statusId"), 1L);
        if (!state.orderStatuses.containsKey(statusId)) {
            throw BpException.badRequest("ORDC-011", "Order status " + statusId + " does not exist.");
        }
        long warehouseId = orDefault(BpHttp.optLong(b, "warehouseId"), 2L);
        if (!state.warehouses.containsKey(warehouseId)) {
            throw BpException.badRequest("ORDC-030", "Warehouse " + warehouseId + " does not exist.");
        }
        JsonObject delivery = b.getJsonObject("delivery", new JsonObject());
        long shippingMethodId = orDefault(BpHttp.optLong(delivery, "shippingMethodId"), 0L);
        if (shippingMethodId != 0 && !state.shippingMethods.containsKey(shippingMethodId)) {
            throw BpException.badRequest("ORDC-031", "Shipping method " + shippingMethodId + " does not exist.");
        }
        Instant now = state.now();
        // rows are validated before an order id is taken, so a rejected post uses no ids
        JsonArray rows = b.getJsonArray("rows", new JsonArray());
        List<Order.Row> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            parsed.add(row(rows.getJsonObject(i), i + 1, 0));
        }
        String externalRef = b.getString("externalRef");
        Long instanceId = BpHttp.optLong(b, "installedIntegrationInstanceId");
        long id = state.orderIds.incrementAndGet();
        if (externalRef != null && !externalRef.isEmpty()) {
            Long existing = state.ordersByExternalRef.putIfAbsent(BpState.externalKey(externalRef, instanceId), id);
            if (existing != null) {
                throw BpException.badRequest("ORDC-040", "An order with externalRef '" + externalRef
                        + "' already exists for installed integration instance " + (instanceId == null ? 0 : instanceId)
                        + ": order " + existing + ".");
            }
        }
        Order order = new Order(id, now);
        order.reference = b.getString("ref", "");
        order.externalRef = externalRef;
        order.installedIntegrationInstanceId = instanceId;
        order.customerId = customerId;
        JsonObject billing = b.getJsonObject("billing", new JsonObject());
        order.billingContactId = orDefault(BpHttp.optLong(billing, "contactId"), customerId);
        order.statusId = statusId;
        order.warehouseId = warehouseId;
        order.channelId = orDefault(BpHttp.optLong(b, "channelId"), 0L);
        order.leadSourceId = orDefault(BpHttp.optLong(b, "leadSourceId"), 0L);
        order.staffOwnerId = orDefault(BpHttp.optLong(b, "staffOwnerId"), 0L);
        order.teamId = orDefault(BpHttp.optLong(b, "teamId"), 0L);
        order.projectId = orDefault(BpHttp.optLong(b, "projectId"), 0L);
        order.priceListId = orDefault(BpHttp.optLong(b, "priceListId"), 2L);
        order.priceModeCode = b.getString("priceModeCode", "EXC");
        JsonObject currency = b.getJsonObject("currency", new JsonObject());
        order.currency = currency.getString("code", state.options.currency());
        BigDecimal rate = BpHttp.decimal(currency.getValue("exchangeRate"), "currency.exchangeRate");
        order.exchangeRate = rate == null ? BigDecimal.ONE : rate;
        order.placedOn = dateOr(b.getString("placedOn"), now);
        order.taxDate = dateOr(b.getString("taxDate"), null);
        order.deliveryDate = dateOr(delivery.getString("date"), null);
        order.shippingMethodId = shippingMethodId;
        JsonObject fallback = state.addresses.getOrDefault(
                contact.postAddressIds.getLong("DEF", -1L), new JsonObject());
        // An order's addresses never change once it is made, so equal ones share one object: the simulator keeps
        // every order of a run, and its young collections copy what it keeps (three copies were half of it).
        order.customerAddress = address(customer.getJsonObject("address"), fallback, contact);
        order.billingAddress = sameOr(address(billing.getJsonObject("address"), order.customerAddress, contact),
                order.customerAddress);
        order.deliveryAddress = sameOr(address(delivery.getJsonObject("address"), order.customerAddress, contact),
                order.customerAddress);
        for (Order.Row r : parsed) {
            Order.Row real = copyRow(r, state.rowIds.incrementAndGet());
            order.rows.put(real.id, real);
        }
        state.orders.put(id, order);
        if (externalRef != null && !externalRef.isEmpty()) {
            List<Long> ids = state.ordersByRef.computeIfAbsent(externalRef.trim().toLowerCase(java.util.Locale.ROOT),
                    k -> new java.util.ArrayList<>());
            synchronized (ids) {
                ids.add(id);
                ids.sort(null);
            }
        }
        hooks.fire("sales-order.created", List.of(id));
        hooks.fire("order.modified", List.of(id));
        if (state.autoGoodsOutNotes) {
            goodsOut.createAutomatic(order);
        }
        return order;
    }

    /** Parses one flat row; a product row takes its SKU and name from the product. */
    private Order.Row row(JsonObject r, int seq, long id) {
        Order.Row row = new Order.Row(id, seq);
        row.productId = BpHttp.optLong(r, "productId");
        if (row.productId != null) {
            Product p = state.products.get(row.productId);
            if (p == null) {
                throw BpException.badRequest("ORDC-012", "Row " + seq + ": product " + row.productId + " does not exist.");
            }
            row.sku = p.sku;
            String name = r.getString("name", p.name);
            row.name = java.util.Objects.equals(name, p.name) ? p.name : name; // kept for the run: the product's copy
        } else {
            row.name = r.getString("name", r.getString("productName"));
            if (row.name == null || row.name.isBlank()) {
                throw BpException.badRequest("ORDC-013", "Row " + seq + ": a row needs a productId or a name.");
            }
        }
        Object qty = r.getValue("quantity");
        if (qty instanceof JsonObject q) {
            qty = q.getValue("magnitude");
        }
        row.quantity = BpHttp.decimal(qty, "rows[" + (seq - 1) + "].quantity");
        if (row.quantity == null) {
            throw BpException.badRequest("ORDC-014", "Row " + seq + ": quantity is required.");
        }
        JsonObject value = r.getJsonObject("rowValue");
        // codes come from a short list: interned, as the simulator keeps every row of a run
        row.taxCode = interned(value != null ? value.getString("taxCode", "T") : r.getString("taxCode", "T"));
        Object net = value != null ? value.getJsonObject("rowNet", new JsonObject()).getValue("value") : r.getValue("net");
        Object tax = value != null ? value.getJsonObject("rowTax", new JsonObject()).getValue("value") : r.getValue("tax");
        row.net = orDefault(BpHttp.decimal(net, "net"), BigDecimal.ZERO);
        row.tax = orDefault(BpHttp.decimal(tax, "tax"), BigDecimal.ZERO);
        row.nominalCode = interned(r.getString("nominalCode", "4000"));
        row.externalRef = r.getString("externalRef");
        row.warehouseId = BpHttp.optLong(r, "warehouseId");
        return row;
    }

    private static Order.Row copyRow(Order.Row r, long id) {
        Order.Row c = new Order.Row(id, r.sequence);
        c.productId = r.productId;
        c.sku = r.sku;
        c.name = r.name;
        c.quantity = r.quantity;
        c.taxCode = r.taxCode;
        c.net = r.net;
        c.tax = r.tax;
        c.nominalCode = r.nominalCode;
        c.externalRef = r.externalRef;
        c.warehouseId = r.warehouseId;
        return c;
    }

    private Object addRow(BpRequest req, boolean flat) {
        Order o = order(req);
        JsonObject b = req.body();
        Order.Row r;
        synchronized (o) {
            r = copyRow(row(b, o.rows.size() + 1, 0), state.rowIds.incrementAndGet());
            o.rows.put(r.id, r);
            o.touch(state.now());
        }
        hooks.fire("order.modified", List.of(o.id));
        return r.id;
    }

    private Object getClassic(BpRequest req) {
        IdSet ids = req.idSetParam("ids");
        if (!ids.isAll() && ids.size() > 200) {
            throw BpException.badRequest("CMNC-041", "At most 200 orders can be requested at once; split the id set.");
        }
        String optional = req.query("includeOptional", "");
        boolean cf = optional.contains("customFields");
        JsonArray out = new JsonArray();
        if (ids.isAll()) {
            state.orders.values().forEach(o -> out.add(json.classic(o, cf)));
        } else {
            for (long id : ids.ids()) {
                Order o = state.orders.get(id);
                if (o != null) {
                    out.add(json.classic(o, cf));
                }
            }
        }
        return out; // unknown ids: 200 {"response":[]}, a quirk of this resource
    }

    private Object getFlat(BpRequest req) {
        Order o = state.orders.get(req.idParam("id"));
        return o == null ? new JsonArray() : json.flat(o);
    }

    private Object putStatus(BpRequest req) {
        Order o = order(req);
        JsonObject b = req.body();
        Long statusId = BpHttp.optLong(b, "orderStatusId");
        if (statusId == null) {
            throw BpException.badRequest("ORDC-011", "orderStatusId is required.");
        }
        if (!state.orderStatuses.containsKey(statusId)) {
            throw BpException.badRequest("ORDC-011", "Order status " + statusId + " does not exist.");
        }
        if (state.statusName(statusId).equalsIgnoreCase("Cancelled")
                && !state.gonsByOrder.getOrDefault(o.id, List.of()).isEmpty()) {
            throw BpException.badRequest("ORDC-055", "Order " + o.id
                    + " cannot be cancelled because it has goods-out notes; delete them first.");
        }
        boolean changed;
        synchronized (o) {
            changed = o.statusId != statusId;
            o.statusId = statusId;
            JsonObject note = b.getJsonObject("orderNote");
            if (note != null && note.getString("text") != null) {
                o.notes.add(note(o, note));
            }
            o.touch(state.now());
        }
        if (changed) {
            hooks.fire("order.modified.order-status", List.of(o.id));
        }
        return new BpHttp.Raw(200, new JsonObject());
    }

    private Object addNote(BpRequest req) {
        Order o = order(req);
        JsonObject b = req.body();
        if (b.getString("text") == null || b.getString("text").isBlank()) {
            throw BpException.badRequest("ORDC-060", "A note needs text.");
        }
        JsonObject note;
        synchronized (o) {
            note = note(o, b);
            o.notes.add(note);
            o.touch(state.now());
        }
        return note.getLong("noteId");
    }

    private JsonObject note(Order o, JsonObject b) {
        return new JsonObject().put("noteId", state.noteIds.incrementAndGet()).put("contactId", o.customerId)
                .put("text", b.getString("text")).put("isPublic", b.getBoolean("isPublic", false))
                .put("addedOn", b.getString("addedOn", state.date(state.now()))).put("addedBy", 4)
                .put("orderStatusId", o.statusId).put("fileId", b.getValue("fileId", 0));
    }

    private Object notes(BpRequest req, IdSet ids) {
        Order o = order(req);
        JsonArray out = new JsonArray();
        synchronized (o) {
            o.notes.stream().map(n -> (JsonObject) n)
                    .filter(n -> ids == null || ids.contains(n.getLong("noteId"))).forEach(n -> out.add(n.copy()));
        }
        return out;
    }

    private Object patchCustomFields(BpRequest req) {
        Order o = order(req);
        JsonArray ops = req.bodyArray();
        synchronized (o) {
            JsonPatch.apply(o.customFields, ops);
            o.touch(state.now());
        }
        hooks.fire("order.modified", List.of(o.id));
        return o.customFields.copy();
    }

    private Order order(BpRequest req) {
        long id = req.idParam("id");
        Order o = state.orders.get(id);
        if (o == null) {
            throw BpException.notFound("Order " + id + " not found.");
        }
        return o;
    }

    /** An explicit JSON null stays null, as it was stored before codes were interned. */
    private static String interned(String code) {
        return code == null ? null : code.intern();
    }

    private static JsonObject sameOr(JsonObject address, JsonObject other) {
        return address.equals(other) ? other : address;
    }

    private JsonObject address(JsonObject given, JsonObject fallback, Contact c) {
        JsonObject a = given == null || given.isEmpty() ? fallback.copy() : given.copy();
        if (!a.containsKey("addressFullName")) {
            a.put("addressFullName", ((c.firstName == null ? "" : c.firstName + " ")
                    + (c.lastName == null ? "" : c.lastName)).trim());
        }
        if (!a.containsKey("email") && c.primaryEmail() != null) {
            a.put("email", c.primaryEmail());
        }
        String iso = a.getString("countryIsoCode");
        if (iso != null && iso.length() == 3) {
            a.put("countryIsoCode", Countries.iso2(iso));
        }
        return a;
    }

    static JsonArray byIds(java.util.Map<Long, JsonObject> map, IdSet ids) {
        JsonArray out = new JsonArray();
        map.forEach((id, v) -> {
            if (ids.contains(id)) {
                out.add(v.copy());
            }
        });
        return out;
    }

    private static JsonObject type(int id, String code, String description) {
        return new JsonObject().put("id", id).put("code", code).put("description", description);
    }

    private static Instant dateOr(String s, Instant dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        Instant t = BpHttp.parseDate(s);
        if (t == null) {
            throw BpException.badRequest("CMNC-400", "Cannot parse date '" + s + "'; use ISO-8601.");
        }
        return t;
    }

    private static <T> T orDefault(T v, T dflt) {
        return v == null ? dflt : v;
    }
}
