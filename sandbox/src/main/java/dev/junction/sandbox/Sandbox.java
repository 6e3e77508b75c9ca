package dev.junction.sandbox;

import dev.junction.sandbox.bigcommerce.BigCommerceOptions;
import dev.junction.sandbox.bigcommerce.BigCommerceSimulator;
import dev.junction.sandbox.brightpearl.BrightpearlOptions;
import dev.junction.sandbox.brightpearl.BrightpearlSimulator;
import dev.junction.sandbox.core.SimulatorServer;
import dev.junction.sandbox.dropstream.DropStreamOptions;
import dev.junction.sandbox.dropstream.DropStreamSimulator;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import dev.junction.sandbox.shiphero.ShipHeroSimulator;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import dev.junction.sandbox.starshipit.StarshipitSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All five simulators on loopback, as {@code ./junction sandbox} and the demo run them. With a port base
 * {@code P} they listen on P+1 (Brightpearl) … P+5 (DropStream, whose SFTP server is on P+22), so a hub
 * config can name them; port base 0 takes free ports (tests).
 */
public final class Sandbox {

    /**
     * @param portBase      0 for free ports
     * @param limits        the remotes' real rate limits; off for benchmarks of the hub itself
     * @param warehouseDelay how long simulated warehouses and label printers take to ship
     * @param brightpearlPerMinute the Brightpearl account's rolling budget when limits are on (real: 200)
     * @param bigcommercePer30s the store's quota per 30 s window (Standard/Plus plans: 150, Pro: 450)
     */
    public record Settings(int portBase, long seed, boolean limits, Duration warehouseDelay, int brightpearlPerMinute,
                           int bigcommercePer30s) {
        public Settings(int portBase, long seed, boolean limits, Duration warehouseDelay) {
            this(portBase, seed, limits, warehouseDelay, 200, BigCommerceOptions.DEFAULT_QUOTA);
        }

        public static Settings demo(int portBase, int brightpearlPerMinute, int bigcommercePer30s) {
            return new Settings(portBase, 42, true, Duration.ofSeconds(3), brightpearlPerMinute, bigcommercePer30s);
        }
    }

    private final Map<String, SimulatorServer> servers = new LinkedHashMap<>();
    private BrightpearlSimulator brightpearl;
    private BigCommerceSimulator bigcommerce;
    private ShipHeroSimulator shiphero;
    private StarshipitSimulator starshipit;
    private DropStreamSimulator dropstream;
    private int sftpPort;

    public static Future<Sandbox> start(Vertx vertx, Settings s) {
        return new Sandbox().launch(vertx, s);
    }

    private Future<Sandbox> launch(Vertx vertx, Settings s) {
        BrightpearlOptions bp = BrightpearlOptions.defaults().withSeed(s.seed()).withAutoGoodsOutNotes(true)
                .withRequestsPerMinute(s.limits() ? s.brightpearlPerMinute() : 0);
        brightpearl = new BrightpearlSimulator(bp);
        BigCommerceOptions bc = BigCommerceOptions.defaults().withRateLimitQuota(s.limits() ? s.bigcommercePer30s() : 0);
        bigcommerce = new BigCommerceSimulator(bc);
        ShipHeroOptions sh = ShipHeroOptions.defaults().withShipAfter(s.warehouseDelay());
        shiphero = new ShipHeroSimulator(s.limits() ? sh : sh.withCredits(0, 0));
        StarshipitOptions ss = StarshipitOptions.defaults().withPrintAfter(s.warehouseDelay());
        starshipit = new StarshipitSimulator(s.limits() ? ss : ss.withRateLimit(0));
        DropStreamOptions ds = DropStreamOptions.defaults().withShipAfter(s.warehouseDelay());
        int sftp = s.portBase() == 0 ? 0 : s.portBase() + 22;
        dropstream = new DropStreamSimulator(new DropStreamOptions(ds.username(), ds.password(), ds.seed(), ds.tokenTtl(),
                ds.sftpUser(), ds.sftpPassword(), ds.sftpAuthorizedKeys(), sftp, ds.sftpRoot(), ds.pollInterval(),
                ds.shipAfter(), ds.warehouseCode()));
        List<Object[]> order = List.of(new Object[]{"brightpearl", brightpearl, 1}, new Object[]{"bigcommerce", bigcommerce, 2},
                new Object[]{"shiphero", shiphero, 3}, new Object[]{"starshipit", starshipit, 4},
                new Object[]{"dropstream", dropstream, 5});
        Future<Void> chain = Future.succeededFuture();
        for (Object[] o : order) {
            String name = (String) o[0];
            SimulatorServer server = new SimulatorServer((dev.junction.sandbox.core.Simulator) o[1], s.seed());
            int port = s.portBase() == 0 ? 0 : s.portBase() + (int) o[2];
            chain = chain.compose(v -> server.start(vertx, port)).map(srv -> {
                servers.put(name, srv);
                return null;
            });
        }
        return chain.compose(v -> dropstream.sftpReady()).map(p -> {
            sftpPort = p;
            return this;
        });
    }

    /** Base URL per system, in start order. */
    public Map<String, String> baseUrls() {
        Map<String, String> out = new LinkedHashMap<>();
        servers.forEach((k, v) -> out.put(k, v.baseUrl()));
        return out;
    }

    public String baseUrl(String system) {
        SimulatorServer s = servers.get(system);
        if (s == null) {
            throw new IllegalArgumentException("no simulator '" + system + "'; have " + servers.keySet());
        }
        return s.baseUrl();
    }

    public SimulatorServer server(String system) {
        return servers.get(system);
    }

    public int sftpPort() {
        return sftpPort;
    }

    public BrightpearlSimulator brightpearl() {
        return brightpearl;
    }

    public BigCommerceSimulator bigcommerce() {
        return bigcommerce;
    }

    public ShipHeroSimulator shiphero() {
        return shiphero;
    }

    public StarshipitSimulator starshipit() {
        return starshipit;
    }

    public DropStreamSimulator dropstream() {
        return dropstream;
    }

    /**
     * The SFTP side first: it runs its blocking work on the DropStream simulator's context, which undeploying
     * that simulator's verticle closes.
     */
    public Future<Void> stop() {
        Future<Void> sftp = dropstream == null ? Future.succeededFuture() : dropstream.close();
        return sftp.transform(ar -> Future.all(servers.values().stream().map(SimulatorServer::stop).toList()).mapEmpty());
    }
}
