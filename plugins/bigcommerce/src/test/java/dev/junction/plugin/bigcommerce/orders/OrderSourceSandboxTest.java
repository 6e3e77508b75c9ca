package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.model.LineType;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.bigcommerce.BigCommerceConnector;
import dev.junction.plugin.bigcommerce.mapping.OrderMapper;
import dev.junction.plugin.bigcommerce.testing.ContractValidator;
import dev.junction.plugin.bigcommerce.testing.RecordingProxy;
import dev.junction.plugin.bigcommerce.testing.Sandbox;
import dev.junction.plugin.bigcommerce.testing.TestMapping;
import dev.junction.plugin.bigcommerce.testing.TestOrders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many calls an order costs and that the embedded consignments give the mapper exactly what the three
 * sub-resources gave: the same products (order, ids, {@code order_address_id}), the same delivery address
 * and shipping method, the same coupons, so the same canonical order to the cent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderSourceSandboxTest {

    private Vertx vertx;
    private Sandbox sandbox;
    private TestConnections services;
    private SourceHandler orders;
    private SourceHandler statusChanges;
    private Instant since;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx, 100_000);
        services = TestConnections.create(vertx);
        HubConnectionContext ctx = services.context(new BigCommerceConnector(), "bc", sandbox.settings());
        ConnectionHandlers handlers = services.register(new BigCommerceConnector(), ctx);
        orders = handlers.source("orders").orElseThrow();
        statusChanges = handlers.source("order-status-changes").orElseThrow();
        since = Instant.now().minus(Duration.ofMinutes(10));
        // The benchmark's mix: repeat customers, coupons and free shipping, gift wrap and gift certificates,
        // manual discounts, foreign currencies.
        JsonObject generated = sandbox.post("/_sandbox/generate-orders", new JsonObject().put("count", 120).put("seed", 11)
                .put("repeatRate", 0.6));
        assertThat(generated.getInteger("created")).isEqualTo(120);
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.stop();
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFetchCostsTheOrderWithItsConsignmentsAndItsCouponsAndMapsAsTheSubResourcesDid() throws Exception {
        JsonArray all = sandbox.list("/_sandbox/orders");
        int mark = sandbox.proxy().requests().size();
        for (Object o : all) {
            JsonObject snapshot = (JsonObject) o;
            String id = String.valueOf(snapshot.getValue("id"));
            SourceRecord record = await(orders.fetch(id, new JsonObject())).orElseThrow();
            assertSameAsSubResources(snapshot, record.payload());
        }
        Map<String, Long> calls = calls(mark);
        assertThat(calls).containsOnlyKeys("GET /v2/orders/{id}", "GET /v2/orders/{id}/coupons");
        assertThat(calls.get("GET /v2/orders/{id}")).isEqualTo(all.size());
        assertThat(calls.get("GET /v2/orders/{id}/coupons")).isEqualTo(all.size());
        // Every order of the mix carried what the check above compares.
        assertThat(all.stream().map(JsonObject.class::cast).filter(s -> !s.getJsonArray("coupons").isEmpty())).isNotEmpty();
        assertThat(all.stream().map(JsonObject.class::cast).filter(s -> s.getJsonArray("products").stream()
                .anyMatch(p -> "giftcertificate".equals(((JsonObject) p).getString("type"))))).isNotEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aFullPollReadsProductsAndAddressesFromTheListAndOnlyCouponsPerOrder() throws Exception {
        int mark = sandbox.proxy().requests().size();
        List<SourcePage> pages = poll(orders, false);
        List<SourceRecord> records = pages.stream().flatMap(p -> p.records().stream()).toList();
        assertThat(records).hasSize(120);
        assertThat(pages).allSatisfy(p -> assertThat(p.listed()).isFalse());
        Map<String, Long> calls = calls(mark);
        assertThat(calls).containsOnlyKeys("GET /v2/orders", "GET /v2/orders/{id}/coupons");
        assertThat(calls.get("GET /v2/orders/{id}/coupons")).isEqualTo(120);
        assertThat(calls.get("GET /v2/orders")).isEqualTo(pages.size());

        Map<String, JsonObject> snapshots = snapshots();
        for (SourceRecord r : records) {
            assertSameAsSubResources(snapshots.get(r.id()), r.payload());
            SourceRecord fetched = await(orders.fetch(r.id(), new JsonObject())).orElseThrow();
            assertThat(r.payload()).isEqualTo(fetched.payload());
            assertThat(r.version()).isEqualTo(fetched.version());
        }
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aListOnlyPollCostsTheListCallsAloneWithTheSameIdsVersionsAndTimes() throws Exception {
        List<SourceRecord> full = poll(orders, false).stream().flatMap(p -> p.records().stream()).toList();
        int mark = sandbox.proxy().requests().size();
        List<SourcePage> pages = poll(orders, true);
        Map<String, Long> calls = calls(mark);
        assertThat(calls).containsOnlyKeys("GET /v2/orders");
        assertThat(calls.get("GET /v2/orders")).isEqualTo(pages.size());
        assertThat(pages).allSatisfy(p -> assertThat(p.listed()).isTrue());
        // The listing asks for no consignments: the hub keeps only ids and versions from it.
        assertThat(sandbox.proxy().requests().subList(mark, sandbox.proxy().requests().size()))
                .allSatisfy(r -> assertThat(r.query().contains("include")).isFalse());

        List<SourceRecord> listed = pages.stream().flatMap(p -> p.records().stream()).toList();
        assertThat(listed).extracting(SourceRecord::id).containsExactlyElementsOf(full.stream().map(SourceRecord::id).toList());
        for (int i = 0; i < listed.size(); i++) {
            SourceRecord l = listed.get(i);
            SourceRecord f = full.get(i);
            assertThat(l.entityKey()).isEqualTo(f.entityKey());
            assertThat(l.version()).isEqualTo(f.version());
            assertThat(l.modifiedAt()).isEqualTo(f.modifiedAt());
            // The listed order itself: its sub-resources are still links.
            assertThat(l.payload().getValue("products")).isInstanceOf(JsonObject.class);
            assertThat(l.payload().getString("total_inc_tax")).isEqualTo(f.payload().getString("total_inc_tax"));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void theStatusStreamPagesAreCompleteRecordsEvenWhenOnlyAListingWasAskedFor() throws Exception {
        List<SourcePage> listOnly = poll(statusChanges, true);
        List<SourcePage> full = poll(statusChanges, false);
        assertThat(listOnly).allSatisfy(p -> assertThat(p.listed()).isFalse());
        List<SourceRecord> a = listOnly.stream().flatMap(p -> p.records().stream()).toList();
        List<SourceRecord> b = full.stream().flatMap(p -> p.records().stream()).toList();
        assertThat(a).hasSize(120).containsExactlyElementsOf(b);
        assertThat(a.get(0).version()).contains("|status:11");
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void anAddressTheConsignmentsDoNotAccountForIsReadFromShippingAddresses() throws Exception {
        // Two shipping addresses, all items to the first: the second is no consignment, so the count is short.
        JsonObject body = Sandbox.simpleOrder("TWO-ADDR", 1).put("shipping_addresses", new JsonArray()
                .add(TestOrders.address("Trish", "Smith", "", "666 Sussex St", "Dallas", "Texas", "75201", "US", "t@example.com", "5"))
                .add(TestOrders.address("Bob", "Smith", "", "1 Elm St", "Austin", "Texas", "78701", "US", "b@example.com", "6")));
        JsonObject created = sandbox.createOrder(body);
        String id = String.valueOf(created.getValue("id"));
        int mark = sandbox.proxy().requests().size();
        SourceRecord record = await(orders.fetch(id, new JsonObject())).orElseThrow();
        assertThat(calls(mark)).containsOnlyKeys("GET /v2/orders/{id}", "GET /v2/orders/{id}/shipping_addresses",
                "GET /v2/orders/{id}/coupons");
        assertThat(record.payload().getJsonArray("shipping_addresses")).isEqualTo(created.getJsonArray("shipping_addresses"));
        assertSameAsSubResources(created, record.payload());
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void couponsAreReadEvenWhenTheOrderReportsNoCouponDiscount() throws Exception {
        // BigCommerce does not document what coupon_discount sums; here the free-shipping coupon is not in it.
        JsonObject body = Sandbox.simpleOrder("FREE-SHIP", 2).put("coupon_discount", "0").put("total_inc_tax", "21.66")
                .put("coupons", new JsonArray().add(new JsonObject().put("code", "FREESHIP").put("type", 4).put("discount", 5.41)));
        String id = String.valueOf(sandbox.createOrder(body).getValue("id"));
        SourceRecord record = await(orders.fetch(id, new JsonObject())).orElseThrow();

        Order order = new OrderMapper().map(record.payload(), TestMapping.none());
        assertThat(order.lines()).filteredOn(l -> l.type() == LineType.COUPON).extracting(OrderLine::name)
                .containsExactly("Coupon FREESHIP");
        assertThat(order.lines()).filteredOn(l -> l.type() == LineType.SHIPPING).singleElement()
                .satisfies(l -> assertThat(l.gross().amount()).isEqualByComparingTo("0"));
        assertThat(order.lines()).extracting(OrderLine::type).doesNotContain(LineType.RECONCILIATION);
        assertThat(order.linesTotal().amount()).isEqualByComparingTo("21.66");
        // Without the coupons the same order would need a reconciliation line: the call is not optional.
        Order without = new OrderMapper().map(record.payload().copy().put("coupons", new JsonArray()), TestMapping.none());
        assertThat(without.lines()).extracting(OrderLine::type).contains(LineType.RECONCILIATION).doesNotContain(LineType.COUPON);
    }

    @Test
    @org.junit.jupiter.api.Order(100)
    void everyRequestSentMatchesBigCommercesOpenApiContracts() {
        List<RecordingProxy.Recorded> requests = sandbox.proxy().requests();
        assertThat(requests).anySatisfy(r -> assertThat(r.query().get("include")).isEqualTo("consignments.line_items"));
        assertThat(new ContractValidator(Sandbox.STORE).problems(requests)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /** The mapper sees the same order from the consignments as from /products, /shipping_addresses and /coupons. */
    private static void assertSameAsSubResources(JsonObject snapshot, JsonObject payload) {
        assertThat(payload.getJsonArray("products")).isEqualTo(snapshot.getJsonArray("products"));
        assertThat(payload.getJsonArray("coupons")).isEqualTo(snapshot.getJsonArray("coupons"));
        assertThat(payload.containsKey("consignments")).isFalse();
        JsonArray mine = payload.getJsonArray("shipping_addresses");
        JsonArray theirs = snapshot.getJsonArray("shipping_addresses");
        assertThat(mine.size()).isEqualTo(theirs.size());
        for (int i = 0; i < mine.size(); i++) {
            JsonObject a = mine.getJsonObject(i).copy();
            JsonObject b = theirs.getJsonObject(i).copy();
            // The quotes link points at the consignment's quotes rather than the address's: the same quotes.
            a.remove("shipping_quotes");
            b.remove("shipping_quotes");
            assertThat(a).isEqualTo(b);
        }
        JsonObject old = snapshot.copy();
        old.remove("shipments");
        assertThat(new OrderMapper().map(payload, TestMapping.none())).isEqualTo(new OrderMapper().map(old, TestMapping.none()));
        assertThat(new OrderMapper().map(payload, new TestMapping(new JsonObject().put("primaryAddress", "billing"))))
                .isEqualTo(new OrderMapper().map(old, new TestMapping(new JsonObject().put("primaryAddress", "billing"))));
    }

    private Map<String, JsonObject> snapshots() throws Exception {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (Object o : sandbox.list("/_sandbox/orders")) {
            out.put(String.valueOf(((JsonObject) o).getValue("id")), (JsonObject) o);
        }
        return out;
    }

    /** Requests since {@code mark} per route template ("GET /v2/orders/{id}/coupons"). */
    private Map<String, Long> calls(int mark) {
        List<RecordingProxy.Recorded> all = sandbox.proxy().requests();
        return all.subList(mark, all.size()).stream().collect(Collectors.groupingBy(
                r -> r.method() + " " + r.path().replaceFirst("^/stores/[^/]+", "").replaceAll("/\\d+(?=/|$)", "/{id}"),
                Collectors.counting()));
    }

    /** Every page of a poll, 50 records a page as the hub asks. */
    private List<SourcePage> poll(SourceHandler source, boolean listOnly) throws Exception {
        List<SourcePage> pages = new ArrayList<>();
        String token = null;
        do {
            SourcePage page = await(source.poll(new PollRequest(since, null, token, 50, new JsonObject(), listOnly)));
            pages.add(page);
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return pages;
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
