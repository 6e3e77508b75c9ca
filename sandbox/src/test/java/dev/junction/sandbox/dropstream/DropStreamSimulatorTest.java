package dev.junction.sandbox.dropstream;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static dev.junction.sandbox.dropstream.DropStreamHarness.await;
import static dev.junction.sandbox.dropstream.DropStreamHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DropStream: token auth and read API, SFTP auth, and the warehouse's file exchange. */
@ExtendWith(VertxExtension.class)
class DropStreamSimulatorTest {
    private Vertx vertx;
    private DropStreamHarness ds;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        ds = DropStreamHarness.start(vertx, DropStreamOptions.forTests().withShipAfter(Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() throws Exception {
        ds.close();
    }

    private String token(DropStreamHarness h) throws Exception {
        HttpResponse<Buffer> r = await(h.client.postAbs(h.server.baseUrl() + "/auth/token")
                .basicAuthentication(DropStreamOptions.DEFAULT_USERNAME, DropStreamOptions.DEFAULT_PASSWORD)
                .sendJsonObject(new JsonObject().put("grant_type", "client_credentials")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("token_type")).isEqualTo("Bearer");
        return r.bodyAsJsonObject().getString("access_token");
    }

    private HttpResponse<Buffer> get(DropStreamHarness h, String path, String token) throws Exception {
        var req = h.client.getAbs(h.server.baseUrl() + path);
        if (token != null) req.bearerTokenAuthentication(token);
        return await(req.send());
    }

    @Test
    void tokensComeFromBasicAuthAndExpire() throws Exception {
        HttpResponse<Buffer> wrong = await(ds.client.postAbs(ds.server.baseUrl() + "/auth/token").basicAuthentication("x", "y")
                .sendJsonObject(new JsonObject().put("grant_type", "client_credentials")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("unauthorized");
        String token = token(ds);
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(get(ds, "/warehouses", null).statusCode()).isEqualTo(401);
        JsonObject warehouses = get(ds, "/warehouses", token).bodyAsJsonObject();
        assertThat(warehouses.getJsonArray("warehouses").getJsonObject(0).getString("code")).isEqualTo("MAIN");

        try (DropStreamHarness expiring = DropStreamHarness.start(vertx, DropStreamOptions.forTests().withTokenTtl(Duration.ZERO))) {
            HttpResponse<Buffer> expired = get(expiring, "/orders", token(expiring));
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.bodyAsJsonObject().getString("error")).isEqualTo("token_expired");
        }
    }

    @Test
    void sftpAcceptsPasswordAndAuthorizedKeysOnly() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("EC").generateKeyPair();
        try (DropStreamHarness keyed = DropStreamHarness.start(vertx, DropStreamOptions.forTests().withAuthorizedKeys(List.of(key.getPublic())))) {
            try (var session = keyed.session(null, key); SftpClient sftp = org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session)) {
                assertThat(DropStreamHarness.list(sftp, "/out")).isEmpty();
            }
            KeyPair stranger = KeyPairGenerator.getInstance("EC").generateKeyPair();
            assertThatThrownBy(() -> keyed.session(null, stranger)).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> keyed.session("wrong", null)).isInstanceOf(Exception.class);
        }
        JsonObject info = ds.control("GET", "/_sandbox/sftp", null).bodyAsJsonObject();
        assertThat(info.getInteger("port")).isEqualTo(ds.sftpPort).isPositive();
        assertThat(info.getString("host")).isEqualTo("127.0.0.1");
    }

    @Test
    void orderFileInShipmentFileOut() throws Exception {
        String name = DsfxFormat.orderFileName("1001", LocalDateTime.of(2025, 1, 31, 14, 5));
        try (SftpClient sftp = ds.sftp()) {
            DropStreamHarness.upload(sftp, "/in/" + name, DsfxFormat.writeOrder(DropStreamDsfxFormatTest.order("1001")));
            eventually("a shipment file in /out", () -> DropStreamHarness.list(sftp, "/out").stream().anyMatch(n -> n.startsWith("shp_")));
            String shp = DropStreamHarness.list(sftp, "/out").stream().filter(n -> n.startsWith("shp_")).findFirst().orElseThrow();
            assertThat(shp).matches("shp_1001_\\d{12}_\\d{6}\\.csv");
            List<DsfxFormat.ShipmentRow> rows = DsfxFormat.parseShipments(DropStreamHarness.read(sftp, "/out/" + shp));
            assertThat(rows).extracting(DsfxFormat.ShipmentRow::sku).containsExactly("SKU-1", "SKU-2");
            assertThat(rows).extracting(DsfxFormat.ShipmentRow::quantityShipped).containsExactly(2, 1);
            assertThat(rows.get(0).carrier()).isEqualTo("UPS");
            assertThat(rows.get(0).trackingNumber()).startsWith("1Z");
            assertThat(DropStreamHarness.list(sftp, "/in/archive")).containsExactly(name);
            assertThat(DropStreamHarness.list(sftp, "/in")).isEmpty();

            String token = token(ds);
            JsonArray shipments = get(ds, "/shipments?tracking_number=" + rows.get(0).trackingNumber(), token).bodyAsJsonArray();
            assertThat(shipments).hasSize(1);
            assertThat(shipments.getJsonObject(0).getString("file")).isEqualTo(shp);
            JsonObject order = get(ds, "/orders?external_id=1001", token).bodyAsJsonObject().getJsonArray("orders").getJsonObject(0);
            assertThat(order.getString("fulfillment_state")).isEqualTo("shipped");
            assertThat(order.getJsonObject("shipping_address").getString("address2")).isEqualTo("Line 2\r\nrear door");
            assertThat(get(ds, "/shipments?shipped_at_min=2999-01-01T00:00:00Z", token).bodyAsJsonArray()).isEmpty();
            assertThat(get(ds, "/shipments?shipped_at_min=yesterday", token).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void malformedAndDuplicateFilesAreMovedAsideAndTmpFilesAreNeverRead() throws Exception {
        try (DropStreamHarness manual = DropStreamHarness.start(vertx, DropStreamOptions.forTests()); SftpClient sftp = manual.sftp()) {
            String good = DsfxFormat.writeOrder(DropStreamDsfxFormatTest.order("2001"));
            try (var out = sftp.write("/in/ord_2002_250131140500.csv.tmp")) {
                out.write(good.getBytes());
            }
            DropStreamHarness.upload(sftp, "/in/ord_2001_250131140500.csv", good);
            DropStreamHarness.upload(sftp, "/in/ord_9999_250131140501.csv", "\"PH\",\"9999\",\"broken\"\r\n");
            eventually("both csv files handled", () -> DropStreamHarness.list(sftp, "/in/archive").size()
                    + DropStreamHarness.list(sftp, "/in/rejected").size() >= 3);
            assertThat(DropStreamHarness.list(sftp, "/in/rejected"))
                    .containsExactlyInAnyOrder("ord_9999_250131140501.csv", "ord_9999_250131140501.csv.error.txt");
            assertThat(DropStreamHarness.read(sftp, "/in/rejected/ord_9999_250131140501.csv.error.txt")).contains("22");
            assertThat(DropStreamHarness.list(sftp, "/in")).containsExactly("ord_2002_250131140500.csv.tmp");

            DropStreamHarness.upload(sftp, "/in/ord_2001_250131150000.csv", good);
            eventually("duplicate rejected", () -> DropStreamHarness.list(sftp, "/in/rejected").contains("ord_2001_250131150000.csv"));
            assertThat(manual.control("GET", "/_sandbox/orders", null).bodyAsJsonArray()).hasSize(1);
            JsonObject stats = manual.control("GET", "/_sandbox/stats", null).bodyAsJsonObject().getJsonObject("files");
            assertThat(stats.getLong("ingested")).isEqualTo(1);
            assertThat(stats.getLong("rejected")).isEqualTo(2);
            assertThat(DropStreamHarness.list(sftp, "/out")).isEmpty(); // shipAfter 0: ships only when told

            HttpResponse<Buffer> partial = manual.control("POST", "/_sandbox/orders/2001/ship",
                    new JsonObject().put("lines", new JsonArray().add(new JsonObject().put("line_number", 1).put("quantity", 1))));
            assertThat(partial.statusCode()).isEqualTo(201);
            assertThat(manual.control("GET", "/_sandbox/orders", null).bodyAsJsonArray().getJsonObject(0)
                    .getString("fulfillment_state")).isEqualTo("partially_shipped");
            assertThat(manual.control("POST", "/_sandbox/orders/2001/ship", new JsonObject()).statusCode()).isEqualTo(201);
            assertThat(manual.control("POST", "/_sandbox/orders/2001/ship", new JsonObject()).statusCode()).isEqualTo(409);
            assertThat(DropStreamHarness.list(sftp, "/out")).hasSize(2);
        }
    }

    @Test
    void settingInventoryWritesAnInventoryFile() throws Exception {
        JsonObject r = ds.control("PUT", "/_sandbox/inventory", new JsonObject().put("items", new JsonArray()
                .add(new JsonObject().put("sku", "SKU-1").put("on_hand", 10).put("available", 8))
                .add(new JsonObject().put("sku", "SKU-2").put("on_hand", 3)))).bodyAsJsonObject();
        try (SftpClient sftp = ds.sftp()) {
            List<DsfxFormat.InventoryRow> rows = DsfxFormat.parseInventory(DropStreamHarness.read(sftp, "/out/" + r.getString("file")));
            assertThat(rows).containsExactly(new DsfxFormat.InventoryRow("SKU-1", "MAIN", 10, 8),
                    new DsfxFormat.InventoryRow("SKU-2", "MAIN", 3, 3));
        }
        ds.control("POST", "/_sandbox/products", new JsonObject().put("products", new JsonArray()
                .add(new JsonObject().put("sku", "SKU-1").put("name", "Widget"))));
        JsonObject products = get(ds, "/products?sku=SKU-1", token(ds)).bodyAsJsonObject();
        assertThat(products.getInteger("total_count")).isEqualTo(1);
        assertThat(products.getJsonArray("products").getJsonObject(0).getString("name")).isEqualTo("Widget");
    }

    @Test
    void faultKnobsAnswerErrorShapes() throws Exception {
        String token = token(ds);
        ds.control("PUT", "/_sandbox/faults", new JsonObject().put("forceThrottle", true));
        HttpResponse<Buffer> throttled = get(ds, "/orders", token);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
        ds.control("PUT", "/_sandbox/faults", new JsonObject().put("forceThrottle", false).put("down", true));
        assertThat(get(ds, "/orders", token).statusCode()).isEqualTo(503);
        ds.control("PUT", "/_sandbox/faults", new JsonObject().put("down", false).put("errorRate", 1.0));
        assertThat(get(ds, "/orders", token).statusCode()).isEqualTo(500);
        JsonObject stats = ds.control("GET", "/_sandbox/stats", null).bodyAsJsonObject();
        assertThat(stats.getLong("throttled")).isEqualTo(1);
        assertThat(stats.getLong("unavailable")).isEqualTo(1);
        assertThat(stats.getLong("injectedErrors")).isEqualTo(1);
    }
}
