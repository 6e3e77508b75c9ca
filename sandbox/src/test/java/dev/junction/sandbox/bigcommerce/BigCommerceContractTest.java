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

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's answers (and the requests the tests make) checked against BigCommerce's official OpenAPI files. */
@ExtendWith(VertxExtension.class)
class BigCommerceContractTest {
    private BcSandbox bc;
    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void start(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    private HttpResponse<Buffer> call(String spec, HttpMethod method, String path, Object body) {
        HttpResponse<Buffer> r = bc.api(method, path, body);
        for (String v : Contracts.check(spec, method, path, body == null ? null : body.toString(), r)) {
            violations.add(method + " " + path + " -> " + r.statusCode() + ": " + v);
        }
        return r;
    }

    @Test
    void v2OrdersShipmentsAndStatusesMatchOrdersSpec() {
        JsonObject seeded = bc.seedOrder();
        int id = seeded.getInteger("id");
        int address = seeded.getJsonArray("shipping_addresses").getJsonObject(0).getInteger("id");
        int line = seeded.getJsonArray("products").getJsonObject(0).getInteger("id");
        String o = Contracts.ORDERS;
        call(o, HttpMethod.GET, "/v2/orders?status_id=11&limit=5&sort=date_modified:asc", null);
        call(o, HttpMethod.GET, "/v2/orders/" + id, null);
        call(o, HttpMethod.GET, "/v2/orders/count", null);
        call(o, HttpMethod.GET, "/v2/orders/" + id + "/products", null);
        call(o, HttpMethod.GET, "/v2/orders/" + id + "/shipping_addresses", null);
        call(o, HttpMethod.GET, "/v2/orders/" + id + "/coupons", null);
        call(o, HttpMethod.GET, "/v2/order_statuses", null);
        assertThat(call(o, HttpMethod.GET, "/v2/orders/" + id + "/shipments", null).statusCode()).isEqualTo(204);
        HttpResponse<Buffer> created = call(o, HttpMethod.POST, "/v2/orders/" + id + "/shipments", new JsonObject()
                .put("order_address_id", address).put("tracking_number", "1Z1").put("shipping_provider", "ups")
                .put("tracking_carrier", "ups").put("comments", "first box")
                .put("items", new JsonArray().add(new JsonObject().put("order_product_id", line).put("quantity", 1))));
        assertThat(created.statusCode()).isEqualTo(201);
        int shipmentId = created.bodyAsJsonObject().getInteger("id");
        call(o, HttpMethod.GET, "/v2/orders/" + id + "/shipments", null);
        call(o, HttpMethod.GET, "/v2/orders/" + id + "/shipments/" + shipmentId, null);
        call(o, HttpMethod.PUT, "/v2/orders/" + id + "/shipments/" + shipmentId, new JsonObject().put("tracking_number", "1Z2"));
        call(o, HttpMethod.GET, "/v2/orders/" + id + "/shipments/count", null);
        call(o, HttpMethod.PUT, "/v2/orders/" + id, new JsonObject().put("status_id", 9));
        call(o, HttpMethod.POST, "/v2/orders", new JsonObject()
                .put("billing_address", new JsonObject().put("first_name", "Jane").put("zip", "78751").put("email", "j@x.com"))
                .put("products", new JsonArray().add(new JsonObject().put("name", "Mug").put("quantity", 1)
                        .put("price_inc_tax", 50).put("price_ex_tax", 45))));
        assertThat(violations).isEmpty();
    }

    @Test
    void consignmentIncludesOnOrderAndListMatchOrdersSpec() {
        int plain = bc.seedOrder().getInteger("id");
        int mixed = bc.seedMixedOrder().getInteger("id");
        String o = Contracts.ORDERS;
        for (int id : new int[]{plain, mixed}) {
            for (String include : new String[]{"consignments", "consignments.line_items"}) {
                HttpResponse<Buffer> r = call(o, HttpMethod.GET, "/v2/orders/" + id + "?include=" + include
                        + "&consignment_structure=object", null);
                assertThat(r.bodyAsJsonObject().getJsonObject("consignments").getJsonArray("shipping")).isNotEmpty();
            }
        }
        call(o, HttpMethod.GET, "/v2/orders?include=consignments.line_items&consignment_structure=object&sort=date_modified", null);
        call(o, HttpMethod.GET, "/v2/orders?include=consignments&consignment_structure=object&limit=1&page=2", null);
        assertThat(violations).isEmpty();
    }

    /**
     * The order's {@code consignments} is a {@code oneOf} (link or object) and its line items another (links or
     * products): a broken line item inside a consignment must still be caught, not matched by the looser branch.
     */
    @Test
    void theValidatorRejectsABrokenLineItemInsideAConsignment() {
        int id = bc.seedOrder().getInteger("id");
        String path = "/v2/orders/" + id + "?include=consignments.line_items&consignment_structure=object";
        JsonObject order = bc.get(path).bodyAsJsonObject();
        var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get("/stores/" + BcSandbox.HASH + "/v2/orders/" + id)
                .withQueryParam("include", "consignments.line_items").withQueryParam("consignment_structure", "object")
                .withHeader("X-Auth-Token", BcSandbox.TOKEN).withAccept("application/json")
                .withContentType("application/json").build();
        assertThat(Contracts.check(Contracts.ORDERS, request, 200, "application/json", order.encode())).isEmpty();
        order.getJsonObject("consignments").getJsonArray("shipping").getJsonObject(0).getJsonArray("line_items")
                .getJsonObject(0).put("quantity", "two").put("bogus", true);
        assertThat(String.join("\n", Contracts.check(Contracts.ORDERS, request, 200, "application/json", order.encode())))
                .contains("bogus");
    }

    /** Guards against a validator that silently accepts everything (wrong base path, ignored levels). */
    @Test
    void theValidatorRejectsAnOrderProductThatBreaksTheSpec() {
        var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get("/stores/" + BcSandbox.HASH + "/v2/orders/100/products")
                .withHeader("X-Auth-Token", BcSandbox.TOKEN).withAccept("application/json")
                .withContentType("application/json").build();
        String broken = new JsonArray().add(new JsonObject().put("id", 1).put("quantity", "two").put("bogus", true)).encode();
        List<String> found = Contracts.check(Contracts.ORDERS, request, 200, "application/json", broken);
        assertThat(String.join("\n", found)).contains("quantity").contains("bogus");
        String fine = new JsonArray().add(new JsonObject().put("id", 1).put("quantity", 2)).encode();
        assertThat(Contracts.check(Contracts.ORDERS, request, 200, "application/json", fine)).isEmpty();
    }

    @Test
    void v3HooksInventoryCatalogAndCustomersMatchTheirSpecs() {
        bc.seedProduct("MUG-1", "12.50");
        bc.control(HttpMethod.POST, "/_sandbox/customers", new JsonObject().put("email", "jane@example.com"));
        HttpResponse<Buffer> hook = call(Contracts.HOOKS, HttpMethod.POST, "/v3/hooks", new JsonObject()
                .put("scope", "store/order/created").put("destination", "https://example.com/hooks")
                .put("is_active", true).put("headers", new JsonObject().put("X-Secret", "s")));
        int hookId = hook.bodyAsJsonObject().getJsonObject("data").getInteger("id");
        call(Contracts.HOOKS, HttpMethod.GET, "/v3/hooks", null);
        assertThat(call(Contracts.HOOKS, HttpMethod.POST, "/v3/hooks", new JsonObject()
                .put("scope", "store/order/created").put("destination", "https://example.com/hooks")).statusCode()).isEqualTo(422);
        assertThat(call(Contracts.HOOKS, HttpMethod.GET, "/v3/hooks/1", null).statusCode()).isEqualTo(404);
        call(Contracts.HOOKS, HttpMethod.GET, "/v3/hooks/" + hookId, null);
        call(Contracts.HOOKS, HttpMethod.PUT, "/v3/hooks/" + hookId, new JsonObject().put("is_active", false));
        call(Contracts.HOOKS, HttpMethod.DELETE, "/v3/hooks/" + hookId, null);

        JsonObject absolute = new JsonObject().put("reason", "count").put("items", new JsonArray()
                .add(new JsonObject().put("location_id", 1).put("sku", "MUG-1").put("quantity", 5)));
        JsonObject relative = new JsonObject().put("reason", "sold").put("items", new JsonArray()
                .add(new JsonObject().put("location_id", 1).put("sku", "MUG-1").put("quantity", -1)));
        assertThat(call(Contracts.INVENTORY, HttpMethod.POST, "/v3/inventory/adjustments/relative", relative)
                .statusCode()).isEqualTo(422);
        call(Contracts.INVENTORY, HttpMethod.PUT, "/v3/inventory/adjustments/absolute", absolute);
        call(Contracts.INVENTORY, HttpMethod.POST, "/v3/inventory/adjustments/relative", relative);
        call(Contracts.INVENTORY, HttpMethod.GET, "/v3/inventory/items?sku:in=MUG-1", null);

        call(Contracts.PRODUCTS, HttpMethod.GET, "/v3/catalog/products?sku=MUG-1", null);
        call(Contracts.PRODUCTS, HttpMethod.GET, "/v3/catalog/products?sku:in=MUG-1&include=variants", null);
        call(Contracts.VARIANTS, HttpMethod.GET, "/v3/catalog/variants?sku=MUG-1", null);
        call(Contracts.CUSTOMERS, HttpMethod.GET, "/v3/customers?email:in=jane@example.com", null);
        assertThat(violations).isEmpty();
    }
}
