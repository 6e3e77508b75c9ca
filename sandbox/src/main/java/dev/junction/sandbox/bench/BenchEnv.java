package dev.junction.sandbox.bench;

import dev.junction.hub.Hub;
import dev.junction.hub.config.HubConfig;
import dev.junction.hub.flow.FlowRuntime;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The environment a bench scenario runs in: simulators on free ports, a seeded workload and a hub in this
 * JVM with a generated config; and the outside view of its progress (entry-flow record counts, waiting
 * until every placed order has settled).
 */
final class BenchEnv {
    static final String ENTRY_FLOW = Scenarios.ENTRY_FLOW;
    static final String SALES_ORDER_ROUTE = Scenarios.SALES_ORDER_ROUTE;

    private final Vertx vertx;
    private final BenchHttp http;
    private final BenchSettings settings;

    BenchEnv(Vertx vertx, BenchHttp http, BenchSettings settings) {
        this.vertx = vertx;
        this.http = http;
        this.settings = settings;
    }

    /** Simulators in this JVM and a hub in a JVM of its own (for figures about the hub process alone). */
    record ProcessEnv(Sandbox sandbox, HubProcess hub, Workload workload, String flowApi, Path home) {
    }

    /**
     * Simulators, a seeded catalogue, and the store-orders hub started with {@code java -Xmx<xmx>} in its own JVM,
     * ready and with its store webhooks registered. On failure everything started is stopped.
     */
    ProcessEnv startHubProcess(String name, String xmx) throws Exception {
        Sandbox sb = sandbox(new Sandbox.Settings(0, settings.seed(), false, java.time.Duration.ofSeconds(3)));
        HubProcess hub = null;
        try {
            Workload w = new Workload(http, sb.baseUrl("bigcommerce"), sb.baseUrl("brightpearl"), settings.seed(), settings.drawAhead());
            w.seedCatalogue(false);
            Path home = settings.work().resolve(name);
            BenchConfigs.wipe(home);
            int port = BenchConfigs.freePort();
            JsonObject cfg = BenchConfigs.build(settings.root(), sb, port, home, settings.plugins(), Set.of("store", "brightpearl"), Set.of(ENTRY_FLOW),
                    entryOverrides());
            Path file = BenchConfigs.write(cfg, home.resolve("conf"));
            hub = HubProcess.start(file, java.nio.file.Files.createDirectories(home).resolve("hub.log"), java.util.List.of("-Xmx" + xmx));
            if (hub.awaitReady(port, java.time.Duration.ofSeconds(60)) < 0) {
                throw new IllegalStateException("hub did not become ready; see " + home.resolve("hub.log"));
            }
            awaitStoreHooks(sb.baseUrl("bigcommerce"));
            return new ProcessEnv(sb, hub, w, "http://127.0.0.1:" + port + "/api/v1/flows/" + ENTRY_FLOW, home);
        } catch (Exception | Error e) {
            if (hub != null) hub.close();
            sb.stop().await(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    void stop(ProcessEnv env) {
        if (env == null) return;
        env.hub().close();
        try {
            env.sandbox().stop().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("  could not stop the simulators: " + e);
        }
    }

    /** One scenario's simulators and in-process hub. */
    record Env(Sandbox sandbox, Hub hub, Workload workload) {
        String bp() {
            return sandbox.baseUrl("brightpearl");
        }

        String bc() {
            return sandbox.baseUrl("bigcommerce");
        }
    }

    Sandbox sandbox(Sandbox.Settings s) throws Exception {
        return Sandbox.start(vertx, s).await(60, TimeUnit.SECONDS);
    }

    Map<String, JsonObject> entryOverrides() {
        Map<String, JsonObject> o = new HashMap<>();
        JsonObject entry = new JsonObject().put("concurrency", settings.concurrency());
        if (settings.sweep() != null) entry.put("triggers", new JsonObject().put("pollEvery", settings.sweep().toString()));
        o.put(ENTRY_FLOW, entry);
        return o;
    }

    Env startInProcess(String name, Sandbox.Settings simulators, Set<String> connections, Set<String> flows,
                               Map<String, JsonObject> overrides, boolean warehouses) throws Exception {
        Sandbox sb = sandbox(simulators);
        Workload w = new Workload(http, sb.baseUrl("bigcommerce"), sb.baseUrl("brightpearl"), settings.seed(), settings.drawAhead());
        w.seedCatalogue(warehouses);
        Path home = settings.work().resolve(name);
        BenchConfigs.wipe(home);
        JsonObject cfgJson = BenchConfigs.build(settings.root(), sb, BenchConfigs.freePort(), home, settings.plugins(), connections, flows, overrides);
        Path file = BenchConfigs.write(cfgJson, home.resolve("conf"));
        HubConfig cfg = HubConfig.load(file, Map.of());
        Hub hub = new Hub(vertx, cfg, Map.of(), Clock.systemUTC()).start().await(120, TimeUnit.SECONDS);
        awaitStoreHooks(sb.baseUrl("bigcommerce"));
        return new Env(sb, hub, w);
    }

    void stop(Env env) {
        if (env == null) return;
        try {
            env.hub().stop().await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("bench: hub stop: " + e.getMessage());
        }
        try {
            env.sandbox().stop().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("bench: sandbox stop: " + e.getMessage());
        }
    }

    /** Webhook registration runs after start; orders placed before it would reach the hub only by the sweep. */
    void awaitStoreHooks(String bc) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonArray hooks = (JsonArray) http.get(bc + "/_sandbox/hooks");
            if (hooks.stream().anyMatch(h -> String.valueOf(((JsonObject) h).getValue("scope")).startsWith("store/order"))) return;
            Workload.sleep(100);
        }
        throw new IllegalStateException("the hub did not register its store webhooks within 30 s");
    }

    /** Entry-flow record counts of the in-process hub. */
    static JsonObject counts(Hub hub) throws Exception {
        for (FlowRuntime f : hub.engine().flows()) {
            if (f.config().id().equals(ENTRY_FLOW)) {
                return hub.engine().status(f).await(60, TimeUnit.SECONDS).getJsonObject("records");
            }
        }
        throw new IllegalStateException("no flow " + ENTRY_FLOW);
    }

    JsonObject countsOf(String flowId, Hub hub) throws Exception {
        for (FlowRuntime f : hub.engine().flows()) {
            if (f.config().id().equals(flowId)) return hub.engine().status(f).await(60, TimeUnit.SECONDS).getJsonObject("records");
        }
        return new JsonObject();
    }

    static long settled(JsonObject records) {
        return records.getLong("SYNCED", 0L) + records.getLong("FAILED", 0L) + records.getLong("SKIPPED", 0L);
    }

    static long total(JsonObject records) {
        long n = 0;
        for (String k : records.fieldNames()) n += records.getLong(k);
        return n;
    }

    /**
     * Waits until every order placed in this and earlier phases ({@code expected} in all) is settled in the entry
     * flow, printing progress every 5 s. Returns false on timeout.
     */
    boolean awaitSettled(Env env, long expected, long deadlineMs, String label) throws Exception {
        long lastPrint = 0;
        while (System.currentTimeMillis() < deadlineMs) {
            JsonObject c = counts(env.hub());
            if (settled(c) >= expected) return true;
            if (System.currentTimeMillis() - lastPrint >= 5_000) {
                lastPrint = System.currentTimeMillis();
                JsonObject bp = (JsonObject) http.get(env.bp() + "/_sandbox/stats");
                System.out.printf("  [%s] %s records %s; Brightpearl sales orders posted %d; load %s%n", label,
                        java.time.LocalTime.now().withNano(0), c.encode(), BenchHttp.route(bp, SALES_ORDER_ROUTE),
                        Machine.loadAverage());
            }
            Workload.sleep(500);
        }
        return false;
    }
}
