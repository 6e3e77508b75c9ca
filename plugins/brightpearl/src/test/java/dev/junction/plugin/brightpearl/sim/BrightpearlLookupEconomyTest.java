package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.model.Address;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.model.Party;
import dev.junction.api.sink.SinkResult;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.sales.ContactResolver;
import dev.junction.plugin.brightpearl.support.LookupSettings;
import dev.junction.plugin.brightpearl.support.ProductLookup;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sales order costs in Brightpearl requests once the connector's product and contact indexes are
 * warm, counted by the simulator per route: no searches for known SKUs and repeat customers, one shared
 * search for a burst of unknown ones, products added later found after the refresh interval, and a contact
 * created elsewhere a moment ago found rather than duplicated. The hub's clock and the simulator's move
 * together ({@link #shift}), so refresh intervals pass without sleeping.
 */
class BrightpearlLookupEconomyTest extends SimulatorTestBase {
    private static final String PRODUCT_SEARCH = "GET /product-service/product-search";
    private static final String CONTACT_SEARCH = "GET /contact-service/contact-search";
    private static final String SALES_ORDER = "POST /order-service/sales-order";
    private static final JsonObject NO_NOTES = new JsonObject().put("customerMessageTo", "none").put("staffNotesTo", "none");
    private int orders;

    @BeforeEach
    void resetSimulator() throws Exception {
        control(HttpMethod.POST, "/reset", null);
    }

    /** A connection whose clock is the simulator's (system time plus {@link #shift}). */
    private HubConnectionContext connection(String id, JsonObject extra) {
        JsonObject config = HubConnectionContext.withDefaults(settings().mergeIn(extra), connector.descriptor().config());
        return new HubConnectionContext(id, config, vertx, services.http(), services.store(), services.mappings()::current,
                new ShiftedClock(shift), services.metrics(), "http://127.0.0.1:9/webhooks/" + id);
    }

    /**
     * Calls per route, wherever they travelled: alone, or as messages inside the multi-messages the connector
     * batches concurrent writes into (those are counted by what they carried; their budget saving is
     * {@link BrightpearlWriteBatchingTest}'s subject).
     */
    private Map<String, Long> routes() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        JsonObject stats = controlObject(HttpMethod.GET, "/stats", null);
        for (String key : List.of("routes", "messages")) {
            stats.getJsonObject(key, new JsonObject()).forEach(e -> out.merge(e.getKey(), ((Number) e.getValue()).longValue(), Long::sum));
        }
        out.remove("POST /multi-message");
        return out;
    }

    private long calls(String route) throws Exception {
        return routes().getOrDefault(route, 0L);
    }

    private void resetStats() throws Exception {
        control(HttpMethod.POST, "/stats/reset", new JsonObject());
    }

    private void seedProducts(String prefix, int count) throws Exception {
        JsonArray items = new JsonArray();
        for (int i = 1; i <= count; i++) {
            items.add(new JsonObject().put("sku", prefix + i).put("name", "Product " + prefix + i));
        }
        control(HttpMethod.POST, "/products", new JsonObject().put("items", items));
    }

    static Party customer(String email, String street, String phone) {
        return new Party("Ada", "Lovelace", null, email, phone, new Address(street, null, "Springfield", "IL", "62701", "US"));
    }

    private Order order(Party p, String... skus) {
        List<OrderLine> lines = new ArrayList<>();
        for (String sku : skus) {
            lines.add(new OrderLine(String.valueOf(lines.size() + 1), LineType.PRODUCT, sku, "Store name of " + sku,
                    BigDecimal.ONE, Money.of("10.00", "USD"), Money.of("0.00", "USD"), List.of(), null));
        }
        String id = "eco-" + (++orders);
        return new Order(id, "#" + id, Instant.parse("2026-07-01T10:00:00Z"), "Awaiting Fulfillment", "USD", BigDecimal.ONE,
                p, p, p, lines, Money.of(new BigDecimal("10.00").multiply(BigDecimal.valueOf(skus.length)).toPlainString(), "USD"),
                "Express Shipping", "Leave at the door", null, null, Map.of());
    }

    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} while Brightpearl answers 300 ms late, so lookups issued together overlap its searches. */
    private void slowBrightpearl(Action action) throws Exception {
        control(HttpMethod.PUT, "/faults", new JsonObject().put("latencyMs", 300));
        try {
            action.run();
        } finally {
            control(HttpMethod.PUT, "/faults", new JsonObject().put("latencyMs", 0));
        }
    }

    /** A contact resolver of its own connection, its index loaded by a first customer (first@example.com). */
    private ContactResolver resolverWithLoadedIndex(String connectionId) throws Exception {
        BrightpearlConnection bp = BrightpearlConnection.open(connection(connectionId, new JsonObject()));
        ContactResolver contacts = new ContactResolver(bp.client(), bp.ctx().clock(), bp.ctx().logger(),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofHours(6), 1_000);
        await(contacts.resolve(customer("first@example.com", "1 Main St", null), false));
        return contacts;
    }

    /** A connection whose contact index is loaded (by one order), then a contact another integration created. */
    private record CreatedElsewhere(ConnectionHandlers handlers, long contactId) {
    }

    private CreatedElsewhere createdElsewhereAfterTheIndexLoaded(String connectionId, String email) throws Exception {
        ConnectionHandlers h = handlers(connection(connectionId, new JsonObject()));
        write(h, order(customer("someone@example.com", "1 Main St", "555-0100"), "NOSKU"));
        long theirs = seedContact(email);
        resetStats();
        return new CreatedElsewhere(h, theirs);
    }

    /** The simulator's record of a contact, by id. */
    private JsonObject simulatorContact(long contactId) throws Exception {
        return controlArray("/contacts").stream().map(JsonObject.class::cast)
                .filter(c -> c.getLong("contactId") == contactId).findFirst().orElseThrow();
    }

    private SinkResult write(ConnectionHandlers h, Order o) throws Exception {
        return write(h, "sales-orders", o, o.sourceId(), NO_NOTES);
    }

    @Test
    void ordersForRepeatCustomersAndKnownSkusCostOnlyTheirSalesOrder() throws Exception {
        seedProducts("ECO-", 600); // more than one 500-row page
        shift.addAndGet(10_000); // a catalogue that has been there a while (a search for changes would not list it)
        ConnectionHandlers h = handlers(connection("bp-eco", new JsonObject()));
        List<Party> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            customers.add(customer("repeat" + i + "@example.com", i + " Main St", "555-010" + i));
        }
        for (Party c : customers) {
            assertThat(write(h, order(c, "ECO-1")).facts()).containsEntry("contact", "created");
        }
        Map<String, Long> warmUp = routes();
        assertThat(warmUp.get(PRODUCT_SEARCH)).as("two pages to load 600 products, one search for changes meanwhile")
                .isEqualTo(3);
        assertThat(warmUp.get(CONTACT_SEARCH)).as("the contact load and its catch-up search (serving the first new "
                + "customer), then one refresh for each later new customer, one at a time").isEqualTo(2 + 4);
        resetStats();

        int n = 40;
        for (int i = 0; i < n; i++) {
            SinkResult r = write(h, order(customers.get(i % 5), "ECO-" + (1 + i * 13 % 600), "ECO-" + (2 + i * 7 % 599),
                    "NOT-IN-BRIGHTPEARL-" + (i % 3)));
            assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
            assertThat(r.facts()).containsEntry("contact", "reused").containsKey("unmatchedSkus");
        }
        assertThat(routes()).as("known customers and SKUs, and SKUs absent from a fresh index, cost no search")
                .isEqualTo(Map.of(SALES_ORDER, (long) n));
    }

    @Test
    void aProductAddedAfterTheIndexIsBuiltIsMatchedOnceTheIndexIsRefreshed() throws Exception {
        seedProducts("LATE-", 3);
        ConnectionHandlers h = handlers(connection("bp-late", new JsonObject()));
        Party ada = customer("late@example.com", "1 Main St", "555-0100");
        write(h, order(ada, "LATE-1"));
        seedProducts("NEW-", 1);
        resetStats();

        SinkResult early = write(h, order(ada, "NEW-1"));
        assertThat(early.facts()).as("absent from a fresh index: a free-text row, no search").containsEntry("unmatchedSkus", "NEW-1");
        assertThat(calls(PRODUCT_SEARCH)).isZero();

        shift.addAndGet(LookupSettings.DEFAULT_REFRESH_SECONDS * 1000 + 1000);
        SinkResult later = write(h, order(ada, "NEW-1", "LATE-2"));
        assertThat(later.facts()).as("the stale index is refreshed before the miss is trusted").doesNotContainKey("unmatchedSkus");
        assertThat(calls(PRODUCT_SEARCH)).as("one updatedOn search").isEqualTo(1);
        assertThat(calls(SALES_ORDER)).isEqualTo(2);
    }

    @Test
    void concurrentMissesInAStaleIndexShareOneRefresh() throws Exception {
        seedProducts("BURST-", 20);
        BrightpearlConnection bp = BrightpearlConnection.open(connection("bp-burst-p", new JsonObject()));
        ProductLookup products = new ProductLookup(bp.client(), bp.ctx().clock(), bp.ctx().logger(),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofHours(6));
        assertThat(await(products.find("SKU", "BURST-1"))).isPresent();
        seedProducts("LATER-", 20);
        shift.addAndGet(61_000);
        resetStats();

        List<Future<Optional<Long>>> finds = new ArrayList<>();
        slowBrightpearl(() -> {
            for (int i = 1; i <= 20; i++) {
                finds.add(products.find("SKU", "LATER-" + i));
                finds.add(products.find("SKU", "UNKNOWN-" + i));
            }
            await(Future.all(finds));
        });
        for (int i = 0; i < finds.size(); i++) {
            assertThat(finds.get(i).result().isPresent()).as("lookup %d", i).isEqualTo(i % 2 == 0);
        }
        assertThat(calls(PRODUCT_SEARCH)).as("40 lookups in a stale index, one refresh").isEqualTo(1);
    }

    @Test
    void concurrentNewCustomersShareOneSearchAndEachIsCreatedOnce() throws Exception {
        ContactResolver contacts = resolverWithLoadedIndex("bp-burst-c");
        resetStats();

        List<Future<ContactResolver.Resolved>> resolved = new ArrayList<>();
        slowBrightpearl(() -> {
            for (int i = 0; i < 20; i++) {
                // every new customer orders twice at once: one contact each, not two
                resolved.add(contacts.resolve(customer("new" + i + "@example.com", i + " Elm St", null), false));
                resolved.add(contacts.resolve(customer("New" + i + "@Example.com ", i + " Elm St", null), false));
            }
            await(Future.all(resolved));
        });
        for (int i = 0; i < 20; i++) {
            assertThat(resolved.get(2 * i).result().contactId()).isEqualTo(resolved.get(2 * i + 1).result().contactId());
        }
        Map<String, Long> r = routes();
        assertThat(r.get(CONTACT_SEARCH)).as("the first lookup's refresh, then one more shared by the 39 lookups that "
                + "began while it ran (a miss is trusted only after a refresh begun after the lookup)").isEqualTo(2);
        assertThat(r.get("POST /contact-service/contact")).isEqualTo(20);
        assertThat(r.get("POST /contact-service/postal-address")).isEqualTo(20);
        assertThat(r).doesNotContainKeys("PATCH /contact-service/contact/{id}", "PUT /contact-service/contact/{id}/postal-address");
    }

    @Test
    void aNewCustomersAddressIsPostedWhileTheLookupWaitsForItsRefresh() throws Exception {
        ContactResolver contacts = resolverWithLoadedIndex("bp-early-address");
        resetStats();

        long latencyMs = 400;
        long tookMs;
        control(HttpMethod.PUT, "/faults", new JsonObject().put("latencyMs", latencyMs));
        ContactResolver.Resolved r;
        try {
            long t0 = System.nanoTime();
            r = await(contacts.resolve(customer("brand-new@example.com", "9 Elm St", null), false));
            tookMs = (System.nanoTime() - t0) / 1_000_000;
        } finally {
            control(HttpMethod.PUT, "/faults", new JsonObject().put("latencyMs", 0));
        }
        assertThat(r.created()).isTrue();
        Map<String, Long> calls = routes();
        assertThat(calls.get(CONTACT_SEARCH)).isEqualTo(1);
        assertThat(calls.get("POST /contact-service/postal-address")).isEqualTo(1);
        assertThat(calls.get("POST /contact-service/contact")).isEqualTo(1);
        // Three requests of 400 ms each one after the other cannot take less than 1,200 ms; with the address posted
        // during the refresh, two round trips do (it fails only if the calls themselves took 400 ms more).
        assertThat(tookMs).as("refresh and address post overlap").isLessThan(3 * latencyMs);
        JsonObject created = simulatorContact(r.contactId());
        assertThat(controlArray("/postal-addresses")).hasSize(2); // first@ and brand-new@
        assertThat(created.getJsonObject("postAddressIds").getLong("DEF")).isNotNull();
    }

    @Test
    void aCustomerFoundByTheRefreshGetsTheAddressPostedMeanwhileAndNoneIsLeftOver() throws Exception {
        CreatedElsewhere seeded = createdElsewhereAfterTheIndexLoaded("bp-found-early", "found-later@example.com");
        ConnectionHandlers h = seeded.handlers();
        long theirs = seeded.contactId();

        write(h, order(customer("found-later@example.com", "2 Oak Ave", "555-0100"), "NOSKU"));
        Map<String, Long> calls = routes();
        assertThat(calls.get("POST /contact-service/contact")).isNull();
        assertThat(calls.get("POST /contact-service/postal-address")).as("one address, posted during the lookup").isEqualTo(1);
        assertThat(calls.get("PUT /contact-service/contact/{id}/postal-address")).as("and attached to the customer found").isEqualTo(1);
        long attached = simulatorContact(theirs).getJsonObject("postAddressIds").getLong("DEF");
        assertThat(controlArray("/postal-addresses").stream().map(JsonObject.class::cast)
                .filter(a -> "2 Oak Ave".equals(a.getString("addressLine1"))).map(a -> a.getLong("addressId")).toList())
                .containsExactly(attached);
    }

    @Test
    void withContactUpdatesBlockedNoAddressIsPostedForACustomerTheRefreshFinds() throws Exception {
        CreatedElsewhere seeded = createdElsewhereAfterTheIndexLoaded("bp-found-blocked", "blocked@example.com");
        ConnectionHandlers h = seeded.handlers();
        long theirs = seeded.contactId();

        SinkResult r = write(h, "sales-orders", order(customer("blocked@example.com", "3 Pine Rd", "555-0100"), "NOSKU"),
                "blocked-1", NO_NOTES.copy().put("blockContactUpdates", true));
        assertThat(r.facts()).containsEntry("contactId", String.valueOf(theirs)).containsEntry("contact", "reused");
        assertThat(routes()).doesNotContainKeys("POST /contact-service/postal-address",
                "PUT /contact-service/contact/{id}/postal-address", "PATCH /contact-service/contact/{id}");
    }

    @Test
    void aCustomerCreatedElsewhereAMomentAgoIsFoundNotDuplicated() throws Exception {
        ConnectionHandlers h = handlers(connection("bp-elsewhere", new JsonObject()));
        write(h, order(customer("someone@example.com", "1 Main St", "555-0100"), "NOSKU"));
        // another integration creates this customer after the index was loaded, within the refresh interval
        long theirs = seedContact("grace@example.com");
        int before = controlArray("/contacts").size();
        resetStats();

        SinkResult r = write(h, order(customer("Grace@example.com", "1 Main St", "555-0100"), "NOSKU"));
        assertThat(r.facts()).containsEntry("contactId", String.valueOf(theirs));
        assertThat(controlArray("/contacts")).hasSize(before);
        assertThat(calls(CONTACT_SEARCH)).as("one refresh begun after the lookup").isEqualTo(1);
        assertThat(calls("POST /contact-service/contact")).isZero();
    }

    @Test
    void aCustomerWhoseContactWasCommittedLateIsFoundNotDuplicated() throws Exception {
        ConnectionHandlers h = handlers(connection("bp-late", new JsonObject()));
        write(h, order(customer("someone@example.com", "1 Main St", "555-0100"), "NOSKU"));
        // a refresh reads a contact created elsewhere: the newest updatedOn the index has seen
        seedContact("first@example.com");
        write(h, order(customer("first@example.com", "1 Main St", "555-0100"), "NOSKU"));
        // another one, stamped 200 ms before it, becomes visible only now (a slow commit elsewhere); the
        // refresh this lookup waits for starts from before the newest row seen, not from it
        shift.addAndGet(-200);
        long late;
        try {
            late = seedContact("late@example.com");
        } finally {
            shift.addAndGet(200);
        }
        int before = controlArray("/contacts").size();
        resetStats();

        SinkResult r = write(h, order(customer("late@example.com", "1 Main St", "555-0100"), "NOSKU"));
        assertThat(r.facts()).containsEntry("contactId", String.valueOf(late));
        assertThat(controlArray("/contacts")).hasSize(before);
        assertThat(calls("POST /contact-service/contact")).isZero();
    }

    @Test
    void aRepeatCustomerIsUpdatedOnlyWithWhatChanged() throws Exception {
        ConnectionHandlers h = handlers(connection("bp-repeat", new JsonObject()));
        write(h, order(customer("repeat@example.com", "1 Main St", "555-0100"), "NOSKU"));
        resetStats();

        assertThat(write(h, order(customer("repeat@example.com", "1 Main St", "555-0100"), "NOSKU")).facts())
                .containsEntry("contact", "reused");
        assertThat(routes()).isEqualTo(Map.of(SALES_ORDER, 1L));

        resetStats();
        assertThat(write(h, order(customer("repeat@example.com", "2 Oak Ave", "555-0100"), "NOSKU")).facts())
                .containsEntry("contact", "updated");
        assertThat(routes()).as("a new address: posted and attached, names untouched").isEqualTo(Map.of(SALES_ORDER, 1L,
                "POST /contact-service/postal-address", 1L, "PUT /contact-service/contact/{id}/postal-address", 1L));

        resetStats();
        write(h, order(customer("repeat@example.com", "2 Oak Ave", "555-0199"), "NOSKU"));
        assertThat(routes()).as("a new phone: one patch").isEqualTo(Map.of(SALES_ORDER, 1L, "PATCH /contact-service/contact/{id}", 1L));
        JsonObject contact = controlArray("/contacts").stream().map(JsonObject.class::cast)
                .filter(c -> "repeat@example.com".equals(c.getJsonObject("communication").getJsonObject("emails")
                        .getJsonObject("PRI").getString("email"))).findFirst().orElseThrow();
        assertThat(contact.getJsonObject("communication").getJsonObject("telephones").getString("PRI")).isEqualTo("555-0199");

        resetStats();
        write(h, order(customer("repeat@example.com", "2 Oak Ave", "555-0199"), "NOSKU"));
        assertThat(routes()).isEqualTo(Map.of(SALES_ORDER, 1L));

        // a repeat customer the hub has not written since it started: names compared with Brightpearl's, the
        // address written once (Brightpearl's search does not show it)
        ConnectionHandlers restarted = handlers(connection("bp-repeat", new JsonObject()));
        write(restarted, order(customer("someone-else@example.com", "1 Main St", null), "NOSKU"));
        resetStats();
        write(restarted, order(customer("repeat@example.com", "2 Oak Ave", "555-0199"), "NOSKU"));
        assertThat(routes()).isEqualTo(Map.of(SALES_ORDER, 1L, "POST /contact-service/postal-address", 1L,
                "PUT /contact-service/contact/{id}/postal-address", 1L));
    }

    @Test
    void aContactChangedInBrightpearlIsSeenAfterARefresh() throws Exception {
        ConnectionHandlers h = handlers(connection("bp-changed", new JsonObject()));
        long id = Long.parseLong(write(h, order(customer("moved@example.com", "1 Main St", "555-0100"), "NOSKU"))
                .facts().get("contactId"));
        // the merchant changes the contact's primary email in Brightpearl
        JsonObject patch = new JsonObject().put("op", "replace").put("path", "/communication/emails/PRI/email")
                .put("value", "renamed@example.com");
        BrightpearlConnection bp = BrightpearlConnection.open(connection("bp-changed", new JsonObject()));
        await(bp.client().patch("/contact-service/contact/" + id, new JsonArray().add(patch)));
        shift.addAndGet(61_000);
        write(h, order(customer("someone@example.com", "1 Main St", null), "NOSKU")); // a hit in a stale index refreshes
        SinkResult r = write(h, order(customer("renamed@example.com", "1 Main St", "555-0100"), "NOSKU"));
        assertThat(r.facts()).containsEntry("contactId", String.valueOf(id));
        SinkResult old = write(h, order(customer("moved@example.com", "1 Main St", "555-0100"), "NOSKU"));
        assertThat(old.facts()).as("the old email no longer names that contact").containsEntry("contact", "created");
    }

    @Test
    void anAccountOverTheContactLimitLooksEachEmailUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            seedContact("big" + i + "@example.com");
        }
        ConnectionHandlers h = handlers(connection("bp-big", new JsonObject().put(LookupSettings.CONTACT_LIMIT, 2)));
        resetStats();
        SinkResult known = write(h, order(customer("big1@example.com", "1 Main St", null), "NOSKU"));
        assertThat(known.facts()).containsEntry("contact", "updated");
        assertThat(calls(CONTACT_SEARCH)).as("one page to learn the size, one search for the email").isEqualTo(2);
        resetStats();
        write(h, order(customer("big1@example.com", "1 Main St", null), "NOSKU"));
        assertThat(calls(CONTACT_SEARCH)).as("a found contact is cached").isZero();
        write(h, order(customer("brand-new@example.com", "1 Main St", null), "NOSKU"));
        write(h, order(customer("brand-new@example.com", "1 Main St", null), "NOSKU"));
        assertThat(calls(CONTACT_SEARCH)).as("one search for the new email, then cached").isEqualTo(1);
        assertThat(calls("POST /contact-service/contact")).isEqualTo(1);

        ConnectionHandlers off = handlers(connection("bp-off", new JsonObject().put(LookupSettings.CONTACT_LIMIT, 0)));
        resetStats();
        write(off, order(customer("big2@example.com", "1 Main St", null), "NOSKU"));
        assertThat(calls(CONTACT_SEARCH)).as("index off: just the email's search").isEqualTo(1);
    }

    @Test
    void aSkuMovedToAnotherProductFollowsItAndADeletedProductDropsOutAtTheReload() throws Exception {
        long a = seedProduct("MOVE-1", new JsonObject());
        long b = seedProduct("GONE-1", new JsonObject());
        shift.addAndGet(10_000);
        BrightpearlConnection bp = BrightpearlConnection.open(connection("bp-reload", new JsonObject()));
        ProductLookup products = new ProductLookup(bp.client(), bp.ctx().clock(), bp.ctx().logger(),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(5));
        assertThat(await(products.find("SKU", "MOVE-1"))).contains(a);

        control(HttpMethod.POST, "/products", new JsonObject().put("id", a).put("sku", "MOVE-2"));
        shift.addAndGet(61_000);
        assertThat(await(products.find("SKU", "MOVE-2"))).as("found after the refresh its miss started").contains(a);
        assertThat(await(products.find("SKU", "MOVE-1"))).as("the old SKU no longer names it").isEmpty();

        // Brightpearl forgets every product (a search of changes cannot show that), then has one new one
        control(HttpMethod.POST, "/reset", null);
        long keep = seedProduct("KEEP-1", new JsonObject());
        shift.addAndGet(5 * 60_000);
        resetStats();
        assertThat(await(products.find("SKU", "GONE-1"))).as("still in the copy until the reload ends").contains(b);
        eventually("the reload drops GONE-1", () -> {
            try {
                return await(products.find("SKU", "GONE-1")).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(await(products.find("SKU", "KEEP-1"))).contains(keep);
        assertThat(calls(PRODUCT_SEARCH)).as("one reload page and one refresh").isLessThanOrEqualTo(2);
    }

    @Test
    void aCustomerDeletedInBrightpearlIsLookedUpAgainOnRetry() throws Exception {
        ConnectionHandlers h = handlers(connection("bp-deleted", new JsonObject()));
        write(h, order(customer("gone@example.com", "1 Main St", "555-0100"), "NOSKU"));
        control(HttpMethod.POST, "/reset", null); // the account forgets every contact (deleted, merged away)
        resetStats();

        Order o = order(customer("gone@example.com", "1 Main St", "555-0100"), "NOSKU");
        Throwable refused = failureOf(sink(h, "sales-orders", o, o.sourceId(), NO_NOTES));
        assertThat(refused).isInstanceOf(dev.junction.api.error.RetryableException.class)
                .hasMessageContaining("no longer exists");
        assertThat(calls("GET /contact-service/contact/{id}")).as("one look at the contact the order was refused for").isEqualTo(1);

        SinkResult retried = write(h, o);
        assertThat(retried.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(retried.facts()).containsEntry("contact", "created");
        assertThat(controlArray("/contacts")).hasSize(1);
    }
}
