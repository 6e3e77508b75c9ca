package dev.junction.sandbox.demo;

import dev.junction.sandbox.Sandbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's merchant: one catalogue in the store and in Brightpearl (every tenth SKU exists only in the
 * store, so those lines arrive as misc lines, as in real life), with customs data and stock in each
 * warehouse, and the same SKUs stocked at the warehouses.
 */
final class DemoCatalog {
    static final int PRODUCTS = 40;
    static final int SHIPHERO_WAREHOUSE = 2;
    static final int DROPSTREAM_WAREHOUSE = 3;
    static final int LABEL_WAREHOUSE = 4;

    private DemoCatalog() {
    }

    /** SKUs of the store's catalogue: SKU-001.. with size variants for every fifth product. */
    static List<String> skus() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= PRODUCTS; i++) {
            if (i % 5 == 0) {
                for (String size : new String[]{"S", "M", "L"}) {
                    out.add(String.format("SKU-%03d-%s", i, size));
                }
            } else {
                out.add(String.format("SKU-%03d", i));
            }
        }
        return out;
    }

    static Future<Void> seed(WebClient http, Sandbox sandbox) {
        JsonArray store = new JsonArray();
        for (int i = 1; i <= PRODUCTS; i++) {
            JsonObject p = new JsonObject().put("sku", String.format("SKU-%03d", i)).put("name", "Demo product " + i)
                    .put("price", BigDecimal.valueOf(899 + i * 250L, 2).toPlainString()).put("weight", "0.4");
            if (i % 5 == 0) {
                JsonArray vs = new JsonArray();
                for (String size : new String[]{"S", "M", "L"}) {
                    vs.add(new JsonObject().put("sku", String.format("SKU-%03d-%s", i, size))
                            .put("options", new JsonObject().put("Size", size)));
                }
                p.put("variants", vs);
            }
            store.add(p);
        }
        JsonArray backOffice = new JsonArray();
        List<String> skus = skus();
        for (int i = 0; i < skus.size(); i++) {
            if (i % 10 == 9) {
                continue; // unknown to Brightpearl: becomes a misc line
            }
            backOffice.add(new JsonObject().put("sku", skus.get(i)).put("name", "Demo product " + skus.get(i))
                    .put("price", "12.50").put("weight", "0.4")
                    .put("PCF_HSCODE", "6109.10").put("PCF_COUNTRYO", i % 2 == 0 ? "PT" : "VN")
                    .put("stock", new JsonObject().put("2", 500).put("3", 500).put("4", 500)));
        }
        String bp = sandbox.baseUrl("brightpearl");
        return post(http, sandbox.baseUrl("bigcommerce") + "/_sandbox/products", store)
                .compose(v -> post(http, bp + "/_sandbox/warehouses",
                        new JsonObject().put("id", LABEL_WAREHOUSE).put("name", "Dispatch (Starshipit labels)")))
                .compose(v -> http.postAbs(bp + "/_sandbox/products").sendJsonObject(new JsonObject().put("items", backOffice)))
                .compose(r -> {
                    if (r.statusCode() / 100 != 2) {
                        return Future.failedFuture("seeding Brightpearl products answered " + r.statusCode() + ": " + r.bodyAsString());
                    }
                    // Automation creates one goods-out note per warehouse of an order's rows: spread the
                    // catalogue over three warehouses so orders split across ShipHero, DropStream and Starshipit.
                    JsonObject byProduct = new JsonObject();
                    for (Object o : r.bodyAsJsonArray()) {
                        JsonObject p = (JsonObject) o;
                        String sku = p.getJsonObject("identity", new JsonObject()).getString("sku", "");
                        byProduct.put(String.valueOf(p.getValue("id")), warehouseFor(sku));
                    }
                    return http.putAbs(bp + "/_sandbox/options").sendJsonObject(new JsonObject().put("productWarehouses", byProduct));
                })
                .compose(r -> r.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                        : Future.failedFuture("setting Brightpearl product warehouses answered " + r.statusCode()));
    }

    /** Brightpearl warehouse 2 ships through ShipHero, 3 through DropStream, 4 prints Starshipit labels. */
    static int warehouseFor(String sku) {
        int n = Math.floorMod(sku.hashCode(), 3);
        return n == 0 ? SHIPHERO_WAREHOUSE : n == 1 ? DROPSTREAM_WAREHOUSE : LABEL_WAREHOUSE;
    }

    static Future<Void> post(WebClient http, String url, Object body) {
        return http.postAbs(url).sendJson(body).compose(r -> r.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                : Future.failedFuture(url + " answered " + r.statusCode() + ": " + r.bodyAsString()));
    }
}
