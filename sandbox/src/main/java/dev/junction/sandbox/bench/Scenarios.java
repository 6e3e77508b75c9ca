package dev.junction.sandbox.bench;

import dev.junction.hub.Hub;
import dev.junction.hub.config.HubConfig;
import dev.junction.hub.flow.FlowRuntime;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios of issue 9. Each starts its own simulators (free ports) and hub (in this JVM, as the demo
 * does, or in a JVM of its own where the figure is about that process), measures from the outside, and
 * returns its figures as JSON. Every wait is bounded by the settings' timeout.
 */
final class Scenarios {
    static final String ENTRY_FLOW = "store-orders";
    static final String SALES_ORDER_ROUTE = "POST /order-service/sales-order";

    private final Vertx vertx;
    private final BenchHttp http;
    private final BenchSettings settings;
    private final BenchEnv envs;

    Scenarios(Vertx vertx, BenchSettings settings) {
        this.vertx = vertx;
        this.http = new BenchHttp(vertx);
        this.settings = settings;
        this.envs = new BenchEnv(vertx, http, settings);
    }

    // ---------------------------------------------------------------- throughput / latency / economy

    /**
     * The store-orders path with simulators unthrottled and without added latency: {@code warmup} orders placed
     * and settled first (not measured), then {@code orders} at {@code rate}/s (0 = as fast as possible).
     */
    JsonObject syncRun(String scenario, int warmup, int orders, double rate) throws Exception {
        BenchEnv.Env env = null;
        try {
            env = envs.startInProcess(scenario, new Sandbox.Settings(0, settings.seed(), false, Duration.ofSeconds(3)),
                    Set.of("store", "brightpearl"), Set.of(ENTRY_FLOW), envs.entryOverrides(), false);
            env.workload().drawAhead(warmup + orders);
            long deadline = System.currentTimeMillis() + settings.timeout().toMillis();
            if (warmup > 0) {
                System.out.printf("  warm-up: %d orders at %s/s%n", warmup, rate <= 0 ? "max" : rate);
                env.workload().placePaced(warmup, rate, deadline);
                envs.awaitSettled(env, warmup, deadline, "warm-up");
            }
            env.workload().newPhase();
            JsonObject bc0 = (JsonObject) http.get(env.bc() + "/_sandbox/stats");
            JsonObject bp0 = (JsonObject) http.get(env.bp() + "/_sandbox/stats");
            JsonObject metrics0 = env.hub().metrics().toJson();
            String load0 = Machine.loadAverage();
            System.out.printf("  measured: %d orders at %s/s (load %s)%n", orders, rate <= 0 ? "max" : rate, load0);
            long t0 = System.currentTimeMillis();
            int placed = env.workload().placePaced(orders, rate, deadline);
            long placedMs = System.currentTimeMillis() - t0;
            boolean done = envs.awaitSettled(env, (long) warmup + placed, deadline, scenario);
            long elapsedMs = System.currentTimeMillis() - t0;
            JsonObject bc1 = (JsonObject) http.get(env.bc() + "/_sandbox/stats");
            JsonObject bp1 = (JsonObject) http.get(env.bp() + "/_sandbox/stats");
            JsonObject records = BenchEnv.counts(env.hub());
            JsonObject arrivals = env.workload().arrivals("store");
            JsonObject bcCalls = BenchHttp.routeDelta(bc0, bc1);
            JsonObject bpCalls = BenchHttp.routeDelta(bp0, bp1);
            JsonObject bpBatched = BenchHttp.messageDelta(bp0, bp1);
            long synced = Math.max(1, arrivals.getLong("salesOrders"));
            JsonObject out = new JsonObject().put("scenario", scenario).put("warmupOrders", warmup).put("orders", placed)
                    .put("offeredRatePerSecond", rate <= 0 ? "max" : rate).put("concurrency", settings.concurrency())
                    .put("ordersDrawnAhead", env.workload().drawsAhead()).put("placementSeconds", placedMs / 1000.0).put("completed", done).put("elapsedSeconds", elapsedMs / 1000.0)
                    .put("records", records).put("brightpearl", arrivals)
                    .put("callsPerOrder", new JsonObject()
                            .put("brightpearl", Math.round(1000.0 * BenchHttp.sum(bpCalls) / synced) / 1000.0)
                            .put("bigcommerce", Math.round(1000.0 * BenchHttp.sum(bcCalls) / synced) / 1000.0))
                    .put("brightpearlCalls", bpCalls).put("bigcommerceCalls", bcCalls)
                    .put("brightpearlCallsPerOrderByRoute", perOrder(bpCalls, synced))
                    .put("brightpearlWritesInMultiMessagesPerOrder", perOrder(bpBatched, synced))
                    .put("throttled", new JsonObject().put("brightpearl", bp1.getLong("throttled") - bp0.getLong("throttled"))
                            .put("bigcommerce", bc1.getLong("throttled") - bc0.getLong("throttled")))
                    .put("storeWebhooks", bc1.getJsonObject("webhooks"))
                    .put("hubFlowTimers", timers(metrics0, env.hub().metrics().toJson()))
                    .put("loadBefore", load0).put("loadAfter", Machine.loadAverage());
            return out;
        } finally {
            envs.stop(env);
        }
    }

    private static JsonObject perOrder(JsonObject calls, long orders) {
        JsonObject out = new JsonObject();
        for (String k : calls.fieldNames()) out.put(k, Math.round(1000.0 * calls.getLong(k) / orders) / 1000.0);
        return out;
    }

    /** The hub's own flow timers for the entry flow (ingest → synced latency: mean and max only). */
    private static JsonObject timers(JsonObject before, JsonObject after) {
        JsonObject out = new JsonObject();
        JsonObject t = after.getJsonObject("timers", new JsonObject());
        for (String k : t.fieldNames()) {
            if (k.contains(ENTRY_FLOW)) out.put(k, t.getJsonObject(k));
        }
        return out;
    }

    // ---------------------------------------------------------------- limits

    /**
     * Brightpearl's 200/minute budget on (BigCommerce unlimited, so the store is not the bottleneck): a backlog
     * of {@code orders} placed at once, then orders synced per minute over {@code duration} against the ceiling
     * the measured calls per order allow.
     */
    JsonObject limits(int orders, Duration duration, int budget) throws Exception {
        BenchEnv.Env env = null;
        try {
            env = envs.startInProcess("limits", new Sandbox.Settings(0, settings.seed(), true, Duration.ofSeconds(3), budget, 0),
                    Set.of("store", "brightpearl"), Set.of(ENTRY_FLOW), envs.entryOverrides(), false);
            JsonObject metrics0 = env.hub().metrics().toJson();
            http.post(env.bp() + "/_sandbox/stats/reset", new JsonObject()); // start-up calls and their window forgotten
            String load0 = Machine.loadAverage();
            long t0 = System.currentTimeMillis();
            env.workload().placePaced(orders, 0, t0 + 60_000);
            List<long[]> series = new ArrayList<>();
            long end = t0 + duration.toMillis();
            while (System.currentTimeMillis() < end) {
                Workload.sleep(Math.min(10_000, Math.max(1, end - System.currentTimeMillis())));
                JsonObject bp = (JsonObject) http.get(env.bp() + "/_sandbox/stats");
                long created = BenchHttp.route(bp, SALES_ORDER_ROUTE);
                series.add(new long[]{System.currentTimeMillis() - t0, created, bp.getLong("total"), bp.getLong("throttled")});
                System.out.printf("  [limits] %3ds: sales orders %d, Brightpearl calls %d, throttled responses %d%n",
                        (System.currentTimeMillis() - t0) / 1000, created, bp.getLong("total"), bp.getLong("throttled"));
            }
            JsonObject bp = (JsonObject) http.get(env.bp() + "/_sandbox/stats");
            JsonObject records = BenchEnv.counts(env.hub());
            JsonObject arrivals = env.workload().arrivals("store");
            double minutes = (System.currentTimeMillis() - t0) / 60_000.0;
            long synced = arrivals.getLong("salesOrders");
            long calls = bp.getLong("total");
            double callsPerOrder = synced == 0 ? 0 : (double) calls / synced;
            double perMinute = synced / minutes;
            double ceiling = callsPerOrder == 0 ? 0 : budget / callsPerOrder;
            JsonObject attempts = new JsonObject();
            JsonObject c = env.hub().metrics().toJson().getJsonObject("counters");
            JsonObject c0 = metrics0.getJsonObject("counters");
            for (String k : c.fieldNames()) {
                if (k.startsWith("flow.attempts") && k.contains(ENTRY_FLOW)) attempts.put(k, c.getLong(k) - c0.getLong(k, 0L));
            }
            JsonArray s = new JsonArray();
            series.forEach(x -> s.add(new JsonArray().add(x[0] / 1000).add(x[1]).add(x[2]).add(x[3])));
            return new JsonObject().put("scenario", "limits").put("budgetPerMinute", budget).put("ordersPlaced", orders)
                    .put("minutes", Workload.round(minutes)).put("synced", synced).put("syncedPerMinute", Workload.round(perMinute))
                    .put("brightpearlCalls", calls).put("brightpearlCallsPerOrder", Math.round(callsPerOrder * 1000) / 1000.0)
                    .put("ceilingPerMinute", Workload.round(ceiling)).put("ofCeiling", Workload.round(100 * perMinute / Math.max(0.001, ceiling)))
                    .put("ceilingAtFloorPerMinute", budget)
                    .put("throttledResponses", bp.getLong("throttled")).put("records", records)
                    .put("failedRecords", records.getLong("FAILED", 0L)).put("hubAttempts", attempts)
                    .put("routes", bp.getJsonObject("routes")).put("series[s,salesOrders,calls,throttled]", s)
                    .put("loadBefore", load0).put("loadAfter", Machine.loadAverage());
        } finally {
            envs.stop(env);
        }
    }

    /** The throughput path with the hub in its own JVM: measured rate and the hub's own CPU per order. */
    JsonObject capacity(int warmup, int orders, double rate, String xmx) throws Exception {
        return new CapacityScenario(envs, http, settings.timeout()).run(warmup, orders, rate, xmx);
    }

    // ---------------------------------------------------------------- backlog

    /**
     * Brightpearl down while {@code orders} arrive at a hub in its own JVM with {@code -Xmx512m}; then up:
     * drain time and rate, duplicates, failures, peak heap (jstat samples every second) and peak RSS.
     */
    JsonObject backlog(int orders, double rate, String xmx) throws Exception {
        BenchEnv.ProcessEnv env = envs.startHubProcess("backlog", xmx);
        try {
            Sandbox sb = env.sandbox();
            HubProcess hub = env.hub();
            Workload w = env.workload();
            hub.sampleHeap(1_000);
            String bp = sb.baseUrl("brightpearl");
            String api = env.flowApi();
            http.put(bp + "/_sandbox/faults", new JsonObject().put("down", true));
            String load0 = Machine.loadAverage();
            long deadline = System.currentTimeMillis() + settings.timeout().toMillis();
            long t0 = System.currentTimeMillis();
            System.out.printf("  Brightpearl down; placing %d orders at %s/s%n", orders, rate <= 0 ? "max" : rate);
            int placed = w.placePaced(orders, rate, deadline);
            long placedMs = System.currentTimeMillis() - t0;
            // All persisted in the hub (webhook ingress commits before answering)?
            JsonObject rec = new JsonObject();
            while (System.currentTimeMillis() < deadline) {
                rec = ((JsonObject) http.get(api, BenchConfigs.ADMIN_TOKEN)).getJsonObject("records");
                if (BenchEnv.total(rec) >= placed) break;
                Workload.sleep(1_000);
            }
            long ingestedMs = System.currentTimeMillis() - t0;
            System.out.printf("  ingested %d in %.1f s while down: %s; heap peak so far %d MB%n", BenchEnv.total(rec), ingestedMs / 1000.0,
                    rec.encode(), hub.peakHeapMb());
            JsonObject bpDown = (JsonObject) http.get(bp + "/_sandbox/stats");
            http.put(bp + "/_sandbox/faults", new JsonObject().put("down", false));
            long up = System.currentTimeMillis();
            long lastPrint = 0;
            while (System.currentTimeMillis() < deadline) {
                rec = ((JsonObject) http.get(api, BenchConfigs.ADMIN_TOKEN)).getJsonObject("records");
                if (BenchEnv.settled(rec) >= placed) break;
                if (System.currentTimeMillis() - lastPrint > 10_000) {
                    lastPrint = System.currentTimeMillis();
                    System.out.printf("  [backlog] %4ds after up: %s; heap peak %d MB%n", (lastPrint - up) / 1000, rec.encode(),
                            hub.peakHeapMb());
                }
                Workload.sleep(1_000);
            }
            long drainMs = System.currentTimeMillis() - up;
            JsonObject arrivals = w.arrivals("store");
            long[] rss = Machine.rssMb(hub.pid());
            return new JsonObject().put("scenario", "backlog").put("orders", placed).put("xmx", xmx)
                    .put("placementSeconds", placedMs / 1000.0).put("ingestedWhileDownSeconds", ingestedMs / 1000.0)
                    .put("brightpearlUnavailableAnswers", bpDown.getLong("unavailable"))
                    .put("drainSeconds", drainMs / 1000.0)
                    .put("drainPerSecond", Workload.round(arrivals.getLong("salesOrders") / Math.max(0.001, drainMs / 1000.0)))
                    .put("completed", BenchEnv.settled(rec) >= placed).put("records", rec).put("brightpearl", arrivals)
                    .put("duplicates", arrivals.getLong("duplicates")).put("peakHeapMb", hub.peakHeapMb())
                    .put("peakRssMb", rss[1]).put("rssMbAtEnd", rss[0])
                    .put("loadBefore", load0).put("loadAfter", Machine.loadAverage());
        } finally {
            envs.stop(env);
        }
    }

    // ---------------------------------------------------------------- footprint

    /** Cold starts of a hub JVM with all five plugins, connections and the demo's flows: time to /ready, idle RSS. */
    JsonObject footprint(int runs, Duration idle) throws Exception {
        Sandbox sb = null;
        try {
            sb = envs.sandbox(new Sandbox.Settings(0, settings.seed(), false, Duration.ofSeconds(3)));
            JsonObject demo = BenchConfigs.demo(settings.root().resolve("config/demo/hub.yaml"), Map.of());
            Set<String> conns = new java.util.HashSet<>();
            demo.getJsonArray("connections").forEach(c -> conns.add(((JsonObject) c).getString("id")));
            Set<String> flows = new java.util.HashSet<>();
            demo.getJsonArray("flows").forEach(f -> flows.add(((JsonObject) f).getString("id")));
            JsonArray starts = new JsonArray();
            long rss = -1;
            long heap = -1;
            String log = "";
            for (int i = 1; i <= runs; i++) {
                Path home = settings.work().resolve("footprint-" + i);
                BenchConfigs.wipe(home);
                int port = BenchConfigs.freePort();
                Path file = BenchConfigs.write(BenchConfigs.build(settings.root(), sb, port, home, settings.plugins(), conns, flows, Map.of()), home.resolve("conf"));
                Path logFile = Files.createDirectories(home).resolve("hub.log");
                try (HubProcess hub = HubProcess.start(file, logFile, List.of())) {
                    long ms = hub.awaitReady(port, Duration.ofSeconds(60));
                    starts.add(ms);
                    System.out.printf("  cold start %d: ready in %d ms%n", i, ms);
                    if (i == runs) {
                        Workload.sleep(idle.toMillis());
                        rss = Machine.rssMb(hub.pid())[0];
                        heap = hub.heapUsedKb() / 1024;
                    }
                }
                log = Files.readString(logFile);
            }
            long plugins = log.lines().filter(l -> l.contains("ready on")).count();
            List<Long> sorted = new ArrayList<>();
            starts.forEach(x -> sorted.add(((Number) x).longValue()));
            sorted.sort(Long::compare);
            return new JsonObject().put("scenario", "footprint").put("coldStartsMs", starts)
                    .put("medianColdStartMs", sorted.get(sorted.size() / 2)).put("connections", conns.size()).put("flows", flows.size())
                    .put("idleSeconds", idle.toSeconds()).put("idleRssMb", rss).put("idleHeapUsedMb", heap)
                    .put("readyLine", log.lines().filter(l -> l.contains("ready on")).findFirst().orElse("")).put("readyLines", plugins)
                    .put("jvmArgs", "defaults (no -Xmx)").put("load", Machine.loadAverage());
        } finally {
            if (sb != null) sb.stop().await(30, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- chain

    /**
     * Every connector and flow of the demo: store → Brightpearl → warehouses (ShipHero, DropStream, Starshipit,
     * which ship after {@code shipAfter}) → tracking back to Brightpearl and the store. Orders are done when
     * the store shows them Shipped, or Partially Shipped once nothing has moved for 20 s (lines whose SKU
     * Brightpearl lacks have no goods-out note, so such orders never ship in full).
     */
    JsonObject chain(int orders, double rate, Duration shipAfter) throws Exception {
        BenchEnv.Env env = null;
        try {
            JsonObject demo = BenchConfigs.demo(settings.root().resolve("config/demo/hub.yaml"), Map.of());
            Set<String> conns = new java.util.HashSet<>();
            demo.getJsonArray("connections").forEach(c -> conns.add(((JsonObject) c).getString("id")));
            Set<String> flows = new java.util.HashSet<>();
            demo.getJsonArray("flows").forEach(f -> flows.add(((JsonObject) f).getString("id")));
            env = envs.startInProcess("chain", new Sandbox.Settings(0, settings.seed(), false, shipAfter), conns, flows, envs.entryOverrides(), true);
            String load0 = Machine.loadAverage();
            long deadline = System.currentTimeMillis() + settings.timeout().toMillis();
            long t0 = System.currentTimeMillis();
            int placed = env.workload().placePaced(orders, rate, deadline);
            long lastChange = System.currentTimeMillis();
            String last = "";
            long shipped = 0;
            long partial = 0;
            while (System.currentTimeMillis() < deadline) {
                Workload.sleep(2_000);
                JsonArray all = (JsonArray) http.get(env.bc() + "/_sandbox/orders");
                shipped = all.stream().filter(o -> Integer.valueOf(2).equals(((JsonObject) o).getInteger("status_id"))).count();
                partial = all.stream().filter(o -> Integer.valueOf(3).equals(((JsonObject) o).getInteger("status_id"))).count();
                String now = shipped + "/" + partial;
                if (!now.equals(last)) {
                    last = now;
                    lastChange = System.currentTimeMillis();
                    System.out.printf("  [chain] %4ds: store orders Shipped %d, Partially Shipped %d of %d%n",
                            (lastChange - t0) / 1000, shipped, partial, placed);
                }
                if (shipped >= placed || (shipped + partial >= placed)
                        || (shipped + partial > 0 && System.currentTimeMillis() - lastChange > 20_000)) break;
            }
            double seconds = (lastChange - t0) / 1000.0;
            JsonObject flowCounts = new JsonObject();
            for (FlowRuntime f : env.hub().engine().flows()) flowCounts.put(f.config().id(), envs.countsOf(f.config().id(), env.hub()));
            return new JsonObject().put("scenario", "chain").put("orders", placed).put("offeredRatePerSecond", rate)
                    .put("warehouseShipAfter", shipAfter.toString()).put("shipped", shipped).put("partiallyShipped", partial)
                    .put("secondsToLastShipment", seconds)
                    .put("shippedOrPartialPerSecond", Workload.round((shipped + partial) / Math.max(0.001, seconds)))
                    .put("flows", flowCounts).put("loadBefore", load0).put("loadAfter", Machine.loadAverage());
        } finally {
            envs.stop(env);
        }
    }

    void close() {
        http.close();
    }
}
