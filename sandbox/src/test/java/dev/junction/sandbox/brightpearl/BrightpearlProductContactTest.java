package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlProductContactTest extends BrightpearlTestSupport {

    @Test
    void productSearchBySkuAndCustomFields() throws Exception {
        long id = seedProduct("SOCK-BLU", Map.of("2", 3));
        seedProduct("SOCK-RED", Map.of("2", 3));
        JsonObject resp = okJson(get("/product-service/product-search?SKU=SOCK-BLU")).getJsonObject("response");
        JsonArray results = resp.getJsonArray("results");
        assertThat(results).hasSize(1);
        assertThat(results.getJsonArray(0).getLong(0)).isEqualTo(id);
        int skuIdx = BrightpearlOrderContractTest.indexOf(resp.getJsonObject("metaData").getJsonArray("columns"), "SKU");
        assertThat(results.getJsonArray(0).getString(skuIdx)).isEqualTo("SOCK-BLU");
        assertThat(okJson(get("/product-service/product-search?productId=" + id)).getJsonObject("response")
                .getJsonArray("results")).hasSize(1);

        JsonObject product = okJson(get("/product-service/product/" + id + "?includeOptional=customFields"))
                .getJsonArray("response").getJsonObject(0);
        assertThat(product.getJsonObject("identity").getString("sku")).isEqualTo("SOCK-BLU");
        assertThat(product.getJsonObject("customFields").getString("PCF_HSCODE")).isEqualTo("6109.10");
        JsonObject cf = okJson(get("/product-service/product-custom-field/" + id + ",999999")).getJsonObject("response");
        assertThat(cf.getJsonObject(String.valueOf(id)).getString("PCF_COUNTRYO")).isEqualTo("PT");
        assertThat(cf.getJsonObject("999999")).isEqualTo(new JsonObject());

        var missing = get("/product-service/product/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("CMNC-404");
        assertThat(get("/product-service/product-search?productId=abc").statusCode()).isEqualTo(500);
    }

    @Test
    void stockCorrectionsChangeAvailability() throws Exception {
        long id = seedProduct("BOX-1", Map.of("2", 5));
        var post = send(HttpMethod.POST, "/warehouse-service/warehouse/3/stock-correction", new JsonObject()
                .put("corrections", new JsonArray().add(new JsonObject().put("quantity", 7).put("productId", id)
                        .put("reason", "Stock take").put("locationId", 3)
                        .put("cost", new JsonObject().put("currency", "USD").put("value", 2.5)))));
        JsonArray ids = okJson(post).getJsonArray("response");
        assertThat(ids).hasSize(1);
        JsonObject avail = okJson(get("/warehouse-service/product-availability/" + id)).getJsonObject("response")
                .getJsonObject(String.valueOf(id));
        assertThat(avail.getJsonObject("total").getLong("onHand")).isEqualTo(12);
        assertThat(avail.getJsonObject("warehouses").getJsonObject("3").getLong("inStock")).isEqualTo(7);

        JsonArray read = okJson(get("/warehouse-service/warehouse/3/stock-correction/" + ids.getLong(0)))
                .getJsonArray("response");
        assertThat(read.getJsonObject(0).getString("reason")).isEqualTo("Stock take");
        assertThat(read.getJsonObject(0).getJsonArray("goodsMoved").getJsonObject(0).getLong("quantity")).isEqualTo(7);

        var tooMuch = send(HttpMethod.POST, "/warehouse-service/warehouse/2/stock-correction", new JsonObject()
                .put("corrections", new JsonArray().add(new JsonObject().put("quantity", -6).put("productId", id)
                        .put("reason", "Damaged"))));
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(okJson(get("/warehouse-service/product-availability/" + id)).getJsonObject("response")
                .getJsonObject(String.valueOf(id)).getJsonObject("total").getLong("onHand")).isEqualTo(12);
        assertThat(control(HttpMethod.GET, "/stock-corrections", null).bodyAsJsonArray()).hasSize(1);
    }

    @Test
    void contactSearchIsFuzzyOnEmail() throws Exception {
        long ann = seedContact("ann@example.com");
        long joann = seedContact("JoAnn@Example.com");
        JsonArray results = okJson(get("/contact-service/contact-search?primaryEmail=ann@example.com"))
                .getJsonObject("response").getJsonArray("results");
        // both match the fuzzy search; a client must re-check the exact address
        assertThat(results.stream().map(r -> ((JsonArray) r).getLong(0))).containsExactly(ann, joann);
        assertThat(results.getJsonArray(1).getString(1)).isEqualTo("JoAnn@Example.com");
    }

    @Test
    void createContactWithAddressThenUpdate() throws Exception {
        long addr = okJson(send(HttpMethod.POST, "/contact-service/postal-address", new JsonObject()
                .put("addressLine1", "2 High St").put("addressLine3", "Leeds").put("postalCode", "LS1 1AA")
                .put("countryIsoCode", "GBR"))).getLong("response");
        long id = okJson(send(HttpMethod.POST, "/contact-service/contact", new JsonObject().put("firstName", "Grace")
                .put("lastName", "Hopper").put("postAddressIds", new JsonObject().put("DEF", addr).put("BIL", addr)
                        .put("DEL", addr))
                .put("communication", new JsonObject().put("emails", new JsonObject()
                        .put("PRI", new JsonObject().put("email", "grace@example.com")))))).getLong("response");
        JsonObject c = okJson(get("/contact-service/contact/" + id)).getJsonArray("response").getJsonObject(0);
        assertThat(c.getJsonObject("postAddressIds").getLong("DEL")).isEqualTo(addr);
        assertThat(c.getJsonObject("communication").getJsonObject("emails").getJsonObject("PRI").getString("email"))
                .isEqualTo("grace@example.com");

        assertThat(send(HttpMethod.PUT, "/contact-service/contact/" + id, new JsonObject().put("lastName", "Murray"))
                .statusCode()).isEqualTo(200);
        var patched = send(HttpMethod.PATCH, "/contact-service/contact/" + id, new JsonArray().add(new JsonObject()
                .put("op", "replace").put("path", "/communication/emails/PRI/email").put("value", "g@example.com")));
        JsonObject after = okJson(patched).getJsonObject("response");
        assertThat(after.getString("lastName")).isEqualTo("Murray");
        assertThat(after.getJsonObject("communication").getJsonObject("emails").getJsonObject("PRI").getString("email"))
                .isEqualTo("g@example.com");

        var noAddressLine = send(HttpMethod.POST, "/contact-service/postal-address", new JsonObject().put("countryIsoCode", "GBR"));
        assertThat(noAddressLine.statusCode()).isEqualTo(400);
        var missing = get("/contact-service/contact/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsString()).contains("CMNC-404");
    }

    @Test
    void referenceDataIsSeeded() throws Exception {
        JsonArray wh = okJson(get("/warehouse-service/warehouse")).getJsonArray("response");
        assertThat(wh.stream().map(w -> ((JsonObject) w).getString("name"))).containsExactly("Main", "East");
        JsonArray statuses = okJson(get("/order-service/order-status")).getJsonArray("response");
        assertThat(statuses.stream().map(s -> ((JsonObject) s).getString("name")))
                .contains("New", "Processing", "Ready to ship", "Shipped", "Completed", "Cancelled");
        assertThat(okJson(get("/warehouse-service/shipping-method")).getJsonArray("response")).isNotEmpty();
        assertThat(okJson(get("/product-service/price-list")).getJsonArray("response")).hasSize(2);
    }

    @Test
    void sameSeedGivesSameIds() throws Exception {
        long first = seedProduct("DET-1", Map.of());
        long contact = seedContact("det@example.com");
        long order = createOrder(salesOrder(contact, "det", first, 1));
        control(HttpMethod.POST, "/reset", null);
        assertThat(seedProduct("DET-1", Map.of())).isEqualTo(first);
        assertThat(seedContact("det@example.com")).isEqualTo(contact);
        assertThat(createOrder(salesOrder(contact, "det", first, 1))).isEqualTo(order);
    }
}
