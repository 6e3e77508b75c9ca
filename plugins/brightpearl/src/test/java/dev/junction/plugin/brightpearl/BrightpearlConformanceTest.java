package dev.junction.plugin.brightpearl;

import dev.junction.api.CheckResult;
import dev.junction.api.Connector;
import dev.junction.api.model.Address;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.model.Party;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourcePage;
import dev.junction.conformance.ConnectorConformanceKit;
import dev.junction.sandbox.brightpearl.BrightpearlOptions;
import dev.junction.sandbox.brightpearl.BrightpearlSimulator;
import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlConformanceTest extends ConnectorConformanceKit {
    private final BrightpearlOptions sim = BrightpearlOptions.defaults().withRequestsPerMinute(0);
    private SimulatorServer server;
    private WebClient web;

    @Override
    protected Connector connector() {
        return new BrightpearlConnector();
    }

    @Override
    protected String startSimulator(Vertx vertx) throws Exception {
        server = new SimulatorServer(new BrightpearlSimulator(sim), 42).start(vertx, 0).await(10, TimeUnit.SECONDS);
        web = WebClient.create(vertx);
        return server.baseUrl();
    }

    @Override
    protected void stopSimulator() throws Exception {
        server.stop().await(10, TimeUnit.SECONDS);
    }

    @Override
    protected JsonObject goodSettings() {
        return new JsonObject().put("baseUrl", server.baseUrl()).put("accountId", sim.accountCode())
                .put("authMode", "private-app").put("appRef", sim.appRef()).put("accountToken", sim.accountToken());
    }

    @Override
    protected JsonObject badCredentialSettings() {
        return goodSettings().put("accountToken", "not-the-token-123");
    }

    @Override
    protected PollCase pollCase() {
        return new PollCase("orders", new JsonObject(), this::seedOrders);
    }

    @Override
    protected SinkCase sinkCase() {
        return new SinkCase("sales-orders", order("kit-1", "kit@example.com", List.of(product("1", "KIT-SKU", "1", "10.00", "1.00")),
                "11.00"), "kit-source:kit-1", () -> control("GET", "/_sandbox/orders", null).size());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private JsonArray control(String method, String path, JsonObject body) throws Exception {
        var req = web.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), server.baseUrl() + path);
        var resp = (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("%s %s: %s", method, path, resp.bodyAsString()).isLessThan(300);
        Object v = resp.bodyAsString() == null || resp.bodyAsString().isBlank() ? null : io.vertx.core.json.Json.decodeValue(resp.bodyAsString());
        if (v instanceof JsonArray a) {
            return a;
        }
        if (v instanceof JsonObject o && o.getValue("items") instanceof JsonArray a) {
            return a;
        }
        return v instanceof JsonObject o ? new JsonArray().add(o) : new JsonArray();
    }

    private List<String> seedOrders(int count) throws Exception {
        long contact = contactId(control("POST", "/_sandbox/contacts", new JsonObject().put("email", "seed@example.com")
                .put("firstName", "Seed").put("lastName", "Customer")).getJsonObject(0));
        JsonArray items = new JsonArray();
        for (int i = 0; i < count; i++) {
            items.add(new JsonObject().put("customer", new JsonObject().put("id", contact)).put("ref", "S" + i)
                    .put("rows", new JsonArray().add(new JsonObject().put("name", "Thing").put("quantity", "1").put("net", "5").put("tax", "0"))));
        }
        List<String> ids = new ArrayList<>();
        control("POST", "/_sandbox/orders", new JsonObject().put("items", items)).forEach(o -> ids.add(String.valueOf(((JsonObject) o).getValue("id"))));
        return ids;
    }

    private static long contactId(JsonObject c) {
        return Long.parseLong(String.valueOf(c.getValue("contactId", c.getValue("id"))));
    }

    static OrderLine product(String id, String sku, String qty, String net, String tax) {
        return new OrderLine(id, LineType.PRODUCT, sku, "Store name of " + sku, new BigDecimal(qty), Money.of(net, "USD"),
                Money.of(tax, "USD"), List.of(), null);
    }

    static Order order(String id, String email, List<OrderLine> lines, String total) {
        Party p = new Party("Ada", "Lovelace", null, email, "+1 555 0100",
                new Address("1 Engine St", null, "Springfield", "IL", "62701", "US"));
        return new Order(id, "#" + id, Instant.parse("2026-07-01T10:00:00Z"), "Awaiting Fulfillment", "USD", BigDecimal.ONE,
                p, p, p, lines, Money.of(total, "USD"), "Express Shipping", "Leave at the door", null, null, Map.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SinkResult write(String stream, Object record, String key, JsonObject options, Optional<String> linked) throws Exception {
        return write(stream, record, key, options, linked, 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SinkResult write(String stream, Object record, String key, JsonObject options, Optional<String> linked,
                             int attempt) throws Exception {
        SinkHandler handler = handlers(context("bp-sink", goodSettings())).sink(stream).orElseThrow().handler();
        return await((Future<SinkResult>) handler.write(new SinkRequest(record, new SourceRef("bc", "orders", key), "bc:" + key,
                linked, options, attempt)));
    }

    private JsonObject simOrder(String id) throws Exception {
        return control("GET", "/_sandbox/orders/" + id, null).getJsonObject(0);
    }

    // ------------------------------------------------------------------------------------------ auth modes

    @Test
    void staffUserAuthorisesAndReauthorisesOnceTheTokenExpires() throws Exception {
        JsonObject staff = new JsonObject().put("baseUrl", server.baseUrl()).put("accountId", sim.accountCode())
                .put("authMode", "staff").put("email", sim.staffEmail()).put("password", sim.staffPassword());
        var ctx = context("bp-staff", staff);
        assertThat(await(connector().check(ctx)).ok()).isTrue();
        control("POST", "/_sandbox/tokens/expire", new JsonObject());
        CheckResult again = await(connector().check(ctx));
        assertThat(again.ok()).as(again.reason()).isTrue();

        CheckResult bad = await(connector().check(context("bp-staff-bad", staff.copy().put("password", "wrong-password"))));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.reason()).contains("API user").contains(sim.staffEmail()).doesNotContain("wrong-password");
    }

    @Test
    void oauthCodeExchangeThenRefreshWhenTheAccessTokenExpires() throws Exception {
        JsonObject oauth = new JsonObject().put("baseUrl", server.baseUrl()).put("accountId", sim.accountCode())
                .put("authMode", "oauth").put("appRef", sim.appRef()).put("clientSecret", sim.clientSecret());
        var ctx = context("bp-oauth", oauth);
        BrightpearlConnector c = new BrightpearlConnector();
        assertThat(await(c.check(ctx)).ok()).as("not connected yet").isFalse();
        String redirect = "http://127.0.0.1:9/oauth/callback";
        String url = c.authorizeUrl(ctx, redirect, "st-1");
        var resp = web.getAbs(url).followRedirects(false).send().await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(302);
        String location = resp.getHeader("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        assertThat(location).contains("state=st-1");
        await(c.exchangeCode(ctx, java.net.URLDecoder.decode(code, java.nio.charset.StandardCharsets.UTF_8), redirect));
        assertThat(await(c.check(ctx)).ok()).isTrue();
        control("POST", "/_sandbox/tokens/expire", new JsonObject());
        CheckResult renewed = await(c.check(context("bp-oauth", oauth)));
        assertThat(renewed.ok()).as(renewed.reason()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ sales orders

    @Test
    void orderCreatedOnceAcrossACrashBetweenRemoteCreateAndLocalCommit() throws Exception {
        Order o = order("crash-1", "crash@example.com", List.of(product("1", "NOSKU", "1", "10.00", "0.00")), "10.00");
        SinkResult first = write("sales-orders", o, "crash-1", new JsonObject(), Optional.empty());
        assertThat(first.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        int count = control("GET", "/_sandbox/orders", null).size();
        // the hub crashed before committing the link: the same record comes again without linkedId, claimed a
        // second time (attempt 2), so the sink searches by externalRef before creating
        SinkResult again = write("sales-orders", o, "crash-1", new JsonObject(), Optional.empty(), 2);
        assertThat(again.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(again.remoteId()).isEqualTo(first.remoteId());
        assertThat(control("GET", "/_sandbox/orders", null).size()).isEqualTo(count);
        // even a repeat presented as a first attempt (search skipped) is caught by Brightpearl's unique externalRef
        SinkResult firstAgain = write("sales-orders", o, "crash-1", new JsonObject(), Optional.empty(), 1);
        assertThat(firstAgain.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(firstAgain.remoteId()).isEqualTo(first.remoteId());
        assertThat(control("GET", "/_sandbox/orders", null).size()).isEqualTo(count);
        SinkResult linked = write("sales-orders", o, "crash-1", new JsonObject(), Optional.of(first.remoteId()));
        assertThat(linked.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
    }

    @Test
    void knownCustomerIsReusedAndNotUpdatedWhenUpdatesAreBlocked() throws Exception {
        JsonObject seeded = control("POST", "/_sandbox/contacts", new JsonObject().put("email", "Grace@Example.com")
                .put("firstName", "Grace").put("lastName", "Hopper")).getJsonObject(0);
        control("POST", "/_sandbox/contacts", new JsonObject().put("email", "grace@example.com.au").put("firstName", "Other").put("lastName", "Person"));
        int contacts = control("GET", "/_sandbox/contacts", null).size();
        Order o = order("reuse-1", "grace@example.com", List.of(product("1", "NOSKU", "1", "10.00", "0.00")), "10.00");
        SinkResult r = write("sales-orders", o, "reuse-1", new JsonObject().put("blockContactUpdates", true), Optional.empty());
        assertThat(r.facts()).containsEntry("contactId", String.valueOf(contactId(seeded))).containsEntry("contact", "reused");
        assertThat(control("GET", "/_sandbox/contacts", null).size()).isEqualTo(contacts);
        JsonObject after = control("GET", "/_sandbox/contacts", null).stream().map(JsonObject.class::cast)
                .filter(c -> contactId(c) == contactId(seeded)).findFirst().orElseThrow();
        assertThat(after.getString("firstName")).isEqualTo("Grace");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void customerCommentsAndStaffNotesGoWhereTheMerchantMapsThem() throws Exception {
        control("POST", "/_sandbox/products", new JsonObject().put("sku", "NOTE-1").put("name", "Noted"));
        Order base = order("notes-1", "notes@example.com", List.of(product("1", "NOTE-1", "1", "10.00", "0.00")), "10.00");
        Order o = new Order(base.sourceId(), base.reference(), base.placedAt(), base.status(), base.currency(),
                base.exchangeRate(), base.customer(), base.billing(), base.delivery(), base.lines(), base.total(),
                base.shippingMethod(), "Ring twice", "VIP customer", null, Map.of());
        SinkResult toNotes = write("sales-orders", o, "notes-1", new JsonObject(), Optional.empty());
        JsonObject a = simOrder(toNotes.remoteId());
        assertThat(a.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("text")))
                .contains("Customer message: Ring twice", "Staff notes: VIP customer");

        Order o2 = new Order("notes-2", "#notes-2", o.placedAt(), o.status(), o.currency(), o.exchangeRate(), o.customer(),
                o.billing(), o.delivery(), o.lines(), o.total(), o.shippingMethod(), "Ring twice", "VIP customer", null, Map.of());
        SinkResult toFields = write("sales-orders", o2, "notes-2", new JsonObject().put("customerMessageTo", "PCF_COMMENTS")
                .put("staffNotesTo", "none"), Optional.empty());
        JsonObject b = simOrder(toFields.remoteId());
        assertThat(b.getJsonObject("customFields").getString("PCF_COMMENTS")).isEqualTo("Ring twice");
        assertThat(b.getJsonArray("notes")).as("staff notes mapped to none, message to a field").isEmpty();

        SinkHandler sink = handlers(context("bp-sink", goodSettings())).sink("sales-orders").orElseThrow().handler();
        Throwable bad = failureOf((Future<SinkResult>) sink.write(new SinkRequest(o, new SourceRef("bc", "orders", "notes-3"), "bc:notes-3",
                        Optional.empty(), new JsonObject().put("staffNotesTo", "comments"), 1)));
        assertThat(bad).isInstanceOf(dev.junction.api.error.PermanentException.class).hasMessageContaining("'staffNotesTo'");
    }

    @Test
    void unmatchedSkuBecomesAFreeTextRowAndRoundingGetsAReconciliationRow() throws Exception {
        control("POST", "/_sandbox/products", new JsonObject().put("sku", "BOLT-300").put("name", "Bolt"));
        Order o = order("rec-1", "rec@example.com", List.of(product("1", "BOLT-300", "300", "100.00", "8.00"),
                product("2", "GHOST-1", "1", "5.00", "0.00")), "113.00");
        SinkResult r = write("sales-orders", o, "rec-1", new JsonObject(), Optional.empty());
        assertThat(r.facts()).containsEntry("unmatchedSkus", "GHOST-1");
        JsonObject created = simOrder(r.remoteId());
        JsonArray rows = created.getJsonArray("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.getJsonObject(0).getValue("productId")).isNotNull();
        assertThat(rows.getJsonObject(1).getValue("productId")).isNull();
        assertThat(rows.getJsonObject(1).getString("name")).isEqualTo("Store name of GHOST-1");
        assertThat(rows.getJsonObject(2).getString("name")).isEqualTo("RECONCILIATION");
        assertThat(new BigDecimal(rows.getJsonObject(2).getString("net"))).isEqualByComparingTo("0.01");
        BigDecimal total = BigDecimal.ZERO;
        for (Object row : rows) {
            total = total.add(new BigDecimal(((JsonObject) row).getString("net"))).add(new BigDecimal(((JsonObject) row).getString("tax")));
        }
        assertThat(total).isEqualByComparingTo("113.00");
    }

    // ------------------------------------------------------------------------------------------ goods-out write-back

    @Test
    void partialFulfilmentOverTwoWarehousesShipsEachGoodsOutNoteOnItsOwn() throws Exception {
        long a = control("POST", "/_sandbox/products", new JsonObject().put("sku", "WH2-A").put("stock", new JsonObject().put("2", 10)))
                .getJsonObject(0).getLong("id");
        long b = control("POST", "/_sandbox/products", new JsonObject().put("sku", "WH3-B").put("stock", new JsonObject().put("3", 10)))
                .getJsonObject(0).getLong("id");
        control("PUT", "/_sandbox/options", new JsonObject().put("autoGoodsOutNotes", true)
                .put("productWarehouses", new JsonObject().put(String.valueOf(a), 2).put(String.valueOf(b), 3)));
        try {
            Order o = order("gon-1", "gon@example.com", List.of(product("1", "WH2-A", "1", "10.00", "0.00"),
                    product("2", "WH3-B", "2", "20.00", "0.00")), "30.00");
            String orderId = write("sales-orders", o, "gon-1", new JsonObject(), Optional.empty()).remoteId();
            var source = handlers(context("bp-gon", goodSettings())).source("goods-out-notes").orElseThrow();
            SourcePage page = await(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, null, 50, new JsonObject())));
            List<String> gons = page.records().stream().filter(r -> r.payload().getJsonObject("order").getValue("id").toString().equals(orderId))
                    .map(r -> r.id()).toList();
            assertThat(gons).hasSize(2);

            Shipment s = new Shipment("sh-1", gons.get(0), orderId, "#gon-1", "2", Instant.parse("2026-07-02T09:00:00Z"),
                    List.of(new ShipmentPackage("1Z999", "UPS", "Express Shipping", null, List.of()),
                            new ShipmentPackage("1Z998", "UPS", "Express Shipping", null, List.of())), true);
            SinkResult shipped = write("shipments", s, "sh-1", new JsonObject(), Optional.empty());
            assertThat(shipped.outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
            assertThat(write("shipments", s, "sh-1", new JsonObject(), Optional.empty()).outcome())
                    .isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);

            var shippedSource = handlers(context("bp-gon", goodSettings())).source("shipped-goods-out-notes").orElseThrow();
            JsonObject first = await(shippedSource.fetch(gons.get(0), new JsonObject())).orElseThrow().payload().getJsonObject("goodsOutNote");
            assertThat(first.getJsonObject("status").getBoolean("shipped")).isTrue();
            assertThat(first.getJsonObject("status").getBoolean("packed")).isTrue();
            assertThat(first.getJsonObject("shipping").getString("reference")).isEqualTo("1Z999");
            assertThat(first.getJsonObject("shipping").getInteger("boxes")).isEqualTo(2);
            assertThat(await(shippedSource.fetch(gons.get(1), new JsonObject()))).as("the other warehouse's note is not shipped").isEmpty();
        } finally {
            control("PUT", "/_sandbox/options", new JsonObject().put("autoGoodsOutNotes", false));
        }
    }

    // ------------------------------------------------------------------------------------------ paging and batching

    @Test
    void pollPagesThroughSearchResultsAndBatchesOrderFetches() throws Exception {
        Instant since = Instant.now().minus(Duration.ofSeconds(30));
        List<String> seeded = seedOrders(12);
        var source = handlers(context("bp-page", goodSettings())).source("orders").orElseThrow();
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            SourcePage page = await(source.poll(new PollRequest(since, null, token, 5, new JsonObject())));
            page.records().forEach(r -> seen.add(r.id()));
            token = page.nextPageToken().orElse(null);
            pages++;
        } while (token != null);
        assertThat(seen).containsAll(seeded);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    /** Starshipit's "status to import": names or ids, several separated by semicolons, custom statuses included. */
    @Test
    void aSemicolonListOfStatusesWithACustomOneSelectsExactlyThoseOrders() throws Exception {
        Instant since = Instant.now().minus(Duration.ofSeconds(30));
        long contact = contactId(control("POST", "/_sandbox/contacts", new JsonObject().put("email", "status-list@example.com")
                .put("firstName", "Stat").put("lastName", "Us")).getJsonObject(0));
        JsonArray items = new JsonArray();
        // 1 New, 2 Processing, 3 Ready to ship (a custom status of the account), 8 On hold
        for (int status : new int[]{1, 2, 3, 8}) {
            items.add(new JsonObject().put("customer", new JsonObject().put("id", contact)).put("ref", "ST" + status)
                    .put("statusId", status).put("rows", new JsonArray().add(new JsonObject().put("name", "Thing")
                            .put("quantity", "1").put("net", "5").put("tax", "0"))));
        }
        Map<Integer, String> idByStatus = new java.util.HashMap<>();
        JsonArray created = control("POST", "/_sandbox/orders", new JsonObject().put("items", items));
        for (int i = 0; i < created.size(); i++) {
            idByStatus.put(new int[]{1, 2, 3, 8}[i], String.valueOf(created.getJsonObject(i).getValue("id")));
        }
        var source = handlers(context("bp-status-list", goodSettings())).source("orders").orElseThrow();
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            SourcePage page = await(source.poll(new PollRequest(since, null, token, 50,
                    new JsonObject().put("statuses", " processing ; Ready to ship;8 "))));
            page.records().forEach(r -> seen.add(r.id()));
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        assertThat(seen).contains(idByStatus.get(2), idByStatus.get(3), idByStatus.get(8))
                .doesNotContain(idByStatus.get(1));
    }

    @Test
    void unknownStatusNameIsPermanentAndListsTheKnownOnes() throws Exception {
        var source = handlers(context("bp-status", goodSettings())).source("orders").orElseThrow();
        Throwable t = failureOf(source.poll(new PollRequest(Instant.now(), null, null, 5,
                new JsonObject().put("statuses", "ready to SHIP;Awaiting pigeons"))));
        assertThat(t).isInstanceOf(dev.junction.api.error.PermanentException.class)
                .hasMessageContaining("Awaiting pigeons").hasMessageContaining("Ready to ship");
    }
}
