package dev.junction.sandbox.bench;

import dev.junction.sandbox.Sandbox;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The throughput path with the hub in a JVM of its own, to say how much of the two cores the hub itself
 * spends per order. In-process figures share the cores between the hub, five simulators and the load
 * generator; here the hub's CPU time ({@code /proc/<pid>/stat}) and this JVM's (simulators, generator) are
 * read before and after the measured phase, so the figure "hub CPU per order" is the hub's alone, and the rate
 * two dedicated cores would allow is derived from it (an estimate, printed as such, next to the measured rate).
 */
final class CapacityScenario {
    private final BenchEnv envs;
    private final BenchHttp http;
    private final Duration timeout;

    CapacityScenario(BenchEnv envs, BenchHttp http, Duration timeout) {
        this.envs = envs;
        this.http = http;
        this.timeout = timeout;
    }

    JsonObject run(int warmup, int orders, double rate, String xmx) throws Exception {
        BenchEnv.ProcessEnv env = envs.startHubProcess("capacity", xmx);
        try {
            Sandbox sb = env.sandbox();
            HubProcess hub = env.hub();
            Workload w = env.workload();
            String api = env.flowApi();
            w.drawAhead(warmup + orders);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            int warmed = 0;
            if (warmup > 0) {
                warmed = WarmUp.run(w, hub.pid(), () -> settled(api), warmup, orders, rate, deadline);
                // A run the hub keeps up with goes straight on, as a shop's orders do: a pause to let the warm-up
                // settle would start the measured phase from an idle hub. A warm-up faster than the hub (full
                // speed, or a rate above its peak) leaves a queue, which is drained first, or it would count
                // against the measured phase.
                long behind = warmed - settled(api);
                if (rate <= 0 || behind > WarmUp.caughtUp(rate)) {
                    System.out.printf("  warm-up: the hub is %d orders behind; letting it catch up before measuring%n", behind);
                    awaitSettled(api, warmed, deadline);
                }
            }
            w.newPhase();
            JsonObject bc0 = (JsonObject) http.get(sb.baseUrl("bigcommerce") + "/_sandbox/stats");
            JsonObject bp0 = (JsonObject) http.get(sb.baseUrl("brightpearl") + "/_sandbox/stats");
            String load0 = Machine.loadAverage();
            long hubCpu0 = processCpuMs(hub.pid());
            long benchCpu0 = benchCpuMs();
            ThreadCpu hubThreads0 = ThreadCpu.of(hub.pid());
            ThreadCpu benchThreads0 = ThreadCpu.self();
            long t0 = System.currentTimeMillis();
            System.out.printf("  measured: %d orders at %s/s (load %s)%n", orders, rate <= 0 ? "max" : rate, load0);
            int placed = w.placePaced(orders, rate, deadline);
            boolean done = awaitSettled(api, (long) warmed + placed, deadline);
            long wallMs = System.currentTimeMillis() - t0;
            long hubCpuMs = processCpuMs(hub.pid()) - hubCpu0;
            long benchCpuMs = benchCpuMs() - benchCpu0;
            ThreadCpu hubThreads = ThreadCpu.of(hub.pid()).since(hubThreads0);
            ThreadCpu benchThreads = ThreadCpu.self().since(benchThreads0);
            JsonObject bc1 = (JsonObject) http.get(sb.baseUrl("bigcommerce") + "/_sandbox/stats");
            JsonObject bcCalls = BenchHttp.routeDelta(bc0, bc1);
            JsonObject bpCalls = BenchHttp.routeDelta(bp0, (JsonObject) http.get(sb.baseUrl("brightpearl") + "/_sandbox/stats"));
            JsonObject arrivals = w.arrivals("store");
            long synced = Math.max(1, arrivals.getLong("salesOrders"));
            double hubMsPerOrder = (double) hubCpuMs / synced;
            double benchMsPerOrder = (double) benchCpuMs / synced;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("capacity: %d orders placed at %s/s, hub in its own JVM (-Xmx%s); completed=%s in %.1f s;"
                            + " measured %.1f orders/s overall, steady %s/s%n",
                    placed, rate <= 0 ? "max" : rate, xmx, done, wallMs / 1000.0, synced * 1000.0 / wallMs,
                    arrivals.getValue("steadyPerSecond"));
            System.out.printf("  CPU per order: hub %.2f ms, simulators + load generator %.2f ms (the %d cores are shared);"
                            + " estimate for the hub alone on %d cores: %.0f orders/s%n",
                    hubMsPerOrder, benchMsPerOrder, cores, cores, cores * 1000.0 / hubMsPerOrder);
            System.out.printf("  by thread, ms per order: hub %s; simulators %s%n", hubThreads.text(synced), benchThreads.text(synced));
            System.out.printf("  latency (ms): %s; by second placed: %s%n", arrivals.getJsonObject("latencyMs").encode(),
                    Report.bySecondText(arrivals.getJsonObject("latencyBySecond")));
            System.out.printf("  calls per order: Brightpearl %.3f, BigCommerce %.3f; duplicates %d%n",
                    BenchHttp.sum(bpCalls) / (double) synced, BenchHttp.sum(bcCalls) / (double) synced, arrivals.getLong("duplicates"));
            JsonObject hooks = BenchHttp.countsDelta(bc0.getJsonObject("webhooks"), bc1.getJsonObject("webhooks"));
            System.out.printf("  store webhooks: %s%n", hooks.encode());
            return new JsonObject().put("scenario", "capacity").put("warmupOrders", warmed).put("orders", placed)
                    .put("offeredRatePerSecond", rate <= 0 ? "max" : rate).put("xmx", xmx)
                    .put("ordersDrawnAhead", w.drawsAhead()).put("completed", done)
                    .put("elapsedSeconds", wallMs / 1000.0).put("brightpearl", arrivals)
                    .put("measuredPerSecond", Workload.round(synced * 1000.0 / wallMs))
                    .put("hubCpuMs", hubCpuMs).put("benchJvmCpuMs", benchCpuMs)
                    .put("hubCpuMsPerOrder", Workload.round(hubMsPerOrder)).put("simulatorCpuMsPerOrder", Workload.round(benchMsPerOrder))
                    .put("hubCpuMsPerOrderByThread", hubThreads.perOrder(synced))
                    .put("simulatorCpuMsPerOrderByThread", benchThreads.perOrder(synced))
                    .put("estimatedHubAlonePerSecond", Math.round(cores * 1000.0 / hubMsPerOrder))
                    .put("brightpearlCalls", bpCalls).put("bigcommerceCalls", bcCalls)
                    .put("storeWebhooks", hooks)
                    .put("loadBefore", load0).put("loadAfter", Machine.loadAverage());
        } finally {
            envs.stop(env);
        }
    }

    private long settled(String api) {
        return BenchEnv.settled(((JsonObject) http.get(api, BenchConfigs.ADMIN_TOKEN)).getJsonObject("records"));
    }

    private boolean awaitSettled(String api, long expected, long deadline) {
        long lastPrint = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            JsonObject rec = ((JsonObject) http.get(api, BenchConfigs.ADMIN_TOKEN)).getJsonObject("records");
            if (BenchEnv.settled(rec) >= expected) return true;
            if (System.currentTimeMillis() - lastPrint > 5_000) {
                lastPrint = System.currentTimeMillis();
                System.out.printf("  [capacity] %s%n", rec.encode());
            }
            Workload.sleep(250);
        }
        return false;
    }

    /** User + system CPU time of a process, from /proc (Linux); clock ticks assumed 100 per second. */
    static long processCpuMs(long pid) {
        try {
            return ThreadCpu.cpuMs(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (Exception e) {
            return -1;
        }
    }

    private static long benchCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }
}
