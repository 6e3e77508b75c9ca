package dev.junction.sandbox.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark merchant: 5,000 SKUs in the store, the same SKUs in Brightpearl except every tenth (10%
 * unknown there, so those lines become free-text rows), and orders from the BigCommerce simulator's
 * generator with 1-8 lines, 60% repeat customers, some coupons, manual discounts, free shipping, gift
 * wrap and foreign currencies ({@code POST /_sandbox/generate-orders} with {@code repeatRate 0.6}).
 * Placement times are taken on this JVM's clock just before each batch is sent, so latency measured
 * against Brightpearl's {@code createdOn} (same clock, milliseconds) includes the batch's own generation, or
 * its release when the orders were drawn ahead ({@link #drawAhead}).
 */
final class Workload {
    static final int SKUS = 5_000;
    static final double REPEAT_RATE = 0.6;
    /** The customer pool of orders drawn live while drawn-ahead ones are kept (see {@link #live}). */
    static final String LIVE_POOL = "warm-up";
    static final int SHIPHERO_WAREHOUSE = 2;
    static final int DROPSTREAM_WAREHOUSE = 3;
    static final int LABEL_WAREHOUSE = 4;

    private final BenchHttp http;
    private final String bigcommerce;
    private final String brightpearl;
    private final long seed;
    private final boolean drawAhead;
    /** Orders drawn by {@link #drawAhead} and held by the simulator, not placed yet. */
    private int held;
    /** Held orders {@link #place} leaves held (generating new ones instead): those of a phase still to come. */
    private int keepHeld;
    private final Map<Integer, Long> placedAt = new HashMap<>();
    private long batches;
    private long firstPlacedMs = -1;
    private long lastPlacedMs = -1;

    Workload(BenchHttp http, String bigcommerceUrl, String brightpearlUrl, long seed, boolean drawAhead) {
        this.http = http;
        this.bigcommerce = bigcommerceUrl;
        this.brightpearl = brightpearlUrl;
        this.seed = seed;
        this.drawAhead = drawAhead;
    }

    static String sku(int i) {
        return String.format("BENCH-%05d", i);
    }

    /**
     * Seeds both catalogues. With {@code warehouses}, Brightpearl's automation is on and products are spread
     * over warehouses 2 (ShipHero), 3 (DropStream) and 4 (Starshipit) as in the demo; without, automation is off
     * so the simulator does not spend CPU creating goods-out notes nobody reads.
     */
    void seedCatalogue(boolean warehouses) {
        for (int from = 1; from <= SKUS; from += 1000) {
            JsonArray store = new JsonArray();
            JsonArray backOffice = new JsonArray();
            for (int i = from; i < from + 1000 && i <= SKUS; i++) {
                String price = BigDecimal.valueOf(499 + (i % 200) * 125L, 2).toPlainString();
                store.add(new JsonObject().put("sku", sku(i)).put("name", "Bench product " + i).put("price", price).put("weight", "0.4"));
                if (i % 10 == 0) continue; // 10% unknown to Brightpearl
                backOffice.add(new JsonObject().put("sku", sku(i)).put("name", "Bench product " + i).put("price", price)
                        .put("weight", "0.4").put("PCF_HSCODE", "6109.10").put("PCF_COUNTRYO", i % 2 == 0 ? "PT" : "VN")
                        .put("stock", new JsonObject().put("2", 100_000).put("3", 100_000).put("4", 100_000)));
            }
            http.post(bigcommerce + "/_sandbox/products", store);
            JsonArray created = (JsonArray) http.post(brightpearl + "/_sandbox/products", new JsonObject().put("items", backOffice));
            if (warehouses) {
                JsonObject byProduct = new JsonObject();
                for (Object o : created) {
                    JsonObject p = (JsonObject) o;
                    String sku = p.getJsonObject("identity", new JsonObject()).getString("sku", "");
                    byProduct.put(String.valueOf(p.getValue("id")), warehouseFor(sku));
                }
                productWarehouses.mergeIn(byProduct);
            }
        }
        if (warehouses) {
            http.post(brightpearl + "/_sandbox/warehouses", new JsonObject().put("id", LABEL_WAREHOUSE).put("name", "Dispatch (labels)"));
            http.put(brightpearl + "/_sandbox/options", new JsonObject().put("productWarehouses", productWarehouses)
                    .put("autoGoodsOutNotes", true));
        } else {
            http.put(brightpearl + "/_sandbox/options", new JsonObject().put("autoGoodsOutNotes", false));
        }
    }

    private final JsonObject productWarehouses = new JsonObject();

    static int warehouseFor(String sku) {
        int n = Math.floorMod(sku.hashCode(), 3);
        return n == 0 ? SHIPHERO_WAREHOUSE : n == 1 ? DROPSTREAM_WAREHOUSE : LABEL_WAREHOUSE;
    }

    /**
     * When the run draws ahead, has the simulator draw {@code total} orders now and hold them back
     * ({@code generate-orders} with {@code hold}), so that placing them later costs the simulator only making
     * them visible and sending their webhooks. Otherwise nothing: each batch is drawn as it is placed.
     */
    void drawAhead(int total) {
        if (!drawAhead || total <= 0) return;
        long t0 = System.currentTimeMillis();
        long lastPrint = t0;
        // Batches of 2,000 keep each request (drawn on the simulator's event loop) near a second.
        for (int drawn = 0; drawn < total; ) {
            int batch = Math.min(2_000, total - drawn);
            http.post(bigcommerce + "/_sandbox/generate-orders", new JsonObject().put("count", batch)
                    .put("seed", batchSeed(seed, batches++)).put("repeatRate", REPEAT_RATE).put("hold", true));
            drawn += batch;
            held += batch;
            if (System.currentTimeMillis() - lastPrint >= 5_000 || drawn == total) {
                lastPrint = System.currentTimeMillis();
                System.out.printf("  drawing the store's orders ahead: %d/%d (%.0f s)%n", drawn, total, (lastPrint - t0) / 1000.0);
            }
        }
    }

    /**
     * A request for {@code n} orders drawn as they are placed. While orders drawn ahead are kept for later, these
     * come from customers of their own (pool {@value #LIVE_POOL}): drawn from the shared pool, they would come
     * back as the customers of the held orders, whose new customers would then be known by the time those are
     * placed (a warm-up of 120,000 orders left 6% new customers in the measured phase instead of 40%).
     */
    private JsonObject live(int n) {
        JsonObject request = new JsonObject().put("count", n).put("seed", batchSeed(seed, batches++)).put("repeatRate", REPEAT_RATE);
        return keepHeld > 0 ? request.put("pool", LIVE_POOL) : request;
    }

    /**
     * Places {@code count} orders in one request (held ones first, released; any more drawn now); returns the
     * store's order ids.
     */
    List<Integer> place(int count) {
        long t = System.currentTimeMillis();
        boolean release = held > keepHeld;
        int n = release ? Math.min(count, held - keepHeld) : count;
        JsonObject r = (JsonObject) (release
                ? http.post(bigcommerce + "/_sandbox/release-orders", new JsonObject().put("count", n))
                : http.post(bigcommerce + "/_sandbox/generate-orders", live(n)));
        if (release) held -= r.getJsonArray("order_ids").size();
        List<Integer> ids = new ArrayList<>();
        for (Object o : r.getJsonArray("order_ids")) {
            ids.add(((Number) o).intValue());
            placedAt.put(((Number) o).intValue(), t);
        }
        if (firstPlacedMs < 0) firstPlacedMs = t;
        lastPlacedMs = System.currentTimeMillis();
        return ids;
    }

    /**
     * Places {@code total} orders at {@code perSecond} (0 = as fast as the simulator takes them, in batches of
     * 200): whenever an order falls due (looked at every {@code 1000 / perSecond} ms, at least 1 ms), in one
     * call with every order that fell due during the previous call; stops at {@code deadlineMs} whatever was
     * placed. Returns the number placed.
     */
    int placePaced(int total, double perSecond, long deadlineMs) {
        int placed = 0;
        long start = System.nanoTime();
        while (placed < total && System.currentTimeMillis() < deadlineMs) {
            int batch;
            if (perSecond <= 0) {
                batch = Math.min(200, total - placed);
            } else {
                double due = (System.nanoTime() - start) / 1e9 * perSecond + 1;
                batch = (int) Math.min(total - placed, Math.floor(due) - placed);
                if (batch <= 0) {
                    sleep(Math.max(1, (long) (1000 / perSecond)));
                    continue;
                }
            }
            placed += place(batch).size();
        }
        return placed;
    }

    /** Leaves {@code count} drawn-ahead orders held for a later phase; orders placed meanwhile are generated. */
    void keepHeld(int count) {
        keepHeld = Math.max(0, count);
    }

    /** Starts a measured phase: latencies and rates from here on cover only orders placed after this call. */
    void newPhase() {
        placedAt.clear();
        firstPlacedMs = -1;
    }

    /**
     * A well-mixed seed per batch: java.util.Random's first draws for consecutive seeds are nearly equal, so
     * batches of one order seeded 1, 2, 3... would all make the same repeat-customer choice (SplitMix64 finaliser).
     */
    static long batchSeed(long seed, long batch) {
        long z = seed * 0x9E3779B97F4A7C15L + batch * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Whether this run draws its orders before the clock starts (see {@link #drawAhead(int)}). */
    boolean drawsAhead() {
        return drawAhead;
    }

    long firstPlacedMs() {
        return firstPlacedMs;
    }

    long lastPlacedMs() {
        return lastPlacedMs;
    }

    Map<Integer, Long> placedAt() {
        return placedAt;
    }

    /**
     * Brightpearl's sales orders for the placed store orders (externalRef {@code store:<id>}): creation times,
     * duplicates and latencies (createdOn − placed), read once from {@code GET /_sandbox/orders?view=summary}.
     */
    JsonObject arrivals(String storeConnection) {
        JsonArray all = (JsonArray) http.get(brightpearl + "/_sandbox/orders?view=summary");
        Map<String, Integer> perRef = new HashMap<>();
        List<Long> created = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        Map<Long, List<Long>> bySecond = new HashMap<>();
        String prefix = storeConnection + ":";
        // -Djunction.bench.latencyDump=<file>: one line per order (ref, placed ms, created ms), to look inside a bad second
        String dumpTo = System.getProperty("junction.bench.latencyDump");
        StringBuilder dump = dumpTo == null ? null : new StringBuilder("ref,placedMs,createdMs\n");
        for (Object o : all) {
            JsonObject so = (JsonObject) o;
            String ref = so.getString("externalRef");
            if (ref == null || !ref.startsWith(prefix)) continue;
            perRef.merge(ref, 1, Integer::sum);
            Long placed = placedAt.get(Integer.parseInt(ref.substring(prefix.length())));
            if (placed == null) continue; // an earlier phase's order
            long at = OffsetDateTime.parse(so.getString("createdOn")).toInstant().toEpochMilli();
            if (dump != null) dump.append(ref).append(',').append(placed).append(',').append(at).append('\n');
            created.add(at);
            latencies.add(at - placed);
            bySecond.computeIfAbsent((placed - firstPlacedMs) / 1000, k -> new ArrayList<>()).add(at - placed);
        }
        if (dump != null) {
            try {
                Files.writeString(Path.of(dumpTo), dump);
            } catch (IOException e) {
                System.out.printf("  latency dump not written to %s: %s%n", dumpTo, e.getMessage());
            }
        }
        long duplicates = perRef.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        created.sort(Long::compare);
        JsonObject out = new JsonObject().put("salesOrders", created.size()).put("allSalesOrders", perRef.values().stream()
                        .mapToLong(Integer::longValue).sum()).put("distinctStoreOrders", perRef.size())
                .put("duplicates", duplicates).put("latencyMs", percentiles(latencies))
                .put("latencyBySecond", bySecond(bySecond));
        if (!created.isEmpty()) {
            long first = created.get(0);
            long last = created.get(created.size() - 1);
            out.put("firstCreatedMs", first).put("lastCreatedMs", last);
            // Overall: first order placed → last sales order created. Steady: between the 10% and 90% arrivals.
            double overall = created.size() / Math.max(0.001, (last - firstPlacedMs) / 1000.0);
            out.put("overallPerSecond", round(overall));
            if (created.size() >= 20) {
                int a = created.size() / 10;
                int b = created.size() * 9 / 10;
                double steady = (b - a) / Math.max(0.001, (created.get(b) - created.get(a)) / 1000.0);
                out.put("steadyPerSecond", round(steady));
            }
        }
        return out;
    }

    /**
     * Whether the latency tail is spread evenly (queueing on a busy machine) or gathered in a few seconds (a stall:
     * a checkpoint, a collection, a burst of other work): the median of the per-second p99s, and the five
     * seconds (counted from the first order placed) with the worst p99.
     */
    static JsonObject bySecond(Map<Long, List<Long>> bySecond) {
        List<JsonObject> seconds = new ArrayList<>();
        bySecond.forEach((second, values) -> seconds.add(percentiles(values).put("second", second)));
        JsonObject out = new JsonObject().put("seconds", seconds.size());
        if (seconds.isEmpty()) return out;
        JsonArray series = new JsonArray(); // p99 of each second in order, for a plot
        seconds.stream().sorted((a, b) -> Long.compare(a.getLong("second"), b.getLong("second")))
                .forEach(sec -> series.add(sec.getLong("p99")));
        out.put("p99Series", series);
        seconds.sort((a, b) -> Long.compare(a.getLong("p99"), b.getLong("p99")));
        out.put("medianP99", seconds.get(seconds.size() / 2).getLong("p99"));
        JsonArray worst = new JsonArray();
        for (int i = seconds.size() - 1; i >= Math.max(0, seconds.size() - 5); i--) {
            JsonObject w = seconds.get(i);
            worst.add(new JsonObject().put("second", w.getLong("second")).put("orders", w.getInteger("count"))
                    .put("p50", w.getLong("p50")).put("p99", w.getLong("p99")).put("max", w.getLong("max")));
        }
        return out.put("worst", worst);
    }

    static JsonObject percentiles(List<Long> values) {
        JsonObject out = new JsonObject().put("count", values.size());
        if (values.isEmpty()) return out;
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return out.put("p50", pct(v, 50)).put("p90", pct(v, 90)).put("p99", pct(v, 99)).put("max", v[v.length - 1])
                .put("mean", round(Arrays.stream(v).average().orElse(0)));
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
