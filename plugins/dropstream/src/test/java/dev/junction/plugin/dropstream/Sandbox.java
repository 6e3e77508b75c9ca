package dev.junction.plugin.dropstream;

import dev.junction.api.model.Address;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Money;
import dev.junction.api.model.Party;
import dev.junction.sandbox.core.SimulatorServer;
import dev.junction.sandbox.dropstream.DropStreamOptions;
import dev.junction.sandbox.dropstream.DropStreamSimulator;
import dev.junction.sandbox.dropstream.DsfxFormat;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The DropStream simulator (HTTP API and real SFTP server) for tests, with its control API. */
public final class Sandbox {
    public final SimulatorServer server;
    public final DropStreamSimulator sim;
    private final WebClient web;
    private final int sftpPort;

    private Sandbox(SimulatorServer server, DropStreamSimulator sim, WebClient web, int sftpPort) {
        this.server = server;
        this.sim = sim;
        this.web = web;
        this.sftpPort = sftpPort;
    }

    public static Sandbox start(Vertx vertx) throws Exception {
        DropStreamSimulator sim = new DropStreamSimulator(DropStreamOptions.forTests());
        SimulatorServer s = new SimulatorServer(sim, 42).start(vertx, 0).await(10, TimeUnit.SECONDS);
        int port = sim.sftpReady().await(20, TimeUnit.SECONDS);
        return new Sandbox(s, sim, WebClient.create(vertx), port);
    }

    public void stop() throws Exception {
        sim.close().await(20, TimeUnit.SECONDS);
        server.stop().await(10, TimeUnit.SECONDS);
    }

    public JsonObject settings() {
        DropStreamOptions o = sim.options();
        return new JsonObject().put("username", o.username()).put("password", o.password()).put("baseUrl", server.baseUrl())
                .put("sftpHost", "127.0.0.1").put("sftpPort", sftpPort).put("sftpUser", o.sftpUser())
                .put("sftpPassword", o.sftpPassword());
    }

    public Object call(HttpMethod method, String path, JsonObject body) throws Exception {
        var req = web.requestAbs(method, server.baseUrl() + path);
        var resp = (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("%s %s: %s", method, path, resp.bodyAsString()).isLessThan(300);
        String text = resp.bodyAsString();
        return text == null || text.isBlank() ? null : io.vertx.core.json.Json.decodeValue(text);
    }

    /** Makes the warehouse scan {@code /in} now (it also does so every 50 ms). */
    public void warehousePoll() throws Exception {
        call(HttpMethod.POST, "/_sandbox/poll", null);
    }

    public List<JsonObject> orders() throws Exception {
        List<JsonObject> out = new ArrayList<>();
        ((JsonArray) call(HttpMethod.GET, "/_sandbox/orders", null)).forEach(o -> out.add((JsonObject) o));
        return out;
    }

    public List<JsonObject> ordersNumbered(String orderNumber) throws Exception {
        return orders().stream().filter(o -> orderNumber.equals(o.getString("external_id"))).toList();
    }

    public JsonObject stats() throws Exception {
        return (JsonObject) call(HttpMethod.GET, "/_sandbox/stats", null);
    }

    /** The warehouse ships an order (by DropStream id) now; answers the shipment. */
    public JsonObject ship(Object dropstreamId) throws Exception {
        return (JsonObject) call(HttpMethod.POST, "/_sandbox/orders/" + dropstreamId + "/ship", new JsonObject());
    }

    /** Sets stock and has the warehouse write an {@code inv_*.csv}; answers its name. */
    public String stock(JsonArray items) throws Exception {
        return ((JsonObject) call(HttpMethod.PUT, "/_sandbox/inventory", new JsonObject().put("items", items))).getString("file");
    }

    /** Puts an order straight into {@code /in} as the documented file (for seeding), then lets the warehouse read it. */
    public void dropOrder(String orderNumber, String sku) throws Exception {
        DsfxFormat.OrderFile f = new DsfxFormat.OrderFile(new DsfxFormat.OrderHeader(orderNumber, "2025-01-31T14:05:00Z",
                "Jo Bloggs", "", "1 Main St", "", "Austin", "TX", "73301", "US", "", "jo@example.com", "UPS_GROUND", "", "", "",
                "USD", "", "", "", ""), List.of(new DsfxFormat.OrderLine(1, sku, 1, new BigDecimal("9.99"))));
        String name = DsfxFormat.orderFileName(orderNumber, LocalDateTime.now(ZoneOffset.UTC));
        Path tmp = folder("in").resolve(name + ".tmp");
        Files.writeString(tmp, DsfxFormat.writeOrder(f), StandardCharsets.UTF_8);
        Files.move(tmp, folder("in").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public Path folder(String relative) {
        return sim.sftpRoot().resolve(relative);
    }

    /** File names in a folder of the SFTP root (empty when it does not exist). */
    public List<String> files(String relative) throws Exception {
        Path dir = folder(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} until it holds, failing after 10 s. */
    public static void waitUntil(String what, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(25);
        }
    }

    /** A goods-out note as the Brightpearl connector makes it. */
    public static Fulfilment note(String gonId, String orderId, String warehouse, String method, String... skus) {
        List<FulfilmentLine> lines = new ArrayList<>();
        int row = 100;
        for (String sku : skus) {
            row++;
            lines.add(new FulfilmentLine(String.valueOf(row), sku, "Item " + sku, BigDecimal.valueOf(row % 3 + 1),
                    Money.of("12.5", "USD"), null, null, null));
        }
        Party delivery = new Party("Jo", "Bloggs", "Acme, \"West\"", "jo@example.com", "+1 512 555 0100",
                new Address("1 Main St", "Apt 2", "Austin", "TX", "73301", "us"));
        return new Fulfilment(gonId, orderId, "SO-" + orderId, warehouse, method, delivery, lines,
                Instant.parse("2025-01-31T14:05:00Z"), Money.of("60.00", "USD"), "buyer@example.com");
    }
}
