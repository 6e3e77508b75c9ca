package dev.junction.sandbox.demo;

import dev.junction.hub.HubVertx;
import dev.junction.hub.Hub;
import dev.junction.hub.cli.CliCommand;
import dev.junction.hub.config.HubConfig;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code junction demo}: the sandbox, a hub wired with every connector and flow ({@code config/demo/}),
 * a seeded catalogue and a stream of store orders, with progress as they move store → Brightpearl →
 * warehouse / label platform → tracking back to Brightpearl and the store.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the sandbox and a hub with every connector and flow, and watch orders move end to end.")
public final class DemoCommand implements Callable<Integer>, CliCommand {

    @Option(names = "--orders", defaultValue = "300", description = "store orders to place (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--rate", defaultValue = "20", description = "orders placed per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--exit-when-done", description = "exit when every flow has settled, printing a JSON summary line")
    boolean exitWhenDone;

    @Option(names = "--port-base", defaultValue = "7100",
            description = "sandbox ports base+1..base+5, hub on base+80 (default ${DEFAULT-VALUE})")
    int portBase;

    @Option(names = "--config", description = "hub configuration (default: config/demo/hub.yaml in the Junction folder)")
    Path config;

    @Option(names = "--timeout", defaultValue = "PT20M", description = "give up after this long (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--keep-data", description = "keep the previous demo's data instead of starting afresh")
    boolean keepData;

    @Option(names = "--real-limits", description = "give the sandbox the real budgets of a Brightpearl account (200 "
            + "requests a minute) and a BigCommerce Standard plan (150 per 30 s); by default they are 2000/minute and "
            + "450 per 30 s, so a demo of a few hundred orders takes minutes, not an hour")
    boolean realLimits;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Object command() {
        return new DemoCommand();
    }

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(System.getProperty("junction.root", ".")).toAbsolutePath().normalize();
        Path cfgFile = config != null ? config : root.resolve("config/demo/hub.yaml");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("JUNCTION_DEMO_PORT", String.valueOf(portBase + 80));
        for (String[] s : new String[][]{{"BRIGHTPEARL", "1"}, {"BIGCOMMERCE", "2"}, {"SHIPHERO", "3"}, {"STARSHIPIT", "4"},
                {"DROPSTREAM", "5"}}) {
            env.put("JUNCTION_DEMO_" + s[0] + "_URL", "http://127.0.0.1:" + (portBase + Integer.parseInt(s[1])));
        }
        env.put("JUNCTION_DEMO_SFTP_PORT", String.valueOf(portBase + 22));
        HubConfig cfg;
        try {
            cfg = HubConfig.load(cfgFile, env);
        } catch (IllegalArgumentException e) {
            System.err.println("junction demo: " + e.getMessage());
            return 2;
        }
        if (!keepData) {
            wipe(cfg.dataDir());
        }
        Vertx vertx = HubVertx.create();
        WebClient http = WebClient.create(vertx);
        Sandbox sandbox = null;
        Hub hub = null;
        try {
            System.out.println("Starting the sandbox (Brightpearl, BigCommerce, ShipHero, Starshipit, DropStream)...");
            int bpBudget = realLimits ? 200 : 2000;
            int bcQuota = realLimits ? 150 : 450;
            sandbox = Sandbox.start(vertx, Sandbox.Settings.demo(portBase, bpBudget, bcQuota)).await(60, TimeUnit.SECONDS);
            System.out.println("Sandbox limits: Brightpearl " + bpBudget + " requests/minute, BigCommerce " + bcQuota
                    + " per 30 s" + (realLimits ? " (a real account and a Standard plan)"
                    : " (real: 200/minute and 150 per 30 s on a Standard plan; --real-limits to use those)")
                    + "; ShipHero and Starshipit at their real limits.");
            DemoCatalog.seed(http, sandbox).await(30, TimeUnit.SECONDS);
            hub = new Hub(vertx, cfg, env, Clock.systemUTC()).start().await(120, TimeUnit.SECONDS);
            System.out.println("Hub ready. Admin API: " + hub.publicUrl() + "/api/v1  token: " + hub.adminToken().value());
            System.out.println("Placing " + orders + " store orders at " + rate + "/s; progress every 2 s"
                    + (exitWhenDone ? "; exits when every flow has settled." : "; Ctrl-C stops."));
            DemoRun run = new DemoRun(vertx, http, sandbox, hub, orders, rate);
            JsonObject summary = run.execute(exitWhenDone ? timeout : null).await(timeout.toSeconds() + 60, TimeUnit.SECONDS);
            if (exitWhenDone) {
                System.out.println(summary.encode());
                return summary.getBoolean("settled") && summary.getLong("failed") == 0 ? 0 : 1;
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        } catch (Exception e) {
            System.err.println("junction demo: " + e.getMessage());
            return 1;
        } finally {
            if (hub != null) {
                hub.stop().await(30, TimeUnit.SECONDS);
            }
            if (sandbox != null) {
                sandbox.stop().await(30, TimeUnit.SECONDS);
            }
            vertx.close();
        }
    }

    private static void wipe(Path dataDir) throws java.io.IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dataDir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
