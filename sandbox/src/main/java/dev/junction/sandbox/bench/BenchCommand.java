package dev.junction.sandbox.bench;

import dev.junction.hub.HubVertx;
import dev.junction.hub.cli.CliCommand;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code junction bench <scenario>}: drives a real hub against the sandbox on loopback and prints what it
 * measured (text, then one JSON line per scenario) and the machine it ran on. Scenarios: throughput,
 * latency, economy, limits, backlog, footprint, chain, all. See {@code docs/benchmarks.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the hub against the sandbox: throughput, latency, economy, limits, backlog, footprint, chain, all.")
public final class BenchCommand implements Callable<Integer>, CliCommand {
    static final List<String> SCENARIOS = List.of("throughput", "capacity", "latency", "economy", "limits", "backlog", "footprint",
            "chain");

    @Parameters(index = "0", defaultValue = "all", description = "scenario: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    String scenario;

    @Option(names = "--orders", description = "orders to measure (defaults: throughput 10000, latency 3000, economy 3000, "
            + "limits 600, backlog 10000, chain 150)")
    Integer orders;

    // The hub's JIT alone spends ~25 s of CPU in its first ~30,000 orders (C2 compiler threads, read from
    // /proc/<pid>/task): a figure meant to say what the hub sustains is taken after it, as JMH warms up.
    @Option(names = "--warmup", description = "orders placed and settled before measuring (defaults: throughput 0, "
            + "latency a third of --orders up to 1000, economy = --orders, capacity a fifth of --orders up to 2000; "
            + "capacity goes on after them, in 5 s rounds, until the compiler threads of the hub and the simulators "
            + "use under 5% of a core)")
    Integer warmup;

    @Option(names = "--rate", description = "orders placed per second (defaults: throughput 1200, latency half the peak "
            + "measured by throughput in this run or 150, economy 200, backlog 500, chain 10)")
    Double rate;

    // Each order waits on several sequential remote calls, so in-flight records, not CPU, bound the rate at the
    // demo's 8 (measured: 184/s at 8, 311/s at 64 on the same build); the flow's setting is the merchant's to raise.
    @Option(names = "--concurrency", defaultValue = "64", description = "the store-orders flow's concurrency (default ${DEFAULT-VALUE}; the demo runs 8)")
    int concurrency;

    @Option(names = "--sweep", description = "the store-orders flow's sweep interval (pollEvery; default: the demo's "
            + "PT30S; production configs sweep hourly)")
    Duration sweep;

    // The load generator is not part of the system under test: a real shop's orders are drawn up on BigCommerce's
    // servers, not on the 2 cores that run the hub. Drawn live, it was about a third of the simulators' CPU.
    @Option(names = "--draw-live", description = "draw each batch of store orders as it is placed instead of before "
            + "the scenario's clock starts (throughput, latency, economy, capacity); the figures before the sixth session")
    boolean drawLive;

    @Option(names = "--duration", defaultValue = "PT3M", description = "limits: how long to measure (default ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--budget", defaultValue = "200", description = "limits: Brightpearl requests per minute (default ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--xmx", defaultValue = "512m", description = "backlog and capacity: the hub JVM's -Xmx (default ${DEFAULT-VALUE})")
    String xmx;

    @Option(names = "--starts", defaultValue = "3", description = "footprint: cold starts to time (default ${DEFAULT-VALUE})")
    int starts;

    @Option(names = "--idle", defaultValue = "PT15S", description = "footprint: idle time before reading RSS (default ${DEFAULT-VALUE})")
    Duration idle;

    @Option(names = "--ship-after", defaultValue = "PT1S", description = "chain: warehouse shipping delay (default ${DEFAULT-VALUE})")
    Duration shipAfter;

    @Option(names = "--plugins", description = "plugin zips (default: build/plugins in the Junction folder)")
    Path plugins;

    @Option(names = "--work-dir", description = "hub homes and logs (default: build/bench in the Junction folder; wiped per scenario)")
    Path workDir;

    @Option(names = "--seed", defaultValue = "42", description = "workload seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--timeout", defaultValue = "PT20M", description = "give up a scenario after this long (default ${DEFAULT-VALUE})")
    Duration timeout;

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> all = new java.util.ArrayList<>(SCENARIOS);
            all.add("all");
            return all.iterator();
        }
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Object command() {
        return new BenchCommand();
    }

    @Override
    public Integer call() throws Exception {
        if (!scenario.equals("all") && !SCENARIOS.contains(scenario)) {
            System.err.println("junction bench: unknown scenario '" + scenario + "'; one of " + SCENARIOS + " or all");
            return 2;
        }
        Path root = Path.of(System.getProperty("junction.root", ".")).toAbsolutePath().normalize();
        Path pluginsDir = (plugins != null ? plugins : root.resolve("build/plugins")).toAbsolutePath();
        Path work = (workDir != null ? workDir : root.resolve("build/bench")).toAbsolutePath();
        JsonObject machine = Machine.describe();
        System.out.println(Machine.text(machine));
        Vertx vertx = HubVertx.create();
        System.out.println("event loops: " + (vertx.isNativeTransportEnabled() ? "native transport" : "JDK NIO"));
        Scenarios s = new Scenarios(vertx, new BenchSettings(root, work, pluginsDir, seed, concurrency, sweep, timeout,
                !drawLive));
        int failures = 0;
        Double peak = null;
        try {
            for (String name : scenario.equals("all") ? SCENARIOS : List.of(scenario)) {
                System.out.println("== " + name);
                JsonObject result;
                try {
                    result = switch (name) {
                        case "throughput" -> s.syncRun("throughput", warm(0), or(10_000), rate == null ? 1200 : rate);
                        case "latency" -> s.syncRun("latency", warm(Math.min(1000, or(3000) / 3)), or(3000),
                                rate != null ? rate : peak != null ? Math.max(1, Math.floor(peak / 2)) : 150);
                        case "economy" -> s.syncRun("economy", warm(or(3000)), or(3000), rate == null ? 200 : rate);
                        case "limits" -> s.limits(or(600), duration, budget);
                        case "backlog" -> s.backlog(or(10_000), rate == null ? 500 : rate, xmx);
                        case "capacity" -> s.capacity(warm(Math.min(2_000, or(10_000) / 5)), or(10_000), rate == null ? 1200 : rate, xmx);
                        case "footprint" -> s.footprint(starts, idle);
                        case "chain" -> s.chain(or(150), rate == null ? 10 : rate, shipAfter);
                        default -> throw new IllegalStateException(name);
                    };
                } catch (Exception e) {
                    failures++;
                    System.err.println("junction bench " + name + ": " + e);
                    continue;
                }
                if (name.equals("throughput")) {
                    JsonObject bp = result.getJsonObject("brightpearl");
                    peak = bp.getDouble("steadyPerSecond", bp.getDouble("overallPerSecond", 0.0));
                }
                result.put("machine", machine.copy().put("loadAverage", Machine.loadAverage()));
                Report.print(result);
                System.out.println(result.encode());
            }
        } finally {
            s.close();
            vertx.close();
        }
        return failures == 0 ? 0 : 1;
    }

    private int or(int dflt) {
        return orders == null ? dflt : orders;
    }

    private int warm(int dflt) {
        return warmup == null ? dflt : Math.max(0, warmup);
    }
}
