package dev.junction.sandbox.demo;

import dev.junction.hub.Hub;
import dev.junction.hub.flow.FlowRuntime;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the demo's orders at a steady rate, prints each flow's progress every two seconds, and decides
 * when everything has settled: all orders placed, no flow with pending or in-progress records, and no
 * record count changing for {@link #QUIET} (warehouses ship after a delay and report back by webhook or
 * poll, so a moment of calm is not the end).
 */
final class DemoRun {
    static final Duration QUIET = Duration.ofSeconds(20);
    /** The demo config's flow that takes store orders into Brightpearl. */
    static final String ENTRY_FLOW = "store-orders";
    private static final long TICK_MS = 2_000;

    private final Vertx vertx;
    private final WebClient http;
    private final Sandbox sandbox;
    private final Hub hub;
    private final int orders;
    private final int rate;
    private int placed;
    private long lastChange = System.currentTimeMillis();
    private String lastCounts = "";
    private final long started = System.currentTimeMillis();

    DemoRun(Vertx vertx, WebClient http, Sandbox sandbox, Hub hub, int orders, int rate) {
        this.vertx = vertx;
        this.http = http;
        this.sandbox = sandbox;
        this.hub = hub;
        this.orders = orders;
        this.rate = Math.max(1, rate);
    }

    /** Runs until settled (or {@code timeout}); with a null timeout, keeps printing progress forever. */
    Future<JsonObject> execute(Duration timeout) {
        Promise<JsonObject> done = Promise.promise();
        long deadline = timeout == null ? Long.MAX_VALUE : started + timeout.toMillis();
        placeBatch();
        vertx.setPeriodic(TICK_MS, id -> snapshot().onSuccess(s -> {
            print(s);
            // Every placed order must have reached the back office (synced, failed or skipped) before calm counts.
            JsonObject entry = s.getJsonObject("flows").getJsonObject(ENTRY_FLOW, new JsonObject());
            long accounted = entry.getLong("synced", 0L) + entry.getLong("failed", 0L) + entry.getLong("skipped", 0L);
            // ...and no poll may be under way: a slow or stuck poll is work not yet visible as records
            boolean settled = placed >= orders && accounted >= orders && s.getLong("pending") == 0
                    && !s.getBoolean("polling") && System.currentTimeMillis() - lastChange >= QUIET.toMillis();
            if (timeout != null && (settled || System.currentTimeMillis() > deadline)) {
                vertx.cancelTimer(id);
                storeShipped().onComplete(ar -> done.complete(s.put("settled", settled)
                        .put("storeOrdersShipped", ar.succeeded() ? ar.result() : -1)));
            }
        }));
        return done.future();
    }

    private void placeBatch() {
        if (placed >= orders) {
            return;
        }
        int n = Math.min(rate, orders - placed);
        long seed = 1000L + placed;
        http.postAbs(sandbox.baseUrl("bigcommerce") + "/_sandbox/generate-orders")
                .sendJsonObject(new JsonObject().put("count", n).put("seed", seed))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result().statusCode() == 201) {
                        placed += n;
                    } else {
                        System.err.println("demo: could not place orders: "
                                + (ar.succeeded() ? ar.result().bodyAsString() : ar.cause().getMessage()));
                    }
                    vertx.setTimer(1_000, t -> placeBatch());
                });
    }

    /** Per-flow counts plus totals, from the running hub. */
    private Future<JsonObject> snapshot() {
        List<Future<JsonObject>> all = new ArrayList<>();
        for (FlowRuntime f : hub.engine().flows()) {
            all.add(hub.engine().status(f));
        }
        return Future.all(all).map(cf -> {
            JsonObject flows = new JsonObject();
            long pending = 0;
            long failed = 0;
            boolean polling = false;
            for (int i = 0; i < cf.size(); i++) {
                JsonObject st = cf.resultAt(i);
                JsonObject r = st.getJsonObject("records");
                long p = r.getLong("PENDING") + r.getLong("IN_PROGRESS");
                pending += "RUNNING".equals(st.getString("state")) ? p : 0;
                failed += r.getLong("FAILED");
                polling |= st.getBoolean("polling", false);
                // a last run that failed is work not done: not settled until a run succeeds
                JsonObject lastRun = st.getJsonObject("lastRun");
                polling |= "RUNNING".equals(st.getString("state")) && lastRun != null && lastRun.getString("error") != null;
                flows.put(st.getString("id"), new JsonObject().put("state", st.getString("state"))
                        .put("synced", r.getLong("SYNCED")).put("failed", r.getLong("FAILED")).put("pending", p)
                        .put("skipped", r.getLong("SKIPPED")));
            }
            String counts = flows.encode();
            if (!counts.equals(lastCounts)) {
                lastCounts = counts;
                lastChange = System.currentTimeMillis();
            }
            return new JsonObject().put("orders", orders).put("placed", placed).put("pending", pending).put("failed", failed).put("polling", polling)
                    .put("elapsedSeconds", (System.currentTimeMillis() - started) / 1000).put("flows", flows);
        });
    }

    private void print(JsonObject s) {
        StringBuilder sb = new StringBuilder(String.format("[%4ds] placed %d/%d", s.getLong("elapsedSeconds"), placed, orders));
        JsonObject flows = s.getJsonObject("flows");
        for (String id : flows.fieldNames()) {
            JsonObject f = flows.getJsonObject(id);
            sb.append(" | ").append(id).append(' ').append(f.getLong("synced"));
            if (f.getLong("pending") > 0) sb.append(" +").append(f.getLong("pending")).append(" pending");
            if (f.getLong("failed") > 0) sb.append(" ").append(f.getLong("failed")).append(" FAILED");
            if (!"RUNNING".equals(f.getString("state"))) sb.append(" (").append(f.getString("state")).append(')');
        }
        System.out.println(sb);
    }

    /** Store orders now Shipped or Partially Shipped: the chain's last hop. */
    private Future<Long> storeShipped() {
        return http.getAbs(sandbox.baseUrl("bigcommerce") + "/_sandbox/orders").send().map(r -> {
            JsonArray arr = r.bodyAsJsonArray();
            return arr.stream().map(o -> (JsonObject) o).filter(o -> {
                Integer st = o.getInteger("status_id");
                return st != null && (st == 2 || st == 3);
            }).count();
        });
    }
}
