package dev.junction.sandbox.brightpearl;

import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts a real simulator on a free loopback port per test and offers blocking HTTP helpers. */
@ExtendWith(VertxExtension.class)
abstract class BrightpearlTestSupport {
    protected Vertx vertx;
    protected SimulatorServer server;
    protected BrightpearlSimulator sim;
    protected WebClient client;
    protected BrightpearlOptions opts;

    /** Tests override to change the options; the default has no throttle so tests do not interfere. */
    protected BrightpearlOptions options() {
        return BrightpearlOptions.defaults().withRequestsPerMinute(0);
    }

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.opts = options();
        this.sim = new BrightpearlSimulator(opts);
        this.server = await(new SimulatorServer(sim, opts.seed()).start(vertx, 0));
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    }

    @AfterEach
    void stopServer() throws Exception {
        await(server.stop());
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String api(String path) {
        return "/public-api/" + opts.accountCode() + path;
    }

    HttpRequest<Buffer> raw(HttpMethod method, String path) {
        return client.request(method, server.port(), "127.0.0.1", path);
    }

    /** An API request with private-app headers. */
    HttpRequest<Buffer> req(HttpMethod method, String path) {
        return raw(method, api(path)).putHeader("brightpearl-app-ref", opts.appRef())
                .putHeader("brightpearl-account-token", opts.accountToken());
    }

    HttpResponse<Buffer> get(String path) throws Exception {
        return await(req(HttpMethod.GET, path).send());
    }

    HttpResponse<Buffer> send(HttpMethod method, String path, Object body) throws Exception {
        HttpRequest<Buffer> r = req(method, path);
        return await(body == null ? r.send() : r.putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode())));
    }

    HttpResponse<Buffer> control(HttpMethod method, String path, Object body) throws Exception {
        HttpRequest<Buffer> r = raw(method, "/_sandbox" + path);
        return await(body == null ? r.send() : r.sendBuffer(Buffer.buffer(body.toString())));
    }

    JsonObject okJson(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    HttpResponse<Buffer> form(String path, Map<String, String> fields) throws Exception {
        MultiMap m = MultiMap.caseInsensitiveMultiMap();
        fields.forEach(m::add);
        return await(raw(HttpMethod.POST, path).sendForm(m));
    }

    // ---- seeding through the control API ----

    long seedProduct(String sku, Map<String, Integer> stock) throws Exception {
        JsonObject s = new JsonObject();
        stock.forEach(s::put);
        HttpResponse<Buffer> r = control(HttpMethod.POST, "/products", new JsonObject().put("sku", sku)
                .put("name", "Product " + sku).put("price", "10.00").put("weight", "0.5")
                .put("PCF_HSCODE", "6109.10").put("PCF_COUNTRYO", "PT").put("stock", s));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getLong("id");
    }

    long seedContact(String email) throws Exception {
        HttpResponse<Buffer> r = control(HttpMethod.POST, "/contacts", new JsonObject().put("firstName", "Ada")
                .put("lastName", "Lovelace").put("email", email).put("address", new JsonObject()
                        .put("addressLine1", "1 Main St").put("addressLine3", "Springfield")
                        .put("postalCode", "12345").put("countryIsoCode", "USA")));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getLong("contactId");
    }

    JsonObject salesOrder(long customerId, String externalRef, Object... productQty) {
        JsonArray rows = new JsonArray();
        for (int i = 0; i < productQty.length; i += 2) {
            rows.add(new JsonObject().put("productId", productQty[i]).put("quantity", String.valueOf(productQty[i + 1]))
                    .put("taxCode", "T").put("net", "10.00").put("tax", "2.00"));
        }
        return new JsonObject().put("customer", new JsonObject().put("id", customerId)).put("ref", "WEB-" + externalRef)
                .put("externalRef", externalRef).put("installedIntegrationInstanceId", 3).put("statusId", 1)
                .put("warehouseId", 2).put("channelId", 1).put("delivery", new JsonObject().put("shippingMethodId", 1))
                .put("rows", rows);
    }

    long createOrder(JsonObject body) throws Exception {
        return okJson(send(HttpMethod.POST, "/order-service/sales-order", body)).getLong("response");
    }

    /** Polls until {@code condition} holds or the deadline passes (no fixed sleeps as assertions). */
    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
