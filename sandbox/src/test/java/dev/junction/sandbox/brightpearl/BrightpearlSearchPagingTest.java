package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client needs to keep its own copy of a catalogue or contact list (contract §5, §9, §10): chosen
 * {@code columns}, {@code pageSize}/{@code firstResult} paging with {@code metaData.morePagesAvailable},
 * {@code sort}, and {@code updatedOn} PERIOD filters ({@code from/to}, either end open) that see creations and
 * changes; and indexed exact filters answering exactly as a scan would.
 */
class BrightpearlSearchPagingTest extends BrightpearlTestSupport {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-01T10:00:00Z"));

    @Override
    protected BrightpearlOptions options() {
        return BrightpearlOptions.defaults().withRequestsPerMinute(0).withClock(new SettableClock(now));
    }

    private JsonObject search(String path) throws Exception {
        return okJson(get(path)).getJsonObject("response");
    }

    private static List<Object> column(JsonObject response, String name) {
        int i = BrightpearlOrderContractTest.indexOf(response.getJsonObject("metaData").getJsonArray("columns"), name);
        List<Object> out = new ArrayList<>();
        response.getJsonArray("results").forEach(r -> {
            Object v = ((JsonArray) r).getValue(i);
            out.add(v instanceof Number n ? (Object) n.longValue() : v);
        });
        return out;
    }

    @Test
    void productSearchPagesThroughChosenColumnsInIdOrder() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ids.add(seedProduct("PAGE-" + i, Map.of()));
        }
        List<Object> seen = new ArrayList<>();
        int first = 1;
        int pages = 0;
        boolean more;
        do {
            JsonObject r = search("/product-service/product-search?columns=productId,SKU&sort=productId|ASC&pageSize=3&firstResult=" + first);
            JsonObject meta = r.getJsonObject("metaData");
            assertThat(meta.getJsonArray("columns")).hasSize(2);
            assertThat(r.getJsonArray("results").getJsonArray(0)).hasSize(2);
            assertThat(meta.getInteger("resultsAvailable")).isEqualTo(7);
            seen.addAll(column(r, "productId"));
            more = meta.getBoolean("morePagesAvailable");
            first = meta.getInteger("lastResult") + 1;
            pages++;
        } while (more);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids.stream().map(Object.class::cast).toList());

        JsonObject desc = search("/product-service/product-search?columns=productId&sort=productId.DESC&pageSize=2");
        assertThat(column(desc, "productId")).containsExactly(ids.get(6), ids.get(5));
        assertThat(desc.getJsonObject("metaData").getBoolean("morePagesAvailable")).isTrue();
        assertThat(get("/product-service/product-search?columns=productId,nope").statusCode()).isEqualTo(400);
    }

    @Test
    void updatedOnPeriodsSeeCreatedAndChangedProducts() throws Exception {
        long a = seedProduct("UPD-A", Map.of());
        now.set(Instant.parse("2026-07-01T10:05:00Z"));
        long b = seedProduct("UPD-B", Map.of());
        assertThat(column(search("/product-service/product-search?updatedOn=2026-07-01T10:01:00Z/&columns=productId"), "productId"))
                .containsExactly(b);

        now.set(Instant.parse("2026-07-01T10:10:00Z"));
        control(HttpMethod.POST, "/products", new JsonObject().put("sku", "UPD-A").put("name", "Renamed A"));
        assertThat(column(search("/product-service/product-search?updatedOn=2026-07-01T10:06:00Z/&columns=productId,SKU"), "productId"))
                .as("a product replaced later is a changed product").containsExactly(a);
        now.set(Instant.parse("2026-07-01T10:12:00Z"));
        send(HttpMethod.PATCH, "/product-service/product/" + b + "/custom-field", new JsonArray().add(new JsonObject()
                .put("op", "add").put("path", "/PCF_HSCODE").put("value", "1234")));
        assertThat(column(search("/product-service/product-search?updatedOn=2026-07-01T10:11:00Z/"), "productId")).containsExactly(b);

        // both ends included; an open start; creation times unchanged by updates
        assertThat(column(search("/product-service/product-search?updatedOn=2026-07-01T10:05:00Z/2026-07-01T10:10:00Z"), "productId"))
                .containsExactly(a);
        assertThat(column(search("/product-service/product-search?updatedOn=/2026-07-01T10:09:00Z"), "productId")).isEmpty();
        assertThat(column(search("/product-service/product-search?createdOn=2026-07-01T10:01:00Z/"), "productId")).containsExactly(b);
    }

    @Test
    void updatedOnPeriodsSeeCreatedAndChangedContacts() throws Exception {
        long ann = seedContact("ann@example.com");
        now.set(Instant.parse("2026-07-01T10:05:00Z"));
        long bob = okJson(send(HttpMethod.POST, "/contact-service/contact", new JsonObject().put("firstName", "Bob")
                .put("lastName", "B").put("communication", new JsonObject().put("emails", new JsonObject()
                        .put("PRI", new JsonObject().put("email", "bob@example.com")))))).getLong("response");
        String recent = "/contact-service/contact-search?updatedOn=2026-07-01T10:01:00Z/&columns=contactId,primaryEmail,updatedOn&sort=contactId|ASC";
        assertThat(column(search(recent), "contactId")).containsExactly(bob);

        now.set(Instant.parse("2026-07-01T10:07:00Z"));
        send(HttpMethod.PATCH, "/contact-service/contact/" + ann, new JsonArray().add(new JsonObject().put("op", "replace")
                .put("path", "/communication/emails/PRI/email").put("value", "ann.new@example.com")));
        JsonObject r = search(recent);
        assertThat(column(r, "contactId")).containsExactly(ann, bob);
        assertThat(column(r, "primaryEmail")).containsExactly("ann.new@example.com", "bob@example.com");
        assertThat(column(r, "updatedOn").get(0).toString()).startsWith("2026-07-01T");

        now.set(Instant.parse("2026-07-01T10:09:00Z"));
        long addr = okJson(send(HttpMethod.POST, "/contact-service/postal-address", new JsonObject().put("addressLine1", "9 Elm")
                .put("countryIsoCode", "USA"))).getLong("response");
        send(HttpMethod.PUT, "/contact-service/contact/" + bob + "/postal-address",
                new JsonArray().add(new JsonObject().put("postalAddressId", addr)));
        assertThat(column(search("/contact-service/contact-search?updatedOn=2026-07-01T10:08:00Z/"), "contactId"))
                .as("a new address is a change of the contact").containsExactly(bob);
    }

    @Test
    void aPeriodFilterNeedsTheFromToForm() throws Exception {
        var bare = get("/product-service/product-search?updatedOn=2026-07-01T00:00:00Z");
        assertThat(bare.statusCode()).isEqualTo(500);
        assertThat(bare.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("CMNC-018");
        assertThat(get("/contact-service/contact-search?updatedOn=/").statusCode()).isEqualTo(500);
        assertThat(get("/contact-service/contact-search?updatedOn=2026-07-01T00:00:00Z/").statusCode()).isEqualTo(200);
    }

    @Test
    void indexedExactFiltersAnswerAsAScanWould() throws Exception {
        long red = seedProduct("Idx-Red", Map.of());
        long blue = seedProduct("IDX-BLUE", Map.of());
        assertThat(column(search("/product-service/product-search?SKU=idx-red"), "productId")).containsExactly(red);
        assertThat(column(search("/product-service/product-search?SKU=IDX-RED&productId=" + blue), "productId")).isEmpty();
        assertThat(column(search("/product-service/product-search?productId=" + blue + "," + red + ",999999"), "productId"))
                .containsExactly(red, blue);
        assertThat(column(search("/product-service/product-search?SKU=IDX"), "productId")).isEmpty();

        long customer = seedContact("idx@example.com");
        assertThat(column(search("/contact-service/contact-search?contactId=" + customer), "contactId")).containsExactly(customer);
        long one = createOrder(salesOrder(customer, "Ext-1", red, 1));
        long other = createOrder(salesOrder(customer, "ext-1", blue, 1).put("installedIntegrationInstanceId", 4));
        assertThat(column(search("/order-service/order-search?externalRef=EXT-1"), "orderId")).containsExactly(one, other);
        assertThat(column(search("/order-service/order-search?externalRef=ext-1&installedIntegrationInstanceId=4"), "orderId"))
                .containsExactly(other);
        assertThat(column(search("/order-service/sales-order-search?externalRef=Ext-1&salesOrderId=" + one), "salesOrderId"))
                .containsExactly(one);
        assertThat(column(search("/order-service/order-search?externalRef=ext"), "orderId")).isEmpty();
    }
}
