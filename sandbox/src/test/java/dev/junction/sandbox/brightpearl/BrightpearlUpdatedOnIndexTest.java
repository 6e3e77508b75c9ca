package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code updatedOn} PERIOD searches on contacts and products start from the (updatedOn, id) index instead of
 * a scan: every answer here is checked against a scan of the simulator's own state with the same period
 * semantics, across creation, updates that move an item in the index, replacement by id, and reset.
 */
class BrightpearlUpdatedOnIndexTest extends BrightpearlTestSupport {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-07-01T10:00:00Z"));

    @Override
    protected BrightpearlOptions options() {
        return BrightpearlOptions.defaults().withRequestsPerMinute(0).withClock(new SettableClock(now));
    }

    private void at(String time) {
        now.set(Instant.parse("2026-07-01T" + time + "Z"));
    }

    private static String t(String time) {
        return "2026-07-01T" + time + "Z";
    }

    /** contactId or productId column of an updatedOn search, after checking it against a scan of the state. */
    private List<Long> search(String kind, String period, String extra) throws Exception {
        String idCol = kind + "Id";
        JsonObject r = okJson(get("/" + kind + "-service/" + kind + "-search?updatedOn=" + period + "&columns=" + idCol
                + ",updatedOn&sort=" + idCol + "|ASC" + extra)).getJsonObject("response");
        List<Long> ids = new ArrayList<>();
        r.getJsonArray("results").forEach(row -> ids.add(((JsonArray) row).getLong(0)));
        if (extra.isEmpty()) { // the oracle: the same period over every item, as the search did before the index
            Search.Period p = Search.Period.parse(URLDecoder.decode(period, StandardCharsets.UTF_8));
            Collection<?> all = kind.equals("contact") ? sim.state().contacts.values() : sim.state().products.values();
            List<Long> scan = all.stream().filter(o -> p.contains(updatedOn(o))).map(BrightpearlUpdatedOnIndexTest::id).toList();
            assertThat(ids).as("index answer = scan answer for " + period).containsExactlyElementsOf(scan);
            assertThat(r.getJsonObject("metaData").getInteger("resultsAvailable")).as(period).isEqualTo(scan.size());
        }
        return ids;
    }

    private List<Long> contacts(String period) throws Exception {
        return search("contact", period, "");
    }

    private static Instant updatedOn(Object o) {
        return o instanceof Contact c ? c.updatedOn : ((Product) o).updatedOn;
    }

    private static long id(Object o) {
        return o instanceof Contact c ? c.id : ((Product) o).id;
    }

    private long apiContact(String first) throws Exception {
        return okJson(send(HttpMethod.POST, "/contact-service/contact", new JsonObject().put("firstName", first)
                .put("lastName", "L"))).getLong("response");
    }

    private void patchFirstName(long id, String value) throws Exception {
        okJson(send(HttpMethod.PATCH, "/contact-service/contact/" + id, new JsonArray().add(new JsonObject()
                .put("op", "replace").put("path", "/firstName").put("value", value))));
    }

    private void assertIndexHoldsEveryLiveItemOnce() {
        assertThat(sim.state().contactsByUpdatedOn.size()).isEqualTo(sim.state().contacts.size());
        assertThat(sim.state().productsByUpdatedOn.size()).isEqualTo(sim.state().products.size());
    }

    @Test
    void openEndedAndBoundedPeriodsAnswerAsAScan() throws Exception {
        long a = seedContact("a@example.com");
        long b = apiContact("Bea"); // same instant as a: ties are ordered by id
        at("10:01:00");
        long c = apiContact("Cy");
        at("10:02:00");
        long d = apiContact("Di");
        at("10:03:00");
        long e = seedContact("e@example.com");

        assertThat(contacts(t("10:01:00") + "/")).containsExactly(c, d, e);
        assertThat(contacts(t("10:00:00") + "/")).containsExactly(a, b, c, d, e);
        assertThat(contacts(t("10:03:00.001") + "/")).isEmpty();
        assertThat(contacts(t("10:01:00") + "/" + t("10:02:00"))).as("both ends included").containsExactly(c, d);
        assertThat(contacts(t("10:00:30") + "/" + t("10:01:59"))).containsExactly(c);
        assertThat(contacts("/" + t("10:01:00"))).containsExactly(a, b, c);
        assertThat(contacts(t("10:02:00") + "/" + t("10:01:00"))).as("from after to").isEmpty();
        assertThat(contacts("2026-07-01T12:02:00%2B02:00/")).as("an offset date").containsExactly(d, e);

        // the other filters still run on the candidates, and paging counts only what matched
        assertThat(search("contact", t("10:00:00") + "/", "&firstName=Di")).containsExactly(d);
        assertThat(search("contact", t("10:00:00") + "/", "&contactId=" + a + "-" + c)).containsExactly(a, b, c);
        assertThat(search("contact", t("10:00:00") + "/", "&pageSize=2&firstResult=3")).containsExactly(c, d);
        assertThat(get("/contact-service/contact-search?updatedOn=" + t("10:00:00")).statusCode())
                .as("a bare date is still refused").isEqualTo(500);
        assertIndexHoldsEveryLiveItemOnce();
    }

    @Test
    void anUpdatedContactMovesInTheIndexNotDuplicatedNorLost() throws Exception {
        long a = apiContact("Ann");
        at("10:01:00");
        long b = apiContact("Bob");
        at("10:02:00");
        long c = apiContact("Cat");

        at("10:05:00");
        patchFirstName(a, "Anne");
        assertThat(contacts(t("10:04:00") + "/")).containsExactly(a);
        assertThat(contacts(t("10:00:00") + "/")).as("once each").containsExactly(a, b, c);
        assertThat(contacts("/" + t("10:00:30"))).as("gone from its old place").isEmpty();
        assertThat(contacts("/" + t("10:03:00"))).containsExactly(b, c);

        at("10:06:00");
        long addr = okJson(send(HttpMethod.POST, "/contact-service/postal-address", new JsonObject()
                .put("addressLine1", "9 Elm").put("countryIsoCode", "USA"))).getLong("response");
        okJson(send(HttpMethod.PUT, "/contact-service/contact/" + b + "/postal-address",
                new JsonArray().add(new JsonObject().put("postalAddressId", addr))));
        okJson(send(HttpMethod.PUT, "/contact-service/contact/" + a, new JsonObject().put("lastName", "Again")));
        assertThat(contacts(t("10:06:00") + "/")).containsExactly(a, b);
        assertThat(contacts(t("10:05:00") + "/" + t("10:05:59"))).isEmpty();

        at("10:07:00");
        control(HttpMethod.POST, "/contacts", new JsonObject().put("id", c).put("firstName", "Cat").put("lastName", "Re"));
        assertThat(contacts(t("10:07:00") + "/")).as("replaced by id through the control API").containsExactly(c);
        assertThat(contacts("/" + t("10:06:59"))).containsExactly(a, b);

        // an update within the same instant keeps the key it already had
        patchFirstName(b, "Bobby");
        patchFirstName(b, "Robert");
        assertThat(contacts(t("10:07:00") + "/")).containsExactly(b, c);
        assertThat(contacts(t("10:00:00") + "/")).containsExactly(a, b, c);
        assertIndexHoldsEveryLiveItemOnce();
    }

    @Test
    void productsUpdatedByReplacementCustomFieldsAndStockMoveToo() throws Exception {
        long p = seedProduct("IX-P", Map.of("2", 5));
        at("10:01:00");
        long q = seedProduct("IX-Q", Map.of());
        at("10:02:00");
        long r = seedProduct("IX-R", Map.of());

        at("10:05:00");
        seedProduct("IX-P", Map.of("2", 6));
        assertThat(search("product", t("10:03:00") + "/", "")).containsExactly(p);
        at("10:06:00");
        okJson(send(HttpMethod.PATCH, "/product-service/product/" + q + "/custom-field", new JsonArray()
                .add(new JsonObject().put("op", "add").put("path", "/PCF_HSCODE").put("value", "1"))));
        at("10:07:00");
        okJson(send(HttpMethod.POST, "/warehouse-service/warehouse/2/stock-correction", new JsonObject()
                .put("corrections", new JsonArray().add(new JsonObject().put("quantity", 2).put("productId", r)
                        .put("reason", "Count")))));
        assertThat(search("product", t("10:06:00") + "/", "")).containsExactly(q, r);
        assertThat(search("product", t("10:05:00") + "/" + t("10:06:00"), "")).containsExactly(p, q);
        assertThat(search("product", "/" + t("10:04:00"), "")).isEmpty();
        assertThat(search("product", t("10:00:00") + "/", "&SKU=IX-Q")).containsExactly(q);
        assertIndexHoldsEveryLiveItemOnce();
    }

    @Test
    void resetEmptiesTheIndexAndReusedIdsAreKeyedAfresh() throws Exception {
        long a = apiContact("Old");
        seedProduct("OLD-1", Map.of());
        at("10:05:00");
        patchFirstName(a, "Older");
        assertThat(control(HttpMethod.POST, "/reset", null).statusCode()).isEqualTo(204);
        assertThat(contacts(t("00:00:00") + "/")).isEmpty();
        assertThat(search("product", t("00:00:00") + "/", "")).isEmpty();
        assertIndexHoldsEveryLiveItemOnce();

        at("10:10:00");
        long again = apiContact("New");
        assertThat(again).as("ids restart after a reset").isEqualTo(a);
        long other = apiContact("Newer");
        assertThat(contacts(t("00:00:00") + "/")).containsExactly(again, other);
        assertThat(contacts("/" + t("10:09:00"))).as("nothing left from before the reset").isEmpty();
        assertIndexHoldsEveryLiveItemOnce();
    }

    /**
     * Writers re-key and replace contacts while a reader asks for everything: the index must show every live
     * contact exactly once at every moment (new key added before the old one goes; replaced objects stay out).
     */
    @Test
    void concurrentMovesAndReplacementsNeverLoseOrDuplicateARow() throws Exception {
        BpState state = new BpState(BrightpearlOptions.defaults().withClock(Clock.systemUTC()));
        ContactService service = new ContactService(state);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(service.create(new JsonObject().put("firstName", "C" + i), null).id);
        }
        Function<String, Collection<Contact>> everything = state.contactsByUpdatedOn.candidates();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            boolean replaces = w == 0;
            writers.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        if (replaces) {
                            service.create(new JsonObject().put("firstName", "R"), id);
                        } else {
                            Contact c = state.contacts.get(id);
                            synchronized (c) { // what ContactService.apply does
                                Instant before = c.updatedOn;
                                c.updatedOn = state.now();
                                state.contactsByUpdatedOn.moved(c, before);
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        writers.forEach(Thread::start);
        try {
            long end = System.currentTimeMillis() + 400;
            while (System.currentTimeMillis() < end) {
                List<Long> seen = everything.apply("2000-01-01T00:00:00Z/").stream().map(c -> c.id).toList();
                assertThat(seen).containsExactlyElementsOf(ids);
            }
        } finally {
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
        }
        assertThat(failure.get()).isNull();
        assertThat(state.contactsByUpdatedOn.size()).isEqualTo(ids.size());
        Instant latest = state.contacts.values().stream().map(c -> c.updatedOn).max(Instant::compareTo).orElseThrow();
        assertThat(everything.apply(latest + "/")).as("the newest key is found by its own time")
                .allMatch(c -> !c.updatedOn.isBefore(latest)).isNotEmpty();
    }
}
