package dev.junction.flowtests;

import dev.junction.hub.Hub;
import dev.junction.hub.config.HubConfig;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A real hub in this JVM, the five connectors loaded from the plugin zips the reactor built, and the five
 * simulators on free loopback ports. Tests drive the simulators through their {@code /_sandbox} control
 * routes and Brightpearl's own API (as a person in Brightpearl would), and look at the hub's store.
 */
final class FlowHub implements AutoCloseable {
    static final List<String> PLUGINS = List.of("brightpearl", "bigcommerce", "shiphero", "starshipit", "dropstream");
    static final String BP_ACCOUNT = "junctiondemo";
    static final String ADMIN_TOKEN = "flow-tests-admin-token";
    private static final Duration CALL = Duration.ofSeconds(20);

    final Vertx vertx;
    final Sandbox sandbox;
    final WebClient http;
    Hub hub;

    private FlowHub(Vertx vertx, Sandbox sandbox) {
        this.vertx = vertx;
        this.sandbox = sandbox;
        this.http = WebClient.create(vertx);
    }

    /** Starts the simulators (no rate limits: these tests are about flows, not budgets). */
    static FlowHub sandbox() throws Exception {
        Vertx vertx = Vertx.vertx();
        Sandbox sandbox = Sandbox.start(vertx, new Sandbox.Settings(0, 42, false, Duration.ofSeconds(1), 200, 150))
                .await(30, TimeUnit.SECONDS);
        return new FlowHub(vertx, sandbox);
    }

    /** The plugin zip of one connector module, as built into this build's output folder. */
    static Path pluginZip(String name) {
        String root = System.getProperty("junction.flowtests.pluginsRoot");
        String buildDir = System.getProperty("junction.flowtests.buildDir", "target");
        String version = System.getProperty("junction.flowtests.version");
        Path zip = root == null || version == null ? null
                : Path.of(root, name, buildDir, "junction-plugin-" + name + "-" + version + ".zip");
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new IllegalStateException("plugin zip of '" + name + "' not found at " + zip
                    + ": run through Maven with -am so the reactor builds the connectors first");
        }
        return zip;
    }

    // ---- the hub ----

    /** Connections to the Brightpearl and BigCommerce simulators, as config/demo/hub.yaml has them. */
    JsonArray connections() {
        return new JsonArray()
                .add(new JsonObject().put("id", "brightpearl").put("connector", "brightpearl").put("settings", new JsonObject()
                        .put("baseUrl", bpUrl()).put("accountId", BP_ACCOUNT).put("authMode", "private-app")
                        .put("appRef", "junction-sandbox").put("accountToken", "sandbox-account-token")))
                .add(new JsonObject().put("id", "store").put("connector", "bigcommerce").put("settings", new JsonObject()
                        .put("baseUrl", bcUrl() + "/stores/abc123").put("storeHash", "abc123")
                        .put("accessToken", "sandbox-token")));
    }

    /** Starts the hub with these flows and mapping tables, and waits until its webhooks are registered. */
    Hub startHub(Path dir, JsonArray flows, JsonObject mappingTables) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String name : PLUGINS) {
            Files.copy(pluginZip(name), plugins.resolve(name + ".zip"), StandardCopyOption.REPLACE_EXISTING);
        }
        JsonObject config = new JsonObject()
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                .put("pluginsDir", "plugins")
                .put("adminToken", ADMIN_TOKEN)
                .put("registerWebhooks", true)
                .put("connections", connections())
                .put("flows", flows)
                .put("mappingTables", mappingTables);
        Path file = dir.resolve("hub.json");
        Files.writeString(file, config.encodePrettily());
        Map<String, String> env = env();
        hub = new Hub(vertx, HubConfig.load(file, env), env, Clock.systemUTC()).start().await(60, TimeUnit.SECONDS);
        for (var f : hub.engine().flows()) {
            if (!f.running()) {
                throw new IllegalStateException("flow " + f.config().id() + " is not running: " + f.bindError());
            }
        }
        // Registration runs after start; webhook tests are meaningless until both remotes call this hub back.
        Await.until("BigCommerce hooks registered to the hub", Duration.ofSeconds(20),
                () -> bcHooks().stream().map(o -> (JsonObject) o)
                        .filter(h -> h.getString("destination", "").startsWith(hub.publicUrl())).count() >= 3);
        Await.until("Brightpearl webhooks registered to the hub", Duration.ofSeconds(20),
                () -> bcGetArray(bpUrl() + "/_sandbox/webhooks").stream().map(o -> (JsonObject) o)
                        .filter(h -> h.getString("uriTemplate", "").startsWith(hub.publicUrl())).count() >= 3);
        return hub;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("JUNCTION_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        return env;
    }

    List<SyncRecord> records(String flowId) {
        return await(hub.store().records(new RecordQuery(flowId, null, null, null, null, 0, 10_000)));
    }

    long count(String flowId, SyncStatus status) {
        return await(hub.store().count(new RecordQuery(flowId, status, null, null, null, 0, 0)));
    }

    /** No record of the flow waiting or in flight. */
    boolean idle(String flowId) {
        return count(flowId, SyncStatus.PENDING) == 0 && count(flowId, SyncStatus.IN_PROGRESS) == 0;
    }

    String describe(String flowId) {
        StringBuilder sb = new StringBuilder();
        for (SyncRecord r : records(flowId)) {
            sb.append("\n  ").append(r.sourceId()).append(' ').append(r.status()).append(' ').append(r.message());
        }
        return sb.toString();
    }

    JsonObject runNow(String flowId) {
        return await(hub.engine().runNow(flowId));
    }

    JsonObject reconcile(String flowId, Duration window) {
        return await(hub.engine().reconcile(flowId, window));
    }

    // ---- simulators ----

    String bpUrl() {
        return sandbox.baseUrl("brightpearl");
    }

    String bcUrl() {
        return sandbox.baseUrl("bigcommerce");
    }

    JsonArray bcHooks() {
        return bcGetArray(bcUrl() + "/_sandbox/hooks");
    }

    /** Seeds products in both catalogues; returns Brightpearl product id by SKU. */
    Map<String, Long> seedProducts(Map<String, String> pricesBySku, JsonObject stockByWarehouse) {
        JsonArray store = new JsonArray();
        JsonArray back = new JsonArray();
        pricesBySku.forEach((sku, price) -> {
            store.add(new JsonObject().put("sku", sku).put("name", "Product " + sku).put("price", price).put("weight", "0.5"));
            back.add(new JsonObject().put("sku", sku).put("name", "Product " + sku).put("price", price).put("weight", "0.5")
                    .put("PCF_HSCODE", "6109.10").put("PCF_COUNTRYO", "PT").put("stock", stockByWarehouse.copy()));
        });
        send(HttpMethod.POST, bcUrl() + "/_sandbox/products", store, 201);
        Object created = send(HttpMethod.POST, bpUrl() + "/_sandbox/products", new JsonObject().put("items", back), 200);
        Map<String, Long> ids = new HashMap<>();
        for (Object o : (JsonArray) created) {
            JsonObject p = (JsonObject) o;
            ids.put(p.getJsonObject("identity").getString("sku"), p.getLong("id"));
        }
        return ids;
    }

    /** Places a paid (Awaiting Fulfillment) store order; returns its id. */
    int placeOrder(String email, Map<String, Integer> qtyBySku, Map<String, String> pricesBySku) {
        JsonArray products = new JsonArray();
        qtyBySku.forEach((sku, qty) -> products.add(new JsonObject().put("sku", sku).put("quantity", qty)
                .put("price_ex_tax", pricesBySku.get(sku)).put("price_inc_tax", pricesBySku.get(sku))));
        JsonObject billing = new JsonObject().put("first_name", "Ada").put("last_name", "Lovelace")
                .put("street_1", "12 Analytical Row").put("city", "Austin").put("state", "Texas").put("zip", "78701")
                .put("country", "United States").put("country_iso2", "US").put("email", email).put("phone", "5550100");
        JsonObject order = new JsonObject().put("status_id", 11).put("billing_address", billing).put("products", products)
                .put("shipping_cost_ex_tax", "5.00").put("shipping_cost_inc_tax", "5.00").put("shipping_method", "Standard Shipping");
        JsonObject created = (JsonObject) send(HttpMethod.POST, bcUrl() + "/_sandbox/orders", order, 201);
        return created.getInteger("id");
    }

    JsonObject bcOrder(int id) {
        return (JsonObject) send(HttpMethod.GET, bcUrl() + "/_sandbox/orders/" + id, null, 200);
    }

    /** The webhook events the store raised about this order, with this scope. */
    List<JsonObject> bcEvents(String scope, int orderId) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : bcGetArray(bcUrl() + "/_sandbox/webhooks/events")) {
            JsonObject e = (JsonObject) o;
            JsonObject data = e.getJsonObject("payload").getJsonObject("data", new JsonObject());
            if (scope.equals(e.getString("scope")) && Integer.valueOf(orderId).equals(data.getInteger("id"))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Delivery attempts of one store webhook event to the hub. */
    List<JsonObject> bcDeliveries(long eventId) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : bcGetArray(bcUrl() + "/_sandbox/webhooks/deliveries")) {
            JsonObject d = (JsonObject) o;
            if (d.getLong("event_id") == eventId && d.getString("destination", "").startsWith(hub.publicUrl())) {
                out.add(d);
            }
        }
        return out;
    }

    void bcFaults(JsonObject faults) {
        send(HttpMethod.PUT, bcUrl() + "/_sandbox/faults", faults, 200);
    }

    /** Brightpearl sales orders the hub created for a source idempotency key. */
    List<JsonObject> bpOrdersByExternalRef(String externalRef) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : bcGetArray(bpUrl() + "/_sandbox/orders")) {
            JsonObject order = (JsonObject) o;
            if (externalRef.equals(order.getString("externalRef"))) {
                out.add(order);
            }
        }
        return out;
    }

    JsonObject bpOrder(long id) {
        return (JsonObject) send(HttpMethod.GET, bpUrl() + "/_sandbox/orders/" + id, null, 200);
    }

    List<JsonObject> bpGoodsOutNotes(long orderId) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : bcGetArray(bpUrl() + "/_sandbox/goods-out-notes")) {
            JsonObject g = (JsonObject) o;
            if (g.getLong("orderId") == orderId) {
                out.add(g);
            }
        }
        return out;
    }

    void bpOptions(JsonObject options) {
        send(HttpMethod.PUT, bpUrl() + "/_sandbox/options", options, 200);
    }

    /** A call to Brightpearl's public API with the private app's credentials; the {@code response} it answers. */
    Object bpApi(HttpMethod method, String path, Object body) {
        HttpRequest<Buffer> req = http.requestAbs(method, bpUrl() + "/public-api/" + BP_ACCOUNT + path)
                .putHeader("brightpearl-app-ref", "junction-sandbox")
                .putHeader("brightpearl-account-token", "sandbox-account-token");
        HttpResponse<Buffer> resp = await(body == null ? req.send()
                : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(Json.encode(body))));
        if (resp.statusCode() / 100 != 2) {
            throw new AssertionError("Brightpearl " + method + " " + path + " answered " + resp.statusCode() + ": " + resp.bodyAsString());
        }
        String text = resp.bodyAsString();
        return text == null || text.isBlank() ? null : new JsonObject(text).getValue("response");
    }

    // ---- plumbing ----

    JsonArray bcGetArray(String url) {
        Object v = send(HttpMethod.GET, url, null, 200);
        return v instanceof JsonArray a ? a : new JsonArray();
    }

    Object send(HttpMethod method, String url, Object body, int expected) {
        HttpRequest<Buffer> req = http.requestAbs(method, url);
        HttpResponse<Buffer> resp = await(body == null ? req.send()
                : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(Json.encode(body))));
        if (resp.statusCode() != expected && !(expected == 200 && resp.statusCode() / 100 == 2)) {
            throw new AssertionError(method + " " + url + " answered " + resp.statusCode() + ": " + resp.bodyAsString());
        }
        String text = resp.bodyAsString();
        return text == null || text.isBlank() ? null : Json.decodeValue(text);
    }

    static <T> T await(Future<T> f) {
        try {
            return f.await(CALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (hub != null) {
                hub.stop().await(30, TimeUnit.SECONDS);
            }
            sandbox.stop().await(20, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }

    /** Polls until a condition holds or the deadline passes. */
    static final class Await {
        private Await() {
        }

        static void until(String what, Duration timeout, Supplier<Boolean> condition) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Throwable last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (Boolean.TRUE.equals(condition.get())) {
                        return;
                    }
                } catch (RuntimeException | AssertionError e) {
                    last = e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for: " + what);
                }
            }
            AssertionError err = new AssertionError("timed out after " + timeout + " waiting for: " + what);
            if (last != null) {
                err.initCause(last);
            }
            throw err;
        }
    }

    static JsonObject flow(String id, String entity, JsonObject source, JsonObject sink, JsonObject triggers) {
        return new JsonObject().put("id", id).put("entity", entity).put("source", source).put("sink", sink)
                .put("triggers", triggers).put("concurrency", 4)
                .put("retry", new JsonObject().put("maxAttempts", 5).put("base", "PT0.2S").put("max", "PT1S"));
    }

    static JsonObject endpoint(String connection, String stream, JsonObject options) {
        return new JsonObject().put("connection", connection).put("stream", stream).put("options", options);
    }

    /** The demo's store-orders flow (webhook; sweep and reconciliation are run by hand in the tests). */
    static JsonObject storeOrdersFlow(boolean resyncOnChange) {
        return flow("store-orders", "order",
                endpoint("store", "orders", new JsonObject().put("statuses", "11")),
                endpoint("brightpearl", "sales-orders", new JsonObject().put("channelId", 1).put("warehouseId", 2)
                        .put("priceListId", 2).put("initialStatus", "New")),
                new JsonObject().put("webhook", true))
                .put("resyncOnChange", resyncOnChange);
    }

    static JsonObject table(Map<String, String> entries, String defaultValue) {
        JsonObject t = new JsonObject().put("entries", new JsonObject(new HashMap<>(entries)));
        if (defaultValue != null) {
            t.put("default", defaultValue);
        }
        return t;
    }
}
