package dev.junction.plugin.bigcommerce.testing;

import dev.junction.sandbox.bigcommerce.BigCommerceOptions;
import dev.junction.sandbox.bigcommerce.BigCommerceSimulator;
import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The BigCommerce simulator behind a {@link RecordingProxy}, with helpers for its {@code /_sandbox} control
 * API (seeding orders and products, reading what the connector wrote).
 */
public final class Sandbox {

    public static final String STORE = "abc123";
    public static final String TOKEN = "sandbox-token";

    private final SimulatorServer server;
    private final RecordingProxy proxy = new RecordingProxy();
    private final WebClient web;
    private String proxyUrl;

    private Sandbox(Vertx vertx, int quota) {
        this.server = new SimulatorServer(new BigCommerceSimulator(
                new BigCommerceOptions(STORE, TOKEN, 42, quota)), 42);
        this.web = WebClient.create(vertx);
    }

    public static Sandbox start(Vertx vertx, int quota) throws Exception {
        Sandbox s = new Sandbox(vertx, quota);
        s.server.start(vertx, 0).await(20, TimeUnit.SECONDS);
        s.proxyUrl = s.proxy.start(vertx, s.server.baseUrl()).await(20, TimeUnit.SECONDS);
        return s;
    }

    public void stop() throws Exception {
        proxy.stop().await(10, TimeUnit.SECONDS);
        server.stop().await(10, TimeUnit.SECONDS);
    }

    /** The simulator itself, for its fault knobs and control routes. */
    public String simulatorUrl() {
        return server.baseUrl();
    }

    /** Connection settings through the recording proxy. */
    public JsonObject settings() {
        return new JsonObject().put("storeHash", STORE).put("accessToken", TOKEN).put("baseUrl", proxyUrl + "/stores/" + STORE);
    }

    public RecordingProxy proxy() {
        return proxy;
    }

    /** Creates an order through the control API; answers its full snapshot (products, addresses, coupons). */
    public JsonObject createOrder(JsonObject body) throws Exception {
        return post("/_sandbox/orders", body);
    }

    public List<String> createOrders(int count) throws Exception {
        JsonArray bodies = new JsonArray();
        for (int i = 0; i < count; i++) {
            bodies.add(simpleOrder("SKU-" + (i % 3), 1));
        }
        HttpResponse<Buffer> r = control("POST", "/_sandbox/orders", bodies);
        List<String> ids = new ArrayList<>();
        r.bodyAsJsonArray().forEach(o -> ids.add(String.valueOf(((JsonObject) o).getValue("id"))));
        return ids;
    }

    public JsonObject post(String path, Object body) throws Exception {
        return control("POST", path, body).bodyAsJsonObject();
    }

    public JsonObject get(String path) throws Exception {
        return control("GET", path, null).bodyAsJsonObject();
    }

    public JsonArray list(String path) throws Exception {
        return control("GET", path, null).bodyAsJsonArray();
    }

    public void put(String path, JsonObject body) throws Exception {
        control("PUT", path, body);
    }

    private HttpResponse<Buffer> control(String method, String path, Object body) throws Exception {
        var req = web.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), server.baseUrl() + path);
        HttpResponse<Buffer> r = (body == null ? req.send() : req.sendBuffer(Buffer.buffer(io.vertx.core.json.Json.encode(body))))
                .await(20, TimeUnit.SECONDS);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.bodyAsString());
        }
        return r;
    }

    /** A one-line order of a custom product, as a store would take it. */
    public static JsonObject simpleOrder(String sku, int quantity) {
        return new JsonObject()
                .put("billing_address", TestOrders.address("Jane", "Doe", "", "555 East Street", "Austin", "Texas", "78108",
                        "US", "jane@example.com", "1234567890").put("country", "United States"))
                .put("products", new JsonArray().add(new JsonObject().put("name", "Widget " + sku).put("sku", sku)
                        .put("quantity", quantity).put("price_ex_tax", "10.00").put("price_inc_tax", "10.83")))
                .put("shipping_cost_ex_tax", "5.00").put("shipping_cost_inc_tax", "5.41");
    }
}
