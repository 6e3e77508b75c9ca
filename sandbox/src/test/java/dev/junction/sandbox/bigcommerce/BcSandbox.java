package dev.junction.sandbox.bigcommerce;

import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A running BigCommerce simulator on a loopback port plus a blocking client for tests. Tests run on the
 * JUnit thread, so {@code Future.await()} may block there.
 */
final class BcSandbox implements AutoCloseable {
    static final String HASH = "abc123";
    static final String TOKEN = "test-token";

    final Vertx vertx;
    final SimulatorServer server;
    final WebClient client;

    BcSandbox(Vertx vertx, int quota) {
        this(vertx, quota, List.of(20L, 40L, 80L));
    }

    BcSandbox(Vertx vertx, int quota, List<Long> webhookRetriesMs) {
        this.vertx = vertx;
        BigCommerceOptions options = new BigCommerceOptions(HASH, TOKEN, 7, quota, webhookRetriesMs);
        this.server = new SimulatorServer(new BigCommerceSimulator(options), 7);
        server.start(vertx, 0).await();
        this.client = WebClient.create(vertx);
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    /** An authenticated API call; {@code path} is relative to {@code /stores/{hash}}, e.g. {@code /v2/orders}. */
    HttpResponse<Buffer> api(HttpMethod method, String path, Object body) {
        var req = client.requestAbs(method, url("/stores/" + HASH + path)).putHeader("X-Auth-Token", TOKEN)
                .putHeader("X-Auth-Client", "ignored-client-id").putHeader("Accept", "application/json")
                // The v2 spec requires Content-Type even on some GETs; BigCommerce's own samples always send it.
                .putHeader("Content-Type", "application/json");
        return (body == null ? req.send() : req.sendBuffer(Buffer.buffer(body.toString()))).await();
    }

    HttpResponse<Buffer> get(String path) {
        return api(HttpMethod.GET, path, null);
    }

    HttpResponse<Buffer> control(HttpMethod method, String path, Object body) {
        var req = client.requestAbs(method, url(path));
        return (body == null ? req.send() : req.sendBuffer(Buffer.buffer(body.toString()))).await();
    }

    JsonObject seedProduct(String sku, String price) {
        return control(HttpMethod.POST, "/_sandbox/products",
                new JsonObject().put("sku", sku).put("name", "Product " + sku).put("price", price)).bodyAsJsonObject();
    }

    /** Seeds an order with two lines (2 x A, 1 x B), a coupon and a manual discount; returns its snapshot. */
    JsonObject seedOrder() {
        JsonObject address = new JsonObject().put("first_name", "Jane").put("last_name", "Doe").put("street_1", "1 Main St")
                .put("city", "Austin").put("state", "Texas").put("zip", "78751").put("country", "United States")
                .put("country_iso2", "US").put("email", "jane@example.com");
        JsonObject order = new JsonObject().put("customer_id", 11).put("billing_address", address)
                .put("shipping_addresses", new JsonArray().add(address))
                .put("shipping_cost_ex_tax", "10.00").put("shipping_cost_inc_tax", "11.00")
                .put("customer_message", "Leave at the door").put("currency_code", "EUR")
                .put("currency_exchange_rate", "0.92")
                .put("products", new JsonArray()
                        .add(new JsonObject().put("name", "Mug").put("sku", "MUG-1").put("quantity", 2)
                                .put("price_ex_tax", "10.00").put("price_inc_tax", "11.00")
                                .put("wrapping_name", "Gift box").put("wrapping_cost_ex_tax", "2.00")
                                .put("wrapping_message", "Happy birthday")
                                .put("applied_discounts", new JsonArray().add(new JsonObject().put("id", "1")
                                        .put("amount", "2.20").put("code", "SAVE10").put("name", "10% off"))))
                        .add(new JsonObject().put("name", "Poster").put("sku", "POS-1").put("quantity", 1)
                                .put("price_ex_tax", 5).put("price_inc_tax", 5.5)
                                .put("applied_discounts", new JsonArray().add(new JsonObject().put("amount", "0.50")))))
                .put("coupons", new JsonArray().add(new JsonObject().put("code", "SAVE10").put("type", 1)
                        .put("amount", 10).put("discount", "2.20")));
        HttpResponse<Buffer> r = control(HttpMethod.POST, "/_sandbox/orders", order);
        if (r.statusCode() != 201) throw new AssertionError("seeding failed: " + r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    /**
     * Seeds an order with two shipping addresses (the physical lines go to the first, as the simulator
     * models checkouts), a digital line and a gift certificate; returns its snapshot.
     */
    JsonObject seedMixedOrder() {
        JsonObject billing = new JsonObject().put("first_name", "Ann").put("last_name", "Lee").put("street_1", "9 Elm St")
                .put("city", "Portland").put("state", "Oregon").put("zip", "97201").put("country", "United States")
                .put("country_iso2", "US").put("phone", "555-0100").put("email", "ann@example.com");
        JsonObject second = billing.copy().put("first_name", "Bob").put("street_1", "1 Oak Ave").put("email", "bob@example.com");
        JsonObject order = new JsonObject().put("customer_id", 12).put("billing_address", billing)
                .put("shipping_addresses", new JsonArray().add(billing.copy().put("shipping_method", "UPS Ground")).add(second))
                .put("shipping_cost_ex_tax", "7.00").put("shipping_cost_inc_tax", "7.58")
                .put("products", new JsonArray()
                        .add(new JsonObject().put("name", "Lamp").put("sku", "LAMP-1").put("quantity", 2)
                                .put("price_ex_tax", "20.00").put("price_inc_tax", "21.65"))
                        .add(new JsonObject().put("name", "E-book").put("sku", "EBOOK-1").put("type", "digital")
                                .put("quantity", 1).put("price_ex_tax", "9.00"))
                        .add(new JsonObject().put("name", "Shade").put("sku", "SHADE-1").put("quantity", 1)
                                .put("price_ex_tax", "5.00").put("price_inc_tax", "5.41"))
                        .add(new JsonObject().put("name", "$25 Gift Certificate").put("type", "giftcertificate")
                                .put("quantity", 1).put("price_ex_tax", "25.00")));
        HttpResponse<Buffer> r = control(HttpMethod.POST, "/_sandbox/orders", order);
        if (r.statusCode() != 201) throw new AssertionError("seeding failed: " + r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    /** Polls until the condition holds or the deadline passes (no fixed sleeps). */
    static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.stop().await();
    }
}
