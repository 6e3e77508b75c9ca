package dev.junction.sandbox.bigcommerce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** All state of one simulated store. Ids start where a fresh BigCommerce store starts (orders at 100). */
final class BcStore {
    final BigCommerceOptions options;
    final Catalog catalog = new Catalog();
    final Inventory inventory = new Inventory();
    final Hooks hooks = new Hooks();
    final Stats stats = new Stats();
    final LongSupplier clockMs;
    /** Sorted by id, so a list in the default order needs no sort (sweeps list every 30 s over 100,000 orders). */
    private final Map<Integer, BcOrder> orders = new ConcurrentSkipListMap<>();
    /** The same orders by (date_modified, id), for {@code min_date_modified} lists. */
    private final ConcurrentSkipListMap<ModifiedKey, BcOrder> byModified = new ConcurrentSkipListMap<>(ModifiedKey.ORDER);
    /** Generated orders not placed yet: not in any list, no id visible, no webhook until released. */
    private final java.util.ArrayDeque<BcOrder> held = new java.util.ArrayDeque<>(); // guarded by itself
    /** Customer id to the address of their last generated order, which a returning customer mostly reuses. */
    final Map<Integer, io.vertx.core.json.JsonObject> generatedAddresses = new ConcurrentHashMap<>();
    /** Generated customers by named pool ({@code generate-orders} with {@code pool}), so that a benchmark's warm-up
     * can place orders without turning the new customers of orders it holds back into returning ones. */
    final CustomerPools customerPools = new CustomerPools();
    final AtomicInteger orderIds = new AtomicInteger(100);
    final AtomicInteger lineIds = new AtomicInteger(1);
    final AtomicInteger addressIds = new AtomicInteger(1);
    final AtomicInteger couponIds = new AtomicInteger(1);
    final AtomicInteger shipmentIds = new AtomicInteger(1);
    final AtomicInteger transactionIds = new AtomicInteger(1);
    private volatile String apiBase;

    BcStore(BigCommerceOptions options, LongSupplier clockMs) {
        this.options = options;
        this.clockMs = clockMs;
        this.apiBase = "http://127.0.0.1/stores/" + options.storeHash();
    }

    Instant now() {
        return Instant.ofEpochMilli(clockMs.getAsLong());
    }

    /** {@code http://127.0.0.1:port/stores/{hash}}: the API base the order links point at. */
    String apiBase() {
        return apiBase;
    }

    void baseUrl(String baseUrl) {
        this.apiBase = baseUrl + "/stores/" + options.storeHash();
    }

    void put(BcOrder order) {
        BcOrder old = orders.put(order.id, order);
        if (old != null) {
            byModified.remove(ModifiedKey.of(old));
        }
        byModified.put(ModifiedKey.of(order), order);
        order.onModified((previous, o) -> {
            byModified.remove(new ModifiedKey(previous, o.id));
            byModified.put(ModifiedKey.of(o), o);
        });
    }

    /**
     * Keeps a generated order back, to be placed later by {@link #releaseHeld}: a benchmark draws its orders
     * before its clock starts, as a real shop's orders are made on BigCommerce's servers, not on the machine
     * that runs the hub and simulators.
     */
    void hold(BcOrder order) {
        synchronized (held) {
            held.add(order);
        }
    }

    int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Places up to {@code count} held orders, oldest first, dated now; returns them (fewer if fewer are held). */
    List<BcOrder> releaseHeld(int count) {
        List<BcOrder> out = new ArrayList<>(Math.min(count, 1024));
        Instant now = now();
        for (int i = 0; i < count; i++) {
            BcOrder o;
            synchronized (held) {
                o = held.poll();
            }
            if (o == null) break;
            o.placedAt(now);
            put(o);
            out.add(o);
        }
        return out;
    }

    /** Orders modified at or after {@code from}, by (date_modified, id): what a sweep asks for, without a scan. */
    Collection<BcOrder> modifiedFrom(Instant from) {
        return Collections.unmodifiableCollection(byModified.tailMap(new ModifiedKey(from, Integer.MIN_VALUE)).values());
    }

    private record ModifiedKey(Instant modified, int id) {
        static final Comparator<ModifiedKey> ORDER = Comparator.comparing(ModifiedKey::modified).thenComparingInt(ModifiedKey::id);

        static ModifiedKey of(BcOrder o) {
            return new ModifiedKey(o.modified(), o.id);
        }
    }

    BcOrder order(int id) {
        return orders.get(id);
    }

    int orderCount() {
        return orders.size();
    }

    /** Every order, by id. */
    List<BcOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    /**
     * A live, read-only view of every order in id order: lists walk it lazily and stop once their page is full,
     * rather than copying and filtering every order per request.
     */
    Collection<BcOrder> ordersView() {
        return Collections.unmodifiableCollection(orders.values());
    }

    void clear() {
        orders.clear();
        byModified.clear();
        synchronized (held) {
            held.clear();
        }
        generatedAddresses.clear();
        customerPools.clear();
        catalog.clear();
        inventory.clear();
        hooks.clear();
        stats.clear();
        orderIds.set(100);
        lineIds.set(1);
        addressIds.set(1);
        couponIds.set(1);
        shipmentIds.set(1);
        transactionIds.set(1);
    }
}
