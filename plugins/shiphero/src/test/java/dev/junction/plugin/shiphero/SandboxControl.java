package dev.junction.plugin.shiphero;

import dev.junction.api.model.Address;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Money;
import dev.junction.api.model.Party;
import dev.junction.sandbox.core.SimulatorServer;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import dev.junction.sandbox.shiphero.ShipHeroSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ShipHero simulator for tests: start, settings that work, and its control API. */
final class SandboxControl {
    final SimulatorServer server;
    final ShipHeroOptions options;
    private final WebClient web;

    private SandboxControl(SimulatorServer server, ShipHeroOptions options, WebClient web) {
        this.server = server;
        this.options = options;
        this.web = web;
    }

    static SandboxControl start(Vertx vertx, ShipHeroOptions options) throws Exception {
        SimulatorServer s = new SimulatorServer(new ShipHeroSimulator(options), 42).start(vertx, 0).await(10, TimeUnit.SECONDS);
        return new SandboxControl(s, options, WebClient.create(vertx));
    }

    void stop() throws Exception {
        server.stop().await(10, TimeUnit.SECONDS);
    }

    JsonObject settings() {
        return new JsonObject().put("username", options.username()).put("password", options.password())
                .put("baseUrl", server.baseUrl());
    }

    Object call(HttpMethod method, String path, JsonObject body) throws Exception {
        var req = web.requestAbs(method, server.baseUrl() + path);
        var resp = (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("%s %s: %s", method, path, resp.bodyAsString()).isLessThan(300);
        String text = resp.bodyAsString();
        return text == null || text.isBlank() ? null : io.vertx.core.json.Json.decodeValue(text);
    }

    JsonArray orders() throws Exception {
        return (JsonArray) call(HttpMethod.GET, "/_sandbox/orders", null);
    }

    JsonObject stats() throws Exception {
        return (JsonObject) call(HttpMethod.GET, "/_sandbox/stats", null);
    }

    /** The warehouse ships now; {@code body} may name lines and a package count. Answers the shipment. */
    JsonObject ship(String orderRef, JsonObject body) throws Exception {
        return (JsonObject) call(HttpMethod.POST, "/_sandbox/orders/" + orderRef + "/ship", body == null ? new JsonObject() : body);
    }

    void setCredits(int credits) throws Exception {
        call(HttpMethod.PUT, "/_sandbox/credits", new JsonObject().put("credits", credits));
    }

    void setStock(String sku, String warehouse, int onHand) throws Exception {
        call(HttpMethod.PUT, "/_sandbox/inventory", new JsonObject().put("sku", sku).put("warehouse_id", warehouse).put("on_hand", onHand));
    }

    /** Creates an order straight through GraphQL, as another sales channel would; answers its legacy id. */
    String createOrderDirectly(String orderNumber, String partnerOrderId, String... skus) throws Exception {
        JsonObject token = (JsonObject) call(HttpMethod.POST, "/auth/token",
                new JsonObject().put("username", options.username()).put("password", options.password()));
        JsonArray lines = new JsonArray();
        for (int i = 0; i < skus.length; i++) {
            lines.add(new JsonObject().put("sku", skus[i]).put("partner_line_item_id", orderNumber + "-" + i)
                    .put("quantity", 1).put("price", "1.00"));
        }
        JsonObject data = new JsonObject().put("order_number", orderNumber).put("partner_order_id", partnerOrderId)
                .put("shipping_address", new JsonObject().put("address1", "1 Road").put("country", "US")).put("line_items", lines)
                // the simulator's warehouse needs shipping_lines to print a label
                .put("shipping_lines", new JsonObject().put("title", "Ground").put("price", "0.00").put("carrier", "ups").put("method", "ups_ground"));
        var resp = web.postAbs(server.baseUrl() + "/graphql").putHeader("Authorization", "Bearer " + token.getString("access_token"))
                .sendJsonObject(new JsonObject().put("query", "mutation($d: CreateOrderInput!) { order_create(data: $d) { order { legacy_id } } }")
                        .put("variables", new JsonObject().put("d", data))).await(10, TimeUnit.SECONDS);
        return String.valueOf(resp.bodyAsJsonObject().getJsonObject("data").getJsonObject("order_create")
                .getJsonObject("order").getValue("legacy_id"));
    }

    /** A goods-out note as the Brightpearl connector maps it. */
    static Fulfilment note(String gonId, String orderId, String reference, String warehouse, String method, String... skus) {
        List<FulfilmentLine> lines = new ArrayList<>();
        for (int i = 0; i < skus.length; i++) {
            lines.add(new FulfilmentLine(String.valueOf(500 + i), skus[i], "Product " + skus[i], BigDecimal.valueOf(i + 1),
                    Money.of("12.50", "USD"), null, null, null));
        }
        Party delivery = new Party("Ada", "Lovelace", null, "ada@example.com", "555-0100",
                new Address("1 Analytical Way", null, "Reno", "NV", "89501", "US"));
        return new Fulfilment(gonId, orderId, reference, warehouse, method, delivery, lines, Instant.parse("2026-03-01T10:00:00Z"),
                Money.of("64.90", "USD"), "ada@example.com");
    }
}
