package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.brightpearl.BrightpearlConnector;
import dev.junction.sandbox.brightpearl.BrightpearlOptions;
import dev.junction.sandbox.brightpearl.BrightpearlSimulator;
import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Brightpearl simulator on a loopback port plus the hub's real connection services (rate-limited client,
 * in-memory store for links and state, mapping tables), shared by one test class. The simulator's clock is
 * the system clock plus {@link #shift}, so a test can place entities in time (go-live cut-offs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatorTestBase {
    protected Vertx vertx;
    protected SimulatorServer server;
    protected TestConnections services;
    protected WebClient web;
    protected BrightpearlOptions sim;
    protected final BrightpearlConnector connector = new BrightpearlConnector();
    /** Added to the simulator's clock. */
    protected final AtomicLong shift = new AtomicLong();

    /** The simulator's options; unlimited budget unless a test class is about the throttle. */
    protected BrightpearlOptions simOptions() {
        return BrightpearlOptions.defaults().withRequestsPerMinute(0);
    }

    /** Hook run after the services exist and before any connection opens (e.g. to size a limiter). */
    protected void beforeConnections() {
    }

    @BeforeAll
    void startSimulator() throws Exception {
        vertx = Vertx.vertx();
        sim = simOptions().withClock(new ShiftedClock(shift));
        server = new SimulatorServer(new BrightpearlSimulator(sim), sim.seed()).start(vertx, 0).await(10, TimeUnit.SECONDS);
        services = TestConnections.create(vertx, 10_000, "http://127.0.0.1:9");
        web = WebClient.create(vertx);
        beforeConnections();
    }

    @AfterAll
    void stopSimulator() throws Exception {
        server.stop().await(10, TimeUnit.SECONDS);
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    protected JsonObject settings() {
        return new JsonObject().put("baseUrl", server.baseUrl()).put("accountId", sim.accountCode())
                .put("authMode", "private-app").put("appRef", sim.appRef()).put("accountToken", sim.accountToken());
    }

    protected HubConnectionContext context(String connectionId) {
        return services.context(connector, connectionId, settings());
    }

    protected ConnectionHandlers handlers(HubConnectionContext ctx) {
        return services.register(connector, ctx);
    }

    protected ConnectionHandlers handlers(String connectionId) {
        return handlers(context(connectionId));
    }

    /** A control call ({@code /_sandbox/...}); fails the test unless it answers 2xx. Returns the decoded body. */
    protected Object control(HttpMethod method, String path, Object body) throws Exception {
        var req = web.requestAbs(method, server.baseUrl() + "/_sandbox" + path);
        var resp = (body == null ? req.send() : req.sendBuffer(io.vertx.core.buffer.Buffer.buffer(Json.encode(body))))
                .await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("%s %s: %s", method, path, resp.bodyAsString()).isLessThan(300);
        String text = resp.bodyAsString();
        return text == null || text.isBlank() ? null : Json.decodeValue(text);
    }

    protected JsonObject controlObject(HttpMethod method, String path, Object body) throws Exception {
        return (JsonObject) control(method, path, body);
    }

    protected JsonArray controlArray(String path) throws Exception {
        return (JsonArray) control(HttpMethod.GET, path, null);
    }

    protected long seedContact(String email) throws Exception {
        JsonObject c = controlObject(HttpMethod.POST, "/contacts", new JsonObject().put("email", email)
                .put("firstName", "Ada").put("lastName", "Lovelace"));
        return c.getLong("contactId");
    }

    /** A product with stock per warehouse id, e.g. {@code {"2": 5}}. */
    protected long seedProduct(String sku, JsonObject stock) throws Exception {
        return controlObject(HttpMethod.POST, "/products", new JsonObject().put("sku", sku).put("name", "Product " + sku)
                .put("stock", stock)).getLong("id");
    }

    /** Seeds a sales order for the customer with one row per product (quantity 1), from warehouse 2. */
    protected long seedOrder(long customerId, String ref, long... productIds) throws Exception {
        JsonArray rows = new JsonArray();
        for (long p : productIds) {
            rows.add(new JsonObject().put("productId", p).put("quantity", "1").put("net", "10.00").put("tax", "0.00"));
        }
        return controlObject(HttpMethod.POST, "/orders", new JsonObject().put("customer", new JsonObject().put("id", customerId))
                .put("ref", ref).put("warehouseId", 2).put("statusId", 1).put("rows", rows)).getLong("id");
    }

    /** Writes as the hub would for a record {@code sourceId} of connection "wms", with no link known yet. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static Future<SinkResult> sink(ConnectionHandlers h, String stream, Object record, String sourceId,
                                             JsonObject options) {
        SinkHandler handler = h.sink(stream).orElseThrow().handler();
        return (Future<SinkResult>) handler.write(new SinkRequest(record, new SourceRef("wms", stream, sourceId),
                "wms:" + sourceId, Optional.empty(), options, 1));
    }

    protected static SinkResult write(ConnectionHandlers h, String stream, Object record, String sourceId,
                                      JsonObject options) throws Exception {
        return await(sink(h, stream, record, sourceId, options));
    }

    protected static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    protected static Throwable failureOf(Future<?> f) throws Exception {
        try {
            f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the call to fail, but it succeeded");
    }

    /** Polls until {@code condition} holds or 10 s pass (no fixed sleeps as assertions). */
    protected static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** System time plus an adjustable offset. */
    public static final class ShiftedClock extends Clock {
        private final AtomicLong shiftMs;

        public ShiftedClock(AtomicLong shiftMs) {
            this.shiftMs = shiftMs;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(System.currentTimeMillis() + shiftMs.get());
        }
    }
}
