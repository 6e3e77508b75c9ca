package dev.junction.sandbox.cli;

import dev.junction.hub.HubVertx;
import dev.junction.hub.cli.CliCommand;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code junction sandbox}: the five simulators on loopback until stopped, with their URLs and credentials. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Start loopback simulators of Brightpearl, BigCommerce, ShipHero, Starshipit and DropStream "
                + "(with its SFTP server) and print their base URLs.")
public final class SandboxCommand implements Callable<Integer>, CliCommand {

    @Option(names = "--port-base", defaultValue = "7100",
            description = "simulators listen on base+1..base+5, SFTP on base+22 (default ${DEFAULT-VALUE}; 0 = free ports)")
    int portBase;

    @Option(names = "--seed", defaultValue = "42", description = "seed for ids and generated data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-limits", description = "switch off the remotes' rate limits (for measuring the hub itself)")
    boolean noLimits;

    @Option(names = "--ship-after", defaultValue = "PT3S",
            description = "how long simulated warehouses take to ship an order (ISO-8601, default ${DEFAULT-VALUE})")
    Duration shipAfter;

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Object command() {
        return new SandboxCommand();
    }

    @Override
    public Integer call() throws Exception {
        Vertx vertx = HubVertx.create();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(vertx, new Sandbox.Settings(portBase, seed, !noLimits, shipAfter)).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("junction sandbox: could not start (is a port in " + (portBase + 1) + "-" + (portBase + 22)
                    + " taken? try --port-base): " + e.getMessage());
            vertx.close();
            return 1;
        }
        System.out.println("Junction sandbox running (seed " + seed + (noLimits ? ", rate limits off" : "") + "):");
        sandbox.baseUrls().forEach((name, url) -> System.out.printf("  %-12s %s%n", name, url));
        System.out.printf("  %-12s sftp://127.0.0.1:%d (user warehouse / sftp-sandbox)%n", "dropstream", sandbox.sftpPort());
        System.out.println("Credentials are in the simulators' options (see docs/sandbox.md). Ctrl-C stops.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            vertx.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
