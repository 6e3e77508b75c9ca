package dev.junction.hub.cli;

import dev.junction.hub.HubVertx;
import dev.junction.hub.Hub;
import dev.junction.hub.config.HubConfig;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code junction run}: the hub with a given config, until stopped (Ctrl-C or SIGTERM stops it cleanly). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the hub with a configuration file (connections, flows, mapping tables).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "hub configuration file (YAML or JSON); default: ${DEFAULT-VALUE}",
            defaultValue = "config/hub.yaml")
    Path config;

    @Option(names = "--port", description = "override the admin/webhook HTTP port from the config")
    Integer port;

    @Override
    public Integer call() throws Exception {
        HubConfig cfg;
        try {
            cfg = HubConfig.load(config, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("junction: " + e.getMessage());
            return 2;
        }
        if (port != null) {
            cfg = new HubConfig(cfg.home(), cfg.dataDir(), cfg.pluginsDir(), cfg.host(), port, cfg.publicUrl(), cfg.adminToken(),
                    cfg.registerWebhooks(), cfg.connections(), cfg.flows(), cfg.mappingTables());
        }
        Vertx vertx = HubVertx.create();
        Hub hub = new Hub(vertx, cfg, System.getenv(), Clock.systemUTC());
        try {
            hub.start().await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            System.err.println("junction: the hub could not start: " + e.getMessage());
            vertx.close();
            return 1;
        }
        System.out.println("Junction is running: admin API " + hub.publicUrl() + "/api/v1 (Bearer token), health "
                + hub.publicUrl() + "/health");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                hub.stop().await(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // stopping anyway
            }
            vertx.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
