package dev.junction.plugin.starshipit.support;

import dev.junction.api.model.Address;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Money;
import dev.junction.api.model.Party;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SourceRef;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.plugin.starshipit.StarshipitConnector;
import dev.junction.sandbox.core.SimulatorServer;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import dev.junction.sandbox.starshipit.StarshipitSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The Starshipit simulator on a loopback port, the hub's real connection services, and helpers to drive the
 * simulated merchant (print labels, courier updates) and to build fulfilments as the Brightpearl side makes them.
 */
public final class SimHarness implements AutoCloseable {
    public final Vertx vertx;
    public final SimulatorServer server;
    public final TestConnections services;
    private final WebClient web;
    private final StarshipitConnector connector = new StarshipitConnector();

    private SimHarness(Vertx vertx, SimulatorServer server, TestConnections services) {
        this.vertx = vertx;
        this.server = server;
        this.services = services;
        this.web = WebClient.create(vertx);
    }

    /** A simulator with the given options; test services with a 30 s request timeout. */
    public static SimHarness start(StarshipitOptions options) throws Exception {
        Vertx vertx = Vertx.vertx();
        SimulatorServer server = await(new SimulatorServer(new StarshipitSimulator(options), options.seed()).start(vertx, 0));
        return new SimHarness(vertx, server, TestConnections.create(vertx));
    }

    /** A simulator on someone else's Vert.x and services (the conformance kit's); close stops only the simulator. */
    public static SimHarness on(Vertx vertx, StarshipitOptions options) throws Exception {
        SimulatorServer server = await(new SimulatorServer(new StarshipitSimulator(options), options.seed()).start(vertx, 0));
        return new SimHarness(vertx, server, null);
    }

    /** Settings that work against the simulator, with a budget high enough that tests are not slowed. */
    public JsonObject settings() {
        return new JsonObject().put("apiKey", StarshipitOptions.DEFAULT_API_KEY)
                .put("subscriptionKey", StarshipitOptions.DEFAULT_SUBSCRIPTION_KEY)
                .put("baseUrl", server.baseUrl()).put("requestsPerSecond", 50);
    }

    public ConnectionHandlers handlers(String connectionId, JsonObject settings) {
        return services.register(connector, services.context(connector, connectionId, settings));
    }

    public StarshipitConnector connector() {
        return connector;
    }

    public void reset() throws Exception {
        control(HttpMethod.POST, "/_sandbox/reset", null);
    }

    /** Every order the simulator holds. */
    public List<JsonObject> orders() throws Exception {
        JsonArray all = (JsonArray) Json.decodeValue(control(HttpMethod.GET, "/_sandbox/orders", null));
        return all.stream().map(JsonObject.class::cast).toList();
    }

    public List<JsonObject> ordersWithReference(String reference) throws Exception {
        return orders().stream().filter(o -> reference.equals(o.getString("reference"))).toList();
    }

    /** The merchant prints the label of the order with this id or number; answers the label response. */
    public JsonObject print(String ref) throws Exception {
        return new JsonObject(control(HttpMethod.POST, "/_sandbox/orders/" + ref + "/print", new JsonObject()));
    }

    /** A courier update on a printed order (fires the tracking webhook). */
    public JsonObject track(String ref, String status) throws Exception {
        return new JsonObject(control(HttpMethod.POST, "/_sandbox/orders/" + ref + "/track", new JsonObject().put("status", status)));
    }

    public void webhook(String url, String secret) throws Exception {
        control(HttpMethod.PUT, "/_sandbox/webhook", new JsonObject().put("url", url).put("secret", secret));
    }

    public JsonObject stats() throws Exception {
        return new JsonObject(control(HttpMethod.GET, "/_sandbox/stats", null));
    }

    /** Creates an order through the real API, as another integration or the merchant would. */
    public JsonObject createOrder(String number, String reference) throws Exception {
        JsonObject order = new JsonObject().put("order_number", number).put("reference", reference).put("carrier", "AusPost")
                .put("destination", new JsonObject().put("name", "Seed Person").put("street", "1 George St")
                        .put("suburb", "Sydney").put("state", "NSW").put("post_code", "2000").put("country", "AU"))
                .put("items", new JsonArray().add(new JsonObject().put("description", "Widget").put("sku", "W-1").put("quantity", 1)));
        var resp = await(web.postAbs(server.baseUrl() + "/api/orders")
                .putHeader("StarShipIT-Api-Key", StarshipitOptions.DEFAULT_API_KEY)
                .putHeader("Ocp-Apim-Subscription-Key", StarshipitOptions.DEFAULT_SUBSCRIPTION_KEY)
                .sendJsonObject(new JsonObject().put("order", order)));
        if (resp.statusCode() != 200) {
            throw new AssertionError("create order " + number + ": " + resp.bodyAsString());
        }
        return resp.bodyAsJsonObject().getJsonObject("order");
    }

    private String control(HttpMethod method, String path, JsonObject body) throws Exception {
        var req = web.requestAbs(method, server.baseUrl() + path);
        var resp = await(body == null ? req.send() : req.sendJsonObject(body));
        if (resp.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + resp.statusCode() + " " + resp.bodyAsString());
        }
        return resp.bodyAsString();
    }

    // ------------------------------------------------------------------------------ canonical records

    public static Party delivery(String postCode) {
        return new Party("Jo", "Bloggs", null, "jo@example.test", "0400 000 000",
                new Address("1 George St", "Level 2", "Sydney", "NSW", postCode, "AU"));
    }

    public static FulfilmentLine line(String rowId, String sku, String qty, String unit, String weight, String hs, String origin) {
        return new FulfilmentLine(rowId, sku, "Product " + sku, new BigDecimal(qty), Money.of(unit, "AUD"),
                weight == null ? null : new BigDecimal(weight), hs, origin);
    }

    /** Order mode: the whole Brightpearl order, id = order id. */
    public static Fulfilment order(String orderId, String reference, String postCode, List<FulfilmentLine> lines) {
        return new Fulfilment(orderId, orderId, reference, "2", "Express", delivery(postCode), lines,
                Instant.parse("2026-05-01T09:00:00Z"), Money.of("60.00", "AUD"), "jo@example.test");
    }

    /** GON mode: one goods-out note of an order. */
    public static Fulfilment note(String gonId, String orderId, String reference, String warehouse, List<FulfilmentLine> lines) {
        return new Fulfilment(gonId, orderId, reference, warehouse, "Express", delivery("2000"), lines,
                Instant.parse("2026-05-01T09:00:00Z"), Money.of("60.00", "AUD"), "jo@example.test");
    }

    /** A write as the hub makes it from Brightpearl connection {@code bp}: key {@code bp:<fulfilment id>}. */
    public static SinkRequest<Fulfilment> request(Fulfilment f, int attempt) {
        return new SinkRequest<>(f, new SourceRef("bp", "goods-out-notes", f.id()), "bp:" + f.id(), Optional.empty(),
                new JsonObject(), attempt);
    }

    public static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    public static Throwable failureOf(Future<?> f) throws Exception {
        try {
            await(f);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the call to fail, but it succeeded");
    }

    @Override
    public void close() throws Exception {
        await(server.stop());
        if (services != null) {
            services.close();
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }
}
