package dev.junction.sandbox.bigcommerce;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class BigCommerceOrdersTest {
    private BcSandbox bc;

    @BeforeEach
    void start(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    @Test
    void missingOrWrongTokenIsRejectedWithV2ArrayOnV2AndErrorObjectOnV3() {
        HttpResponse<Buffer> none = bc.client.getAbs(bc.url("/stores/abc123/v2/orders")).send().await();
        assertThat(none.statusCode()).isEqualTo(401);
        JsonArray body = none.bodyAsJsonArray();
        assertThat(body.getJsonObject(0).getInteger("status")).isEqualTo(401);
        assertThat(body.getJsonObject(0).getString("message")).isNotBlank();

        HttpResponse<Buffer> wrong = bc.client.getAbs(bc.url("/stores/abc123/v3/hooks"))
                .putHeader("X-Auth-Token", "nope").send().await();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getInteger("status")).isEqualTo(401);
    }

    @Test
    void emptyListsAnswer204WithEmptyBody() {
        HttpResponse<Buffer> r = bc.get("/v2/orders");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body() == null ? 0 : r.body().length()).isZero();
        bc.seedOrder();
        assertThat(bc.get("/v2/orders?status_id=5").statusCode()).isEqualTo(204);
        assertThat(bc.get("/v2/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void seededOrderIsCompleteWithMoneyStringsAndSubResources() {
        int id = bc.seedOrder().getInteger("id");
        JsonObject order = bc.get("/v2/orders/" + id).bodyAsJsonObject();
        assertThat(order.getInteger("status_id")).isEqualTo(11);
        assertThat(order.getString("status")).isEqualTo("Awaiting Fulfillment");
        assertThat(order.getString("subtotal_ex_tax")).isEqualTo("25.0000");
        assertThat(order.getString("subtotal_inc_tax")).isEqualTo("27.5000");
        assertThat(order.getString("wrapping_cost_ex_tax")).isEqualTo("2.0000");
        assertThat(order.getString("coupon_discount")).isEqualTo("2.2000");
        assertThat(order.getString("discount_amount")).isEqualTo("0.5000");
        // 27.50 + 11.00 shipping + 2.00 wrapping - 0.50 manual - 2.20 coupon
        assertThat(order.getString("total_inc_tax")).isEqualTo("37.8000");
        assertThat(order.getString("currency_code")).isEqualTo("EUR");
        assertThat(order.getString("currency_exchange_rate")).isEqualTo("0.9200000000");
        assertThat(order.getString("date_created")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(order.getJsonObject("products").getString("url")).endsWith("/v2/orders/" + id + "/products");
        assertThat(order.getInteger("items_total")).isEqualTo(3);

        JsonArray products = bc.get("/v2/orders/" + id + "/products").bodyAsJsonArray();
        assertThat(products).hasSize(2);
        JsonObject mug = products.getJsonObject(0);
        assertThat(mug.getString("total_inc_tax")).isEqualTo("22.0000");
        assertThat(mug.getString("discounted_total_inc_tax")).isEqualTo("19.8000");
        assertThat(mug.getString("wrapping_message")).isEqualTo("Happy birthday");
        assertThat(mug.getJsonArray("applied_discounts").getJsonObject(0).getString("code")).isEqualTo("SAVE10");
        assertThat(mug.getString("type")).isEqualTo("physical");

        JsonArray addresses = bc.get("/v2/orders/" + id + "/shipping_addresses").bodyAsJsonArray();
        assertThat(addresses.getJsonObject(0).getInteger("id")).isEqualTo(mug.getInteger("order_address_id"));
        assertThat(addresses.getJsonObject(0).getString("cost_inc_tax")).isEqualTo("11.0000");
        JsonArray coupons = bc.get("/v2/orders/" + id + "/coupons").bodyAsJsonArray();
        assertThat(coupons.getJsonObject(0).getString("code")).isEqualTo("SAVE10");
        assertThat(bc.get("/v2/orders/99999").statusCode()).isEqualTo(404);
    }

    @Test
    void consignmentLineItemsAreTheProductsGroupedByTheirShippingAddressDownloadAndGiftCertificate() {
        int id = bc.seedMixedOrder().getInteger("id");
        JsonArray products = bc.get("/v2/orders/" + id + "/products").bodyAsJsonArray();
        JsonArray addresses = bc.get("/v2/orders/" + id + "/shipping_addresses").bodyAsJsonArray();
        JsonObject order = bc.get("/v2/orders/" + id + "?include=consignments.line_items&consignment_structure=object")
                .bodyAsJsonObject();
        // Everything else is the plain order, links included.
        JsonObject plain = bc.get("/v2/orders/" + id).bodyAsJsonObject();
        assertThat(order.copy().put("consignments", (Object) null)).isEqualTo(plain.put("consignments", (Object) null));

        JsonObject consignments = order.getJsonObject("consignments");
        assertThat(consignments.getJsonArray("pickups")).isEmpty();
        JsonArray shipping = consignments.getJsonArray("shipping");
        // The second address has no items (only seeding can make that): no consignment for it.
        assertThat(shipping).hasSize(1);
        JsonObject first = shipping.getJsonObject(0);
        JsonObject firstAddress = addresses.getJsonObject(0);
        assertThat(first.getInteger("id")).isEqualTo(firstAddress.getInteger("id"));
        for (String f : new String[]{"first_name", "last_name", "street_1", "city", "zip", "country_iso2", "phone", "email",
                "shipping_method"}) {
            assertThat(first.getValue(f)).as(f).isEqualTo(firstAddress.getValue(f));
        }
        assertThat(first.getString("shipping_method")).isEqualTo("UPS Ground");
        assertThat(first.getDouble("cost_inc_tax")).isEqualTo(7.58);
        assertThat(first.getJsonObject("shipping_quotes").getString("resource"))
                .isEqualTo("/orders/" + id + "/consignments/shipping/" + firstAddress.getInteger("id") + "/shipping_quotes");
        // Line items are the very objects /products returns, each in exactly one consignment.
        assertThat(first.getJsonArray("line_items")).containsExactly(products.getJsonObject(0), products.getJsonObject(2));
        JsonObject download = consignments.getJsonArray("downloads").getJsonObject(0);
        assertThat(download.getString("recipient_email")).isEqualTo("ann@example.com");
        assertThat(download.getJsonArray("line_items")).containsExactly(products.getJsonObject(1));
        JsonObject certificate = consignments.getJsonObject("email").getJsonArray("gift_certificates").getJsonObject(0);
        assertThat(certificate.getJsonArray("line_items")).containsExactly(products.getJsonObject(3));

        // include=consignments alone links the line items instead.
        JsonObject linked = bc.get("/v2/orders/" + id + "?include=consignments&consignment_structure=object").bodyAsJsonObject();
        JsonObject link = linked.getJsonObject("consignments").getJsonArray("shipping").getJsonObject(0)
                .getJsonArray("line_items").getJsonObject(0);
        assertThat(link.getString("resource")).isEqualTo("/orders/" + id + "/products/" + products.getJsonObject(0).getInteger("id"));
        assertThat(link.getString("url")).endsWith("/v2/orders/" + id + "/products/" + products.getJsonObject(0).getInteger("id"));
        assertThat(bc.get(link.getString("url").substring(link.getString("url").indexOf("/v2/"))).bodyAsJsonObject())
                .isEqualTo(products.getJsonObject(0));
    }

    @Test
    void theOrderListEmbedsConsignmentsPerOrderAndCountsOneCall() {
        int a = bc.seedOrder().getInteger("id");
        int b = bc.seedMixedOrder().getInteger("id");
        JsonObject before = routes();
        JsonArray list = bc.get("/v2/orders?include=consignments.line_items&consignment_structure=object").bodyAsJsonArray();
        assertThat(list).hasSize(2);
        for (int i = 0; i < 2; i++) {
            int id = list.getJsonObject(i).getInteger("id");
            assertThat(id).isEqualTo(i == 0 ? a : b);
            JsonObject single = bc.get("/v2/orders/" + id + "?include=consignments.line_items&consignment_structure=object")
                    .bodyAsJsonObject();
            assertThat(list.getJsonObject(i)).isEqualTo(single);
        }
        assertThat(bc.get("/v2/orders").bodyAsJsonArray().getJsonObject(0).containsKey("consignments")).isFalse();
        JsonObject after = routes();
        assertThat(after.getLong("GET /v2/orders") - before.getLong("GET /v2/orders", 0L)).isEqualTo(2);
        assertThat(after.getLong("GET /v2/orders/{id}") - before.getLong("GET /v2/orders/{id}", 0L)).isEqualTo(2);
        assertThat(after.containsKey("GET /v2/orders/{id}/products")).isFalse();
    }

    private JsonObject routes() {
        return bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject().getJsonObject("routes");
    }

    @Test
    void consignmentIncludesNeedTheObjectStructureAndKnownValues() {
        int id = bc.seedOrder().getInteger("id");
        HttpResponse<Buffer> legacy = bc.get("/v2/orders/" + id + "?include=consignments");
        assertThat(legacy.statusCode()).isEqualTo(400);
        assertThat(legacy.bodyAsJsonArray().getJsonObject(0).getString("message")).contains("consignment_structure=object");
        assertThat(bc.get("/v2/orders?include=consignments.line_items").statusCode()).isEqualTo(400);
        assertThat(bc.get("/v2/orders/" + id + "?include=fees").statusCode()).isEqualTo(400);
        assertThat(bc.get("/v2/orders/" + id + "?include=consignments,consignments.line_items&consignment_structure=object")
                .bodyAsJsonObject().getJsonObject("consignments").getJsonArray("shipping").getJsonObject(0)
                .getJsonArray("line_items").getJsonObject(0).getString("sku")).isEqualTo("MUG-1");
    }

    @Test
    void anOrderChangedLaterIsListedUnderItsNewDateModified() throws Exception {
        for (int i = 0; i < 3; i++) bc.seedOrder();
        Thread.sleep(1_100); // date_modified has whole seconds: the change must land in a later one
        assertThat(bc.api(HttpMethod.PUT, "/v2/orders/100", new JsonObject().put("status_id", 9)).statusCode()).isEqualTo(200);
        String changed = bc.get("/v2/orders/100").bodyAsJsonObject().getString("date_modified");
        String since = java.net.URLEncoder.encode(changed, java.nio.charset.StandardCharsets.UTF_8);
        JsonArray sweep = bc.get("/v2/orders?min_date_modified=" + since + "&sort=date_modified").bodyAsJsonArray();
        assertThat(sweep).extracting(o -> ((JsonObject) o).getInteger("id")).containsExactly(100);
        JsonArray all = bc.get("/v2/orders?sort=date_modified:asc").bodyAsJsonArray();
        assertThat(all).extracting(o -> ((JsonObject) o).getInteger("id")).containsExactly(101, 102, 100);
        JsonArray byId = bc.get("/v2/orders?min_date_modified=2000-01-01T00:00:00Z").bodyAsJsonArray();
        assertThat(byId).extracting(o -> ((JsonObject) o).getInteger("id")).containsExactly(100, 101, 102);
    }

    @Test
    void listFiltersByDatesInBothFormatsSortsAndPages() {
        for (int i = 0; i < 3; i++) bc.seedOrder();
        JsonObject first = bc.get("/v2/orders/100").bodyAsJsonObject();
        String rfc = first.getString("date_modified");
        assertThat(bc.get("/v2/orders?min_date_modified=" + java.net.URLEncoder.encode(rfc, java.nio.charset.StandardCharsets.UTF_8))
                .bodyAsJsonArray()).hasSize(3);
        assertThat(bc.get("/v2/orders?min_date_created=2999-01-01T00:00:00Z").statusCode()).isEqualTo(204);
        assertThat(bc.get("/v2/orders?max_date_created=2000-01-01").statusCode()).isEqualTo(204);
        JsonArray desc = bc.get("/v2/orders?sort=id:desc&limit=2").bodyAsJsonArray();
        assertThat(desc.getJsonObject(0).getInteger("id")).isEqualTo(102);
        assertThat(desc).hasSize(2);
        assertThat(bc.get("/v2/orders?sort=id:desc&limit=2&page=2").bodyAsJsonArray().getJsonObject(0).getInteger("id"))
                .isEqualTo(100);
        assertThat(bc.get("/v2/orders?min_id=101&max_id=101").bodyAsJsonArray()).hasSize(1);
        assertThat(bc.get("/v2/orders?limit=251").statusCode()).isEqualTo(400);
        assertThat(bc.get("/v2/orders?min_date_created=yesterday").bodyAsJsonArray().getJsonObject(0).getInteger("status"))
                .isEqualTo(400);
        JsonObject count = bc.get("/v2/orders/count").bodyAsJsonObject();
        assertThat(count.getInteger("count")).isEqualTo(3);
    }

    @Test
    void pagesOfFilteredListsAreConsecutiveWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) bc.seedOrder();
        // 104 moves to another status, so pages of the lazily filtered lists must step over it
        int status = bc.get("/v2/orders/100").bodyAsJsonObject().getInteger("status_id");
        int other = status == 5 ? 6 : 5;
        assertThat(bc.api(HttpMethod.PUT, "/v2/orders/104", new JsonObject().put("status_id", other)).statusCode()).isEqualTo(200);
        for (String base : List.of("/v2/orders?limit=2&status_id=" + status,
                "/v2/orders?min_date_modified=2000-01-01T00:00:00Z&sort=date_modified&limit=2&status_id=" + status)) {
            List<Integer> ids = new java.util.ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                HttpResponse<Buffer> r = bc.get(base + "&page=" + page);
                if (r.statusCode() == 204) break;
                r.bodyAsJsonArray().forEach(o -> ids.add(((JsonObject) o).getInteger("id")));
            }
            assertThat(ids).as(base).containsExactlyInAnyOrder(100, 101, 102, 103, 105, 106);
        }
        assertThat(bc.get("/v2/orders?limit=2&page=4&status_id=" + status).statusCode()).isEqualTo(204);
        assertThat(bc.get("/v2/orders?limit=2&page=4").bodyAsJsonArray()).extracting(o -> ((JsonObject) o).getInteger("id"))
                .containsExactly(106);
    }

    @Test
    void putChangesStatusAndPostCreatesPendingOrder() {
        int id = bc.seedOrder().getInteger("id");
        HttpResponse<Buffer> put = bc.api(HttpMethod.PUT, "/v2/orders/" + id, new JsonObject().put("status_id", 9));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.bodyAsJsonObject().getString("status")).isEqualTo("Awaiting Shipment");
        assertThat(bc.api(HttpMethod.PUT, "/v2/orders/" + id, new JsonObject().put("status_id", 99)).statusCode()).isEqualTo(400);

        JsonObject created = bc.api(HttpMethod.POST, "/v2/orders", new JsonObject()
                .put("billing_address", new JsonObject().put("first_name", "A").put("zip", "1").put("email", "a@b.c"))
                .put("products", new JsonArray().add(new JsonObject().put("name", "Custom").put("quantity", 1)
                        .put("price_inc_tax", 50).put("price_ex_tax", 45)))).bodyAsJsonObject();
        assertThat(created.getInteger("status_id")).isEqualTo(1);
        assertThat(created.getString("total_inc_tax")).isEqualTo("50.0000");
        assertThat(bc.api(HttpMethod.POST, "/v2/orders", new JsonObject().put("products", new JsonArray())).statusCode())
                .isEqualTo(400);
        assertThat(bc.get("/v2/order_statuses").bodyAsJsonArray()).hasSize(15);
    }
}
