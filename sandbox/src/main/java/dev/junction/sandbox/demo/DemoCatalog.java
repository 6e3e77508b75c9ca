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
                    .put("stock", new JsonObject().put("2", 500).put("3", 500)));
        }
        return post(http, sandbox.baseUrl("bigcommerce") + "/_sandbox/products", store)
                .compose(v -> post(http, sandbox.baseUrl("brightpearl") + "/_sandbox/products", backOffice));
    }

    static Future<Void> post(WebClient http, String url, Object body) {
        return http.postAbs(url).sendJson(body).compose(r -> r.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                : Future.failedFuture(url + " answered " + r.statusCode() + ": " + r.bodyAsString()));
    }
}
