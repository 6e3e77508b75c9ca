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

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class BigCommerceCatalogInventoryTest {
    private BcSandbox bc;

    @BeforeEach
    void start(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
        bc.seedProduct("MUG-1", "12.50");
        bc.control(HttpMethod.POST, "/_sandbox/products", new JsonObject().put("sku", "TEE").put("name", "Tee")
                .put("price", "20").put("variants", new JsonArray()
                        .add(new JsonObject().put("sku", "TEE-S").put("options", new JsonObject().put("Size", "S")))
                        .add(new JsonObject().put("sku", "TEE-M").put("price", "22"))));
        bc.control(HttpMethod.POST, "/_sandbox/customers", new JsonArray()
                .add(new JsonObject().put("email", "jane@example.com").put("first_name", "Jane"))
                .add(new JsonObject().put("email", "john@example.com")));
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    private HttpResponse<Buffer> adjust(String kind, JsonObject... items) {
        return bc.api(kind.equals("absolute") ? HttpMethod.PUT : HttpMethod.POST, "/v3/inventory/adjustments/" + kind,
                new JsonObject().put("reason", "test").put("items", new JsonArray(java.util.List.of((Object[]) items))));
    }

    private static JsonObject item(String sku, int qty) {
        return new JsonObject().put("location_id", 1).put("sku", sku).put("quantity", qty);
    }

    @Test
    void productsVariantsAndCustomersAreFoundBySkuAndEmail() {
        JsonObject page = bc.get("/v3/catalog/products?sku=MUG-1").bodyAsJsonObject();
        assertThat(page.getJsonArray("data")).hasSize(1);
        assertThat(page.getJsonArray("data").getJsonObject(0).getDouble("price")).isEqualTo(12.5);
        assertThat(page.getJsonObject("meta").getJsonObject("pagination").getInteger("total")).isEqualTo(1);
        assertThat(bc.get("/v3/catalog/products?sku:in=MUG-1,TEE").bodyAsJsonObject().getJsonArray("data")).hasSize(2);
        assertThat(bc.get("/v3/catalog/products?sku=NOPE").bodyAsJsonObject().getJsonArray("data")).isEmpty();
        JsonObject variant = bc.get("/v3/catalog/variants?sku=TEE-M").bodyAsJsonObject().getJsonArray("data").getJsonObject(0);
        assertThat(variant.getDouble("price")).isEqualTo(22.0);
        JsonArray customers = bc.get("/v3/customers?email:in=jane@example.com,nobody@example.com")
                .bodyAsJsonObject().getJsonArray("data");
        assertThat(customers).hasSize(1);
        assertThat(customers.getJsonObject(0).getString("first_name")).isEqualTo("Jane");
    }

    @Test
    void relativeBeforeAbsoluteIsRefusedThenAdjustmentsAccumulate() {
        HttpResponse<Buffer> early = adjust("relative", item("MUG-1", 3));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(early.bodyAsJsonObject().getString("title")).contains("requires absolute adjustment before relative");

        HttpResponse<Buffer> abs = adjust("absolute", item("MUG-1", 10), item("TEE-S", 4));
        assertThat(abs.statusCode()).isEqualTo(200);
        assertThat(abs.bodyAsJsonObject().getString("transaction_id")).isNotBlank();
        assertThat(adjust("relative", item("MUG-1", -3)).statusCode()).isEqualTo(200);
        // A batch with one unknown item is rejected whole.
        assertThat(adjust("relative", item("MUG-1", 100), item("GHOST", 1)).statusCode()).isEqualTo(422);

        JsonArray items = bc.get("/v3/inventory/items?sku:in=MUG-1,TEE-S").bodyAsJsonObject().getJsonArray("data");
        assertThat(items).hasSize(2);
        JsonObject mug = items.stream().map(JsonObject.class::cast)
                .filter(i -> i.getJsonObject("identity").getString("sku").equals("MUG-1")).findFirst().orElseThrow();
        assertThat(mug.getJsonArray("locations").getJsonObject(0).getInteger("total_inventory_onhand")).isEqualTo(7);
        JsonArray levels = bc.control(HttpMethod.GET, "/_sandbox/inventory", null).bodyAsJsonArray();
        assertThat(levels.stream().map(JsonObject.class::cast).filter(l -> l.getString("sku").equals("TEE-S"))
                .findFirst().orElseThrow().getInteger("on_hand")).isEqualTo(4);
        assertThat(bc.get("/v3/catalog/products?sku=TEE").bodyAsJsonObject().getJsonArray("data").getJsonObject(0)
                .getInteger("inventory_level")).isEqualTo(4);
    }

    @Test
    void productTrackedByVariantCannotBeAdjustedByProductIdAndUnknownLocationIsRefused() {
        int teeId = bc.get("/v3/catalog/products?sku=TEE").bodyAsJsonObject().getJsonArray("data").getJsonObject(0).getInteger("id");
        HttpResponse<Buffer> r = adjust("absolute", new JsonObject().put("location_id", 1).put("product_id", teeId).put("quantity", 1));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.bodyAsJsonObject().getString("title")).contains("tracked by variant");
        assertThat(adjust("absolute", new JsonObject().put("location_id", 9).put("sku", "MUG-1").put("quantity", 1))
                .statusCode()).isEqualTo(422);
    }

    @Test
    void generatorProducesRealisticDeterministicOrders() {
        // Both runs start from an empty store, so the generator seeds the same built-in catalog.
        bc.control(HttpMethod.POST, "/_sandbox/reset", null);
        JsonObject gen = bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 40).put("seed", 3))
                .bodyAsJsonObject();
        assertThat(gen.getInteger("created")).isEqualTo(40);
        JsonArray orders = bc.control(HttpMethod.GET, "/_sandbox/orders", null).bodyAsJsonArray();
        assertThat(orders).hasSize(40);
        long distinctCustomers = orders.stream().map(o -> ((JsonObject) o).getValue("customer_id")).distinct().count();
        assertThat(distinctCustomers).isLessThan(40);
        assertThat(orders.stream().map(JsonObject.class::cast).allMatch(o -> {
            int lines = o.getJsonArray("products").size();
            return lines >= 1 && lines <= 9;
        })).isTrue();
        assertThat(orders.stream().anyMatch(o -> !((JsonObject) o).getJsonArray("coupons").isEmpty())).isTrue();

        // Same seed on a fresh store: same customers, lines and totals.
        bc.control(HttpMethod.POST, "/_sandbox/reset", null);
        bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 40).put("seed", 3));
        JsonArray again = bc.control(HttpMethod.GET, "/_sandbox/orders", null).bodyAsJsonArray();
        for (int i = 0; i < 40; i++) {
            assertThat(again.getJsonObject(i).getString("total_inc_tax")).isEqualTo(orders.getJsonObject(i).getString("total_inc_tax"));
            assertThat(again.getJsonObject(i).getValue("customer_id")).isEqualTo(orders.getJsonObject(i).getValue("customer_id"));
            assertThat(again.getJsonObject(i).getJsonArray("products").size())
                    .isEqualTo(orders.getJsonObject(i).getJsonArray("products").size());
        }
    }

    @Test
    void repeatCustomersMostlyKeepTheAddressOfTheirPreviousOrder() {
        bc.control(HttpMethod.POST, "/_sandbox/reset", null);
        JsonArray keep = generate(new JsonObject().put("count", 300).put("seed", 5).put("repeatRate", 0.6));
        int[] kept = repeatOrders(keep);
        // About 85% (the default addressChangeRate is 0.15) of repeat orders reuse the previous address.
        assertThat(kept[1]).isGreaterThan(100);
        assertThat((double) kept[0] / kept[1]).isBetween(0.75, 0.95);

        // Same seed on a fresh store: the same addresses, order by order.
        bc.control(HttpMethod.POST, "/_sandbox/reset", null);
        JsonArray again = generate(new JsonObject().put("count", 300).put("seed", 5).put("repeatRate", 0.6));
        for (int i = 0; i < keep.size(); i++) {
            assertThat(again.getJsonObject(i).getJsonObject("billing_address"))
                    .isEqualTo(keep.getJsonObject(i).getJsonObject("billing_address"));
        }

        // The memory spans calls (a benchmark generates in batches): rate 0 keeps every address, 1 changes it.
        int[] always = repeatOrders(generate(new JsonObject().put("count", 200).put("seed", 6).put("repeatRate", 0.6)
                .put("addressChangeRate", 0)));
        assertThat(always[0]).isEqualTo(always[1]).isGreaterThan(50);
        int[] never = repeatOrders(generate(new JsonObject().put("count", 200).put("seed", 7).put("repeatRate", 0.6)
                .put("addressChangeRate", 1)));
        assertThat(never[1]).isGreaterThan(50);
        assertThat(never[0]).isLessThan(never[1] / 20);

        assertThat(bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 1)
                .put("addressChangeRate", 1.5)).statusCode()).isEqualTo(400);
    }

    @Test
    void aPoolsOrdersComeBackOnlyAsItsOwnCustomers() {
        bc.control(HttpMethod.POST, "/_sandbox/reset", null);
        JsonArray first = generate(new JsonObject().put("count", 200).put("seed", 8).put("repeatRate", 0.6));
        java.util.Set<String> defaultEmails = emails(first, 0, first.size());
        JsonArray all = generate(new JsonObject().put("count", 400).put("seed", 9).put("repeatRate", 0.6).put("pool", "warm-up"));
        java.util.Set<String> pooled = emails(all, first.size(), all.size());
        // Most of the pool's orders come from a returning customer, yet none from a default-pool one.
        assertThat(pooled).hasSizeBetween(120, 240).allMatch(e -> e.contains(".warm-up."));
        assertThat(pooled).doesNotContainAnyElementsOf(defaultEmails);
        // And the default pool does not come back as the pool's customers.
        all = generate(new JsonObject().put("count", 200).put("seed", 10).put("repeatRate", 0.6));
        assertThat(emails(all, first.size() + 400, all.size())).doesNotContainAnyElementsOf(pooled)
                .containsAnyElementsOf(defaultEmails);

        assertThat(bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 1)
                .put("pool", "Not A Name")).statusCode()).isEqualTo(400);
        assertThat(bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 1)
                .put("pool", 7)).statusCode()).isEqualTo(400);
    }

    private static java.util.Set<String> emails(JsonArray orders, int from, int to) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = from; i < to; i++) {
            out.add(orders.getJsonObject(i).getJsonObject("billing_address").getString("email"));
        }
        return out;
    }

    /** Generates and answers every order of the store so far (snapshots, in id order). */
    private JsonArray generate(JsonObject request) {
        assertThat(bc.control(HttpMethod.POST, "/_sandbox/generate-orders", request).statusCode()).isEqualTo(201);
        return bc.control(HttpMethod.GET, "/_sandbox/orders", null).bodyAsJsonArray();
    }

    /**
     * Over the orders of customers who ordered before (in id order), {kept, total}: kept counts those whose
     * billing address (name, street, city, phone...) and shipping address both equal the previous order's.
     * Only the last 200 orders are counted when the store holds more, so each call judges its own batch.
     */
    private static int[] repeatOrders(JsonArray orders) {
        java.util.Map<Object, JsonObject> last = new java.util.HashMap<>();
        int kept = 0;
        int total = 0;
        int from = Math.max(0, orders.size() - 200);
        for (int i = 0; i < orders.size(); i++) {
            JsonObject o = orders.getJsonObject(i);
            JsonObject billing = o.getJsonObject("billing_address").copy();
            billing.remove("form_fields");
            JsonObject previous = last.put(o.getValue("customer_id"), billing);
            if (previous == null || i < from) continue;
            total++;
            JsonObject shipping = o.getJsonArray("shipping_addresses").getJsonObject(0);
            boolean same = billing.equals(previous);
            for (String f : billing.fieldNames()) {
                same &= String.valueOf(billing.getValue(f)).equals(String.valueOf(shipping.getValue(f)));
            }
            if (same) kept++;
        }
        return new int[]{kept, total};
    }
}
