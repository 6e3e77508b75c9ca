package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All state of one simulated account. Maps are concurrent so control calls from test threads are safe;
 * entity ids come from per-kind counters whose starting points depend only on the seed, so a run with the
 * same seed allocates the same ids.
 */
final class BpState {
    final BrightpearlOptions options;

    // run-time settings (PUT /_sandbox/options)
    volatile int requestsPerMinute;
    /** Rolling window the budget above counts in (Brightpearl: 60 s). */
    volatile long throttleWindowMs;
    /** next-throttle-period answered while the forceThrottle fault is on. */
    volatile long forcedThrottlePeriodMs;
    volatile boolean autoGoodsOutNotes;
    volatile Duration staffTokenIdle;
    volatile Duration accessTokenLifetime;
    /** Automation routing: product id → warehouse its rows ship from (otherwise the order's warehouse). */
    final Map<Long, Long> productWarehouses = new ConcurrentHashMap<>();

    final Map<Long, Order> orders = new ConcurrentSkipListMap<>();
    final Map<String, Long> ordersByExternalRef = new ConcurrentHashMap<>();
    /** lower-case externalRef → ids of the orders carrying it (any integration instance), ascending: the search index. */
    final Map<String, List<Long>> ordersByRef = new ConcurrentHashMap<>();
    final Map<Long, GoodsOutNote> gons = new ConcurrentSkipListMap<>();
    /** order id → its goods-out note ids, in creation order. */
    final Map<Long, List<Long>> gonsByOrder = new ConcurrentHashMap<>();
    final Map<Long, Product> products = new ConcurrentSkipListMap<>();
    final Map<String, Long> productsBySku = new ConcurrentHashMap<>();
    final Map<Long, Contact> contacts = new ConcurrentSkipListMap<>();
    /** Products and contacts in (updatedOn, id) order for updatedOn searches: add them with publish, re-key with moved. */
    final UpdatedOnIndex<Product> productsByUpdatedOn = new UpdatedOnIndex<>(products, p -> p.id, p -> p.updatedOn,
            (p, at) -> p.updatedOn = at);
    final UpdatedOnIndex<Contact> contactsByUpdatedOn = new UpdatedOnIndex<>(contacts, c -> c.id, c -> c.updatedOn,
            (c, at) -> c.updatedOn = at);
    final Map<Long, JsonObject> addresses = new ConcurrentSkipListMap<>();
    final Map<Long, JsonObject> stockCorrections = new ConcurrentSkipListMap<>();
    final Map<Long, JsonObject> warehouses = new ConcurrentSkipListMap<>();
    final Map<Long, JsonObject> shippingMethods = new ConcurrentSkipListMap<>();
    final Map<Long, JsonObject> orderStatuses = new ConcurrentSkipListMap<>();
    final Map<Long, JsonObject> priceLists = new ConcurrentSkipListMap<>();
    final Map<Long, JsonObject> channels = new ConcurrentSkipListMap<>();

    final AtomicLong orderIds = new AtomicLong();
    final AtomicLong rowIds = new AtomicLong();
    final AtomicLong gonIds = new AtomicLong();
    final AtomicLong productIds = new AtomicLong();
    final AtomicLong contactIds = new AtomicLong();
    final AtomicLong addressIds = new AtomicLong();
    final AtomicLong noteIds = new AtomicLong();
    final AtomicLong correctionIds = new AtomicLong();
    final AtomicLong webhookIds = new AtomicLong();
    final AtomicLong eventVersions = new AtomicLong();

    BpState(BrightpearlOptions options) {
        this.options = options;
        reset();
    }

    Instant now() {
        return options.clock().instant();
    }

    String date(Instant t) {
        return BpHttp.date(t, options.zone());
    }

    /**
     * Forgets everything and seeds the reference data. Id starting points: orders 10000+k, rows 50000+k,
     * goods-out notes 20000+k, products 1000+k, contacts 200+k, addresses 500+k, stock corrections 70000+k,
     * webhooks 100+k, with k = seed mod 1000 (the next id handed out is start + 1).
     */
    synchronized void reset() {
        requestsPerMinute = options.requestsPerMinute();
        throttleWindowMs = options.throttleWindow() == null ? Throttle.DEFAULT_WINDOW_MS : options.throttleWindow().toMillis();
        forcedThrottlePeriodMs = options.forcedThrottlePeriod() == null ? 1_000 : options.forcedThrottlePeriod().toMillis();
        autoGoodsOutNotes = options.autoGoodsOutNotes();
        staffTokenIdle = options.staffTokenIdle();
        accessTokenLifetime = options.accessTokenLifetime();
        productWarehouses.clear();
        // indexes before the maps they index: a concurrent publish then leaves at worst a stale key, never a live
        // item without one
        productsByUpdatedOn.clear();
        contactsByUpdatedOn.clear();
        for (Map<?, ?> m : new Map<?, ?>[] {orders, ordersByExternalRef, ordersByRef, gons, gonsByOrder, products, productsBySku, contacts,
                addresses, stockCorrections, warehouses, shippingMethods, orderStatuses, priceLists, channels}) {
            m.clear();
        }
        long k = Math.floorMod(options.seed(), 1000L);
        orderIds.set(10000 + k);
        rowIds.set(50000 + k);
        gonIds.set(20000 + k);
        productIds.set(1000 + k);
        contactIds.set(200 + k);
        addressIds.set(500 + k);
        noteIds.set(k);
        correctionIds.set(70000 + k);
        webhookIds.set(100 + k);
        eventVersions.set(3_000_000 + k * 1000);
        seedReferenceData();
    }

    private void seedReferenceData() {
        warehouse(2, "Main");
        warehouse(3, "East");
        shippingMethod(1, "Standard Shipping", "STD");
        shippingMethod(2, "Express Shipping", "EXP");
        shippingMethod(3, "Free Shipping", "FREE");
        shippingMethod(4, "Collect in store", "COLLECT");
        String[][] statuses = {{"1", "New", "#1e88e5"}, {"2", "Processing", "#fb8c00"},
            {"3", "Ready to ship", "#8e24aa"}, {"4", "Shipped", "#43a047"}, {"5", "Completed", "#2e7d32"},
            {"6", "Cancelled", "#9e9e9e"}, {"7", "Draft / Quote", "#bdbdbd"}, {"8", "On hold", "#e53935"}};
        for (String[] s : statuses) {
            orderStatus(Long.parseLong(s[0]), s[1], s[2]);
        }
        priceLists.put(1L, priceList(1, "Cost price", "COST", "BUY"));
        priceLists.put(2L, priceList(2, "Retail", "RETAIL", "SELL"));
        channels.put(1L, new JsonObject().put("id", 1).put("name", "BigCommerce store").put("channelTypeId", 1)
                .put("defaultWarehouseId", 2).put("defaultPriceListId", 2).put("contactGroupId", 0));
    }

    JsonObject warehouse(long id, String name) {
        JsonObject w = new JsonObject().put("id", id).put("name", name).put("typeCode", "OWN")
                .put("typeDescription", "Own warehouse").put("address", new JsonObject().put("addressId", 0))
                .put("clickAndCollectEnabled", false);
        warehouses.put(id, w);
        return w;
    }

    JsonObject shippingMethod(long id, String name, String code) {
        JsonObject m = new JsonObject().put("id", id).put("name", name).put("code", code)
                .put("methodType", "STANDARD").put("additionalInformationRequired", false)
                .put("breaks", new JsonArray()).put("countries", new JsonArray());
        shippingMethods.put(id, m);
        return m;
    }

    JsonObject orderStatus(long id, String name, String color) {
        JsonObject s = new JsonObject().put("statusId", id).put("name", name).put("orderTypeCode", "SO")
                .put("sortOrder", id * 10).put("disabled", false).put("visible", true)
                .put("color", color == null ? "#777777" : color).put("remindAfterDays", 0)
                .put("alertEmails", new JsonArray()).put("emailContent", "").put("batchProcess", false);
        orderStatuses.put(id, s);
        return s;
    }

    private JsonObject priceList(long id, String name, String code, String type) {
        return new JsonObject().put("id", id)
                .put("name", new JsonObject().put("languageCode", "EN").put("text", name).put("format", "PLAINTEXT"))
                .put("code", code).put("currencyCode", options.currency()).put("currencySymbol", "$")
                .put("currencyId", 1).put("priceListTypeCode", type).put("gross", false);
    }

    /** Next id for reference data seeded without one, above all ids already used. */
    long nextReferenceId(Map<Long, JsonObject> map) {
        return map.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    }

    String statusName(long id) {
        JsonObject s = orderStatuses.get(id);
        return s == null ? "" : s.getString("name");
    }

    static String externalKey(String externalRef, Long instanceId) {
        return (instanceId == null ? 0 : instanceId) + "|" + externalRef;
    }
}
