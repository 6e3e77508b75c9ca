package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.junction.sandbox.brightpearl.Search.Type.BOOLEAN;
import static dev.junction.sandbox.brightpearl.Search.Type.IDSET;
import static dev.junction.sandbox.brightpearl.Search.Type.INTEGER;
import static dev.junction.sandbox.brightpearl.Search.Type.PERIOD;
import static dev.junction.sandbox.brightpearl.Search.Type.STRING;
import static dev.junction.sandbox.brightpearl.Search.col;

/** {@code /product-service}: product GET and search, custom fields, prices, price lists. */
final class ProductService {
    private final BpState state;
    private final Webhooks hooks;
    private final Search<Product> search;

    ProductService(BpState state, Webhooks hooks) {
        this.state = state;
        this.hooks = hooks;
        this.search = new Search<Product>(List.of(
                col("productId", IDSET, p -> p.id), col("productName", STRING, p -> p.name),
                col("SKU", STRING, p -> p.sku), col("barcode", STRING, p -> p.barcode), col("EAN", STRING, p -> null),
                col("UPC", STRING, p -> null), col("ISBN", STRING, p -> null), col("MPN", STRING, p -> null),
                col("stockTracked", BOOLEAN, p -> p.stockTracked), col("salesChannelName", STRING, p -> "Brightpearl"),
                col("createdOn", PERIOD, p -> p.createdOn), col("updatedOn", PERIOD, p -> p.updatedOn),
                col("brightpearlCategoryCode", STRING, p -> null), col("productGroupId", INTEGER, p -> 0),
                col("brandId", INTEGER, p -> p.brandId), col("productTypeId", INTEGER, p -> p.productTypeId),
                col("productStatus", STRING, p -> "LIVE"), col("primarySupplierId", INTEGER, p -> 0)))
                .indexed("productId", Search.byIds(state.products))
                .indexed("updatedOn", state.productsByUpdatedOn.candidates())
                .indexed("SKU", v -> {
                    Long id = state.productsBySku.get(v.trim().toLowerCase(Locale.ROOT));
                    Product p = id == null ? null : state.products.get(id);
                    return p == null ? List.of() : List.of(p);
                });
    }

    void routes(BpRoutes r) {
        String s = "/product-service";
        r.get(s + "/product-search", req -> new BpHttp.Raw(200, search.run(
                state.products.values(), req.queryParams(),
                new JsonObject().put("productCategoryMembership", new JsonObject()), state)));
        r.get(s + "/product/:ids", this::get);
        r.get(s + "/product/:id/custom-field", req -> product(req).customFields.copy());
        r.patch(s + "/product/:id/custom-field", this::patchCustomFields);
        r.get(s + "/product-custom-field/:ids", this::customFields);
        r.get(s + "/product-price/:ids", this::prices);
        r.get(s + "/price-list", req -> new JsonArray(List.copyOf(state.priceLists.values())));
        r.get(s + "/price-list/:ids", req ->
                OrderService.byIds(state.priceLists, req.idSetParam("ids")));
    }

    /** Seeds or replaces a product (control API): {@code {id?, sku, name, price, weight, barcode, customFields|PCF_*, stock:{"2":10}}}. */
    Product seed(JsonObject b) {
        String sku = b.getString("sku", b.getString("SKU"));
        if (sku == null || sku.isBlank()) {
            throw BpException.badRequest("PRDC-001", "A product needs a sku.");
        }
        Long id = BpHttp.optLong(b, "id");
        Long existing = state.productsBySku.get(sku.toLowerCase(Locale.ROOT));
        if (id == null) {
            id = existing != null ? existing : state.productIds.incrementAndGet();
        } else {
            long seeded = id;
            state.productIds.accumulateAndGet(seeded, Math::max); // later allocations never collide
        }
        Product old = state.products.get(id);
        Product p = new Product(id, old == null ? state.now() : old.createdOn);
        if (old != null) {
            p.updatedOn = state.now(); // a replaced product is a modified one: updatedOn searches must see it
        }
        p.sku = sku;
        p.name = b.getString("name", sku);
        p.barcode = b.getString("barcode");
        p.price = BpHttp.decimal(b.getValue("price", "0"), "price");
        p.weight = BpHttp.decimal(b.getValue("weight", "0"), "weight");
        p.stockTracked = b.getBoolean("stockTracked", true);
        JsonObject cf = b.getJsonObject("customFields", new JsonObject());
        cf.forEach(e -> p.customFields.put(e.getKey(), e.getValue()));
        b.fieldNames().stream().filter(k -> k.startsWith("PCF_")).forEach(k -> p.customFields.put(k, b.getValue(k)));
        JsonObject stock = b.getJsonObject("stock", new JsonObject());
        stock.forEach(e -> p.setOnHand(Long.parseLong(e.getKey()), ((Number) e.getValue()).longValue()));
        state.productsByUpdatedOn.publish(p); // the put, plus the updatedOn index (a replaced product is re-keyed)
        if (old != null && old.sku != null) {
            state.productsBySku.remove(old.sku.toLowerCase(Locale.ROOT));
        }
        state.productsBySku.put(sku.toLowerCase(Locale.ROOT), id);
        hooks.fire(old == null ? "product.created" : "product.modified", List.of(id));
        return p;
    }

    private Object get(BpRequest req) {
        IdSet ids = req.idSetParam("ids");
        boolean cf = req.query("includeOptional", "").contains("customFields");
        JsonArray out = new JsonArray();
        for (Product p : find(ids)) {
            out.add(json(p, cf));
        }
        if (out.isEmpty()) {
            throw BpException.notFound("No Products Found");
        }
        return out;
    }

    List<Product> find(IdSet ids) {
        List<Product> out = new ArrayList<>();
        if (ids.isAll() || ids.size() > IdSet.MAX_EXPAND) {
            state.products.values().stream().filter(p -> ids.contains(p.id)).forEach(out::add);
        } else {
            ids.ids().forEach(id -> {
                Product p = state.products.get(id);
                if (p != null) {
                    out.add(p);
                }
            });
        }
        return out;
    }

    JsonObject json(Product p, boolean customFields) {
        JsonObject warehouses = new JsonObject();
        state.warehouses.keySet().forEach(w -> warehouses.put(w.toString(),
                new JsonObject().put("defaultLocationId", w).put("reorderLevel", 0).put("reorderQuantity", 0)));
        JsonObject json = new JsonObject().put("id", p.id).put("brandId", p.brandId)
                .put("productTypeId", p.productTypeId)
                .put("identity", new JsonObject().put("sku", p.sku).put("barcode", p.barcode))
                .put("stock", new JsonObject().put("stockTracked", p.stockTracked)
                        .put("weight", new JsonObject().put("magnitude", BpHttp.money(p.weight, 3)))
                        .put("dimensions", new JsonObject().put("length", 0).put("height", 0).put("width", 0)
                                .put("volume", 0)))
                .put("financialDetails", new JsonObject().put("taxable", true)
                        .put("taxCode", new JsonObject().put("id", 1).put("code", "T")))
                .put("salesChannels", new JsonArray().add(new JsonObject().put("salesChannelName", "Brightpearl")
                        .put("productName", p.name).put("productCondition", "new")
                        .put("categories", new JsonArray()).put("description", new JsonObject())))
                .put("composition", new JsonObject().put("bundle", false))
                .put("createdOn", state.date(p.createdOn)).put("updatedOn", state.date(p.updatedOn))
                .put("warehouses", warehouses).put("nominalCodeStock", "1000").put("nominalCodePurchases", "5000")
                .put("nominalCodeSales", "4000").put("status", "LIVE").put("version", 1);
        if (customFields) {
            synchronized (p) {
                json.put("customFields", p.customFields.copy());
            }
        }
        return json;
    }

    private Object patchCustomFields(BpRequest req) {
        Product p = product(req);
        JsonArray ops = req.bodyArray();
        synchronized (p) {
            JsonPatch.apply(p.customFields, ops);
            Instant before = p.updatedOn;
            p.updatedOn = state.now();
            state.productsByUpdatedOn.moved(p, before);
        }
        hooks.fire("product.modified", List.of(p.id));
        return p.customFields.copy();
    }

    private Object customFields(BpRequest req) {
        IdSet ids = req.idSetParam("ids");
        JsonObject out = new JsonObject();
        if (!ids.isAll() && ids.size() <= IdSet.MAX_EXPAND) {
            ids.ids().forEach(id -> out.put(id.toString(), new JsonObject())); // unknown ids answer {}
        }
        for (Product p : find(ids)) {
            synchronized (p) {
                out.put(String.valueOf(p.id), p.customFields.copy());
            }
        }
        return out;
    }

    private Object prices(BpRequest req) {
        JsonArray out = new JsonArray();
        for (Product p : find(req.idSetParam("ids"))) {
            BigDecimal price = p.price == null ? BigDecimal.ZERO : p.price;
            out.add(new JsonObject().put("productId", p.id).put("priceLists", new JsonArray().add(new JsonObject()
                    .put("priceListId", 2).put("currencyCode", state.options.currency()).put("currencyId", 1)
                    .put("quantityPrice", new JsonObject().put("1", BpHttp.money(price, 4))))));
        }
        if (out.isEmpty()) {
            throw BpException.notFound("No Product Prices Found");
        }
        return out;
    }

    private Product product(BpRequest req) {
        long id = req.idParam("id");
        Product p = state.products.get(id);
        if (p == null) {
            throw BpException.notFound("No Products Found");
        }
        return p;
    }
}
