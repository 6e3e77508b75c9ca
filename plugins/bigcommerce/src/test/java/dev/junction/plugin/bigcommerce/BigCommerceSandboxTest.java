package dev.junction.plugin.bigcommerce;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.service.IdLink;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourceRecord;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.bigcommerce.mapping.OrderMapper;
import dev.junction.plugin.bigcommerce.testing.ContractValidator;
import dev.junction.plugin.bigcommerce.testing.Sandbox;
import dev.junction.plugin.bigcommerce.testing.TestOrders;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector's behaviour against the BigCommerce simulator through the hub's real connection services;
 * the last test checks every request sent during the class against BigCommerce's OpenAPI files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BigCommerceSandboxTest {

    private Vertx vertx;
    private Sandbox sandbox;
    private TestConnections services;
    private HubConnectionContext ctx;
    private ConnectionHandlers handlers;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx, 10_000);
        services = TestConnections.create(vertx);
        ctx = services.context(new BigCommerceConnector(), "bc", sandbox.settings());
        handlers = services.register(new BigCommerceConnector(), ctx);
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.stop();
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void polledOrderMapsToTheStoresTotalToTheCent() throws Exception {
        JsonObject body = Sandbox.simpleOrder("TSHIRT-BLK-M", 2)
                .put("shipping_addresses", new JsonArray().add(TestOrders.address("Trish", "Smith", "", "666 Sussex St",
                        "Dallas", "Texas", "75201", "US", "trish@example.com", "555").put("country", "United States")
                        .put("shipping_method", "UPS Ground")))
                .put("customer_message", "Leave at the back door").put("currency_code", "EUR").put("currency_exchange_rate", "0.92");
        body.getJsonArray("products").add(new JsonObject().put("name", "Mug").put("sku", "MUG-01").put("quantity", 3)
                .put("price_ex_tax", "3.33").put("price_inc_tax", "3.61").put("wrapping_name", "Gift box")
                .put("wrapping_cost_ex_tax", "2.00").put("wrapping_cost_inc_tax", "2.17").put("wrapping_message", "Happy birthday")
                .put("product_options", new JsonArray().add(new JsonObject().put("display_name", "Colour").put("display_value", "Blue"))));
        body.put("coupons", new JsonArray().add(new JsonObject().put("code", "SAVE10").put("type", 1).put("discount", 2.99))
                .add(new JsonObject().put("code", "FREESHIP").put("type", 4).put("discount", 5.41)));
        JsonObject created = sandbox.createOrder(body);
        String id = String.valueOf(created.getValue("id"));

        SourceRecord record = poll("orders", new JsonObject()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertThat(record.version()).isEqualTo(created.getString("date_modified"));
        Order order = new OrderMapper().map(record.payload(), mapping(new JsonObject()));

        assertThat(order.total().amount()).isEqualByComparingTo(created.getString("total_inc_tax"));
        assertThat(order.linesTotal().amount()).isEqualByComparingTo(created.getString("total_inc_tax"));
        assertThat(order.lines()).extracting(OrderLine::type).doesNotContain(LineType.RECONCILIATION)
                .contains(LineType.COUPON, LineType.GIFT_WRAP, LineType.SHIPPING);
        assertThat(order.lines()).filteredOn(l -> l.type() == LineType.SHIPPING).singleElement()
                .satisfies(l -> assertThat(l.gross().amount()).isEqualByComparingTo("0"));
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.giftMessage()).isEqualTo("Happy birthday");
        assertThat(order.shippingMethod()).isEqualTo("UPS Ground");
        assertThat(order.customer().email()).isEqualTo("jane@example.com");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void statusFilterKeepsPendingOrdersOutOfPollsAndFetches() throws Exception {
        JsonObject pending = sandbox.createOrder(Sandbox.simpleOrder("PEND-1", 1).put("status_id", 1));
        String id = String.valueOf(pending.getValue("id"));
        JsonObject paidOnly = new JsonObject().put("statuses", new JsonArray().add(11));

        assertThat(poll("orders", paidOnly)).extracting(SourceRecord::id).doesNotContain(id);
        assertThat(poll("orders", new JsonObject().put("statuses", "11,pending"))).extracting(SourceRecord::id).contains(id);
        SourceHandler source = handlers.source("orders").orElseThrow();
        assertThat(failure(source.fetch(id, paidOnly))).isInstanceOf(SkipException.class).hasMessageContaining("Pending");
        assertThat(await(source.fetch(id, new JsonObject()))).isPresent();
        assertThat(await(source.fetch("999999", new JsonObject()))).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void webhooksRegisterOnceAndTheStoresCallbacksAreVerified() throws Exception {
        CompletableFuture<WebhookRequest> callback = new CompletableFuture<>();
        HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
            callback.complete(new WebhookRequest(req.method().name(), req.path(), headers, req.params(), b));
            req.response().setStatusCode(200).end();
        }));
        int port = receiver.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
        String url = "http://127.0.0.1:" + port + "/webhooks/bc";
        WebhookHandler hooks = handlers.webhooks().orElseThrow();

        await(hooks.register(url));
        await(hooks.register(url));

        JsonArray registered = sandbox.list("/_sandbox/hooks");
        assertThat(registered).hasSize(3);
        String secret = await(ctx.state().get("webhook.secret")).orElseThrow();
        for (Object o : registered) {
            assertThat(((JsonObject) o).getJsonObject("headers").getString("X-Junction-Secret")).isEqualTo(secret);
        }

        JsonObject created = sandbox.createOrder(Sandbox.simpleOrder("HOOK-1", 1));
        WebhookVerdict verdict = await(hooks.receive(callback.get(20, TimeUnit.SECONDS)));
        assertThat(verdict).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(((WebhookVerdict.Accepted) verdict).events())
                .contains(WebhookEvent.thin("orders", String.valueOf(created.getValue("id"))));
        receiver.close();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void partialThenFinalShipmentAndReplaysDoNotDuplicate() throws Exception {
        JsonObject body = Sandbox.simpleOrder("BOOT-42", 2);
        body.getJsonArray("products").add(new JsonObject().put("name", "Laces").put("sku", "LACE-1").put("quantity", 1)
                .put("price_ex_tax", "2.00"));
        String orderId = String.valueOf(sandbox.createOrder(body).getValue("id"));
        // The hub linked BigCommerce order -> Brightpearl order 5001 when it imported it.
        await(ctx.links().put(new IdLink("order", "bc", orderId, "bp", "5001")));
        services.putMappingTable("shipping-providers", Map.of("UPS", "ups"), null);
        services.putMappingTable("carriers", Map.of("UPS", "ups"), null);
        SinkHandler<Shipment> sink = sink("shipments");

        Shipment first = new Shipment("GON-1", "GON-1", "5001", "BP-REF", "1", Instant.now(), List.of(new ShipmentPackage(
                "1ZFIRST", "UPS", "Ground", null, List.of(new ShipmentLine("BOOT-42", "r1", BigDecimal.ONE)))), false);
        SinkResult r1 = await(sink.write(request(first, "bp:GON-1")));
        assertThat(r1.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(r1.facts()).containsEntry("orderStatus", "Partially Shipped");

        JsonObject shipped = sandbox.get("/_sandbox/orders/" + orderId).getJsonArray("shipments").getJsonObject(0);
        assertThat(shipped.getString("tracking_number")).isEqualTo("1ZFIRST");
        assertThat(shipped.getString("shipping_provider")).isEqualTo("ups");
        assertThat(shipped.getString("tracking_carrier")).isEqualTo("ups");

        assertThat(await(sink.write(request(first, "bp:GON-1"))).outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);

        Shipment last = new Shipment("GON-2", "GON-2", "5001", "BP-REF", "1", Instant.now(), List.of(new ShipmentPackage(
                "1ZLAST", "UPS", "Ground", null, List.of(new ShipmentLine("boot-42", "r1", BigDecimal.ONE),
                new ShipmentLine("LACE-1", "r2", BigDecimal.ONE)))), true);
        SinkResult r2 = await(sink.write(request(last, "bp:GON-2")));
        assertThat(r2.facts()).containsEntry("orderStatus", "Shipped");
        assertThat(sandbox.get("/_sandbox/orders/" + orderId).getJsonArray("shipments")).hasSize(2);
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void backOfficeStatusIsMappedAndWrittenOnce() throws Exception {
        String orderId = String.valueOf(sandbox.createOrder(Sandbox.simpleOrder("ST-1", 1)).getValue("id"));
        services.putMappingTable("order-statuses", Map.of("Dispatched", "Completed"), null);
        SinkHandler<OrderStatusChange> sink = sink("order-status");
        OrderStatusChange change = new OrderStatusChange("BP-77", orderId, "Dispatched", Instant.now());

        assertThat(await(sink.write(request(change, "bp:77"))).outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
        assertThat(sandbox.get("/_sandbox/orders/" + orderId).getInteger("status_id")).isEqualTo(10);
        assertThat(await(sink.write(request(change, "bp:77"))).outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(failure(sink.write(request(new OrderStatusChange("BP-77", orderId, "On hold", Instant.now()), "bp:78"))))
                .isInstanceOf(SkipException.class);
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void stockIsSetAbsolutelyAndUnchangedLevelsAreSkipped() throws Exception {
        sandbox.post("/_sandbox/products", new JsonObject().put("name", "Stocked Widget").put("sku", "STOCK-1")
                .put("price", 10).put("type", "physical"));
        SinkHandler<InventoryLevel> sink = sink("inventory");
        InventoryLevel level = new InventoryLevel("STOCK-1", "WH1", BigDecimal.valueOf(12), BigDecimal.valueOf(9), Instant.now());

        assertThat(await(sink.write(request(level, "sh:STOCK-1"))).outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
        JsonArray levels = sandbox.list("/_sandbox/inventory");
        assertThat(levels).anySatisfy(l -> {
            JsonObject j = (JsonObject) l;
            assertThat(j.getString("sku")).isEqualTo("STOCK-1");
            assertThat(j.getInteger("on_hand")).isEqualTo(9);
        });
        assertThat(await(sink.write(request(level, "sh:STOCK-1"))).outcome()).isEqualTo(SinkResult.Outcome.SKIPPED);
        assertThat(failure(sink.write(request(new InventoryLevel("NOPE-1", "WH1", BigDecimal.ONE, BigDecimal.ONE,
                Instant.now()), "sh:NOPE-1")))).isInstanceOf(SkipException.class);
    }

    @Test
    @org.junit.jupiter.api.Order(100)
    void everyRequestSentMatchesBigCommercesOpenApiContracts() {
        var requests = sandbox.proxy().requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path().replaceAll("/\\d+", "/{id}"))
                .contains("GET /stores/abc123/v2/orders", "POST /stores/abc123/v2/orders/{id}/shipments",
                        "PUT /stores/abc123/v2/orders/{id}", "POST /stores/abc123/v3/hooks",
                        "PUT /stores/abc123/v3/inventory/adjustments/absolute");
        assertThat(new ContractValidator(Sandbox.STORE).problems(requests)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private List<SourceRecord> poll(String stream, JsonObject options) throws Exception {
        SourceHandler source = handlers.source(stream).orElseThrow();
        List<SourceRecord> all = new java.util.ArrayList<>();
        String token = null;
        do {
            var page = await(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(10)), null, token, 50, options)));
            all.addAll(page.records());
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return all;
    }

    @SuppressWarnings("unchecked")
    private <T> SinkHandler<T> sink(String stream) {
        return (SinkHandler<T>) handlers.sink(stream).orElseThrow().handler();
    }

    private static <T> SinkRequest<T> request(T record, String key) {
        return new SinkRequest<>(record, new SourceRef("bp", "test", key), key, Optional.empty(), new JsonObject(), 1);
    }

    private MappingContext mapping(JsonObject options) {
        MappingTables tables = ctx.mappings();
        return new MappingContext() {
            @Override
            public MappingTables tables() {
                return tables;
            }

            @Override
            public JsonObject options() {
                return options;
            }
        };
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static Throwable failure(Future<?> f) throws Exception {
        try {
            await(f);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}
