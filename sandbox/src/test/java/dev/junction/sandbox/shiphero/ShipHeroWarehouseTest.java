package dev.junction.sandbox.shiphero;

import dev.junction.sandbox.testing.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated warehouse: shipping (whole, split, partial, automatic), inventory, and signed webhooks. */
@ExtendWith(VertxExtension.class)
class ShipHeroWarehouseTest {
    private static final String HOOK = """
            mutation hook($data: CreateWebhookInput!) {
              webhook_create(data: $data) { request_id complexity webhook { id name url shop_name shared_signature_secret } } }""";

    private Vertx vertx;
    private ShipHeroHarness sh;
    private WebhookReceiver receiver;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        sh = ShipHeroHarness.start(vertx, ShipHeroOptions.forTests()).login();
        receiver = WebhookReceiver.start(vertx);
    }

    private String register(ShipHeroHarness h, String type) throws Exception {
        JsonObject body = h.graphql(HOOK, new JsonObject().put("data", new JsonObject().put("name", type)
                .put("url", receiver.url()).put("shop_name", "Junction")));
        return body.getJsonObject("data").getJsonObject("webhook_create").getJsonObject("webhook").getString("shared_signature_secret");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void webhookSecretIsShownOnceAndNeverListed() throws Exception {
        String secret = register(sh, "Shipment Update");
        assertThat(secret).isNotBlank();
        JsonObject list = sh.graphql("{ webhooks { data(first: 10) { edges { node { name url shared_signature_secret } } } } }", null);
        JsonObject node = list.getJsonObject("data").getJsonObject("webhooks").getJsonObject("data").getJsonArray("edges")
                .getJsonObject(0).getJsonObject("node");
        assertThat(node.getString("name")).isEqualTo("Shipment Update");
        assertThat(node.getValue("shared_signature_secret")).isNull();

        JsonObject deleted = sh.graphql("mutation { webhook_delete(data: {name: \"Shipment Update\", shop_name: \"Junction\"}) { request_id } }", null);
        assertThat(deleted.containsKey("errors")).isFalse();
        JsonObject after = sh.graphql("{ webhooks { data { edges { node { name } } } } }", null);
        assertThat(after.getJsonObject("data").getJsonObject("webhooks").getJsonObject("data").getJsonArray("edges")).isEmpty();
    }

    @Test
    void bigOrderShipsInTwoPackagesAndFiresASignedShipmentUpdate() throws Exception {
        String secret = register(sh, "Shipment Update");
        JsonObject order = sh.createOrder("bp:2001", 4, 1); // more than 3 lines: two packages

        assertThat(sh.post("/_sandbox/orders/" + order.getString("id") + "/ship", new JsonObject()).statusCode()).isEqualTo(201);

        WebhookReceiver.Received hook = receiver.next();
        assertThat(hook.headers().get("x-shiphero-hmac-sha256")).isEqualTo(hmac(secret, hook.body().getBytes()));
        assertThat(hook.headers().get("X-Shiphero-Message-ID")).isNotBlank();
        JsonObject body = hook.body().toJsonObject();
        assertThat(body.getString("webhook_type")).isEqualTo("Shipment Update");
        JsonObject fulfillment = body.getJsonObject("fulfillment");
        assertThat(fulfillment.getString("partner_order_id")).isEqualTo("bp:2001");
        assertThat(fulfillment.getInteger("total_packages")).isEqualTo(2);
        assertThat(fulfillment.getJsonArray("line_items")).hasSize(4);
        JsonArray packages = body.getJsonArray("packages");
        assertThat(packages).hasSize(2);
        Set<String> tracking = new HashSet<>();
        packages.forEach(p -> tracking.add(((JsonObject) p).getString("tracking_number")));
        assertThat(tracking).hasSize(2).allMatch(t -> t.startsWith("1Z"));

        JsonObject shipments = sh.graphql("""
                query($id: String) { shipments(order_id: $id) { data(first: 10) { edges { node {
                  id order_id total_packages shipping_labels { tracking_number carrier shipping_method }
                  line_items(first: 10) { edges { node { line_item_id quantity } } } } } } } }""",
                new JsonObject().put("id", order.getString("id")));
        JsonObject shipment = shipments.getJsonObject("data").getJsonObject("shipments").getJsonObject("data")
                .getJsonArray("edges").getJsonObject(0).getJsonObject("node");
        assertThat(shipment.getInteger("total_packages")).isEqualTo(2);
        assertThat(shipment.getJsonArray("shipping_labels").getJsonObject(0).getString("carrier")).isEqualTo("ups");
        assertThat(shipment.getJsonObject("line_items").getJsonArray("edges")).hasSize(4);

        JsonObject again = sh.graphql("query($id: String!) { order(id: $id) { data { fulfillment_status } } }",
                new JsonObject().put("id", order.getString("id")));
        assertThat(again.getJsonObject("data").getJsonObject("order").getJsonObject("data").getString("fulfillment_status"))
                .isEqualTo("fulfilled");
    }

    @Test
    void partialShipmentLeavesTheOrderPendingUntilTheRestShips() throws Exception {
        JsonObject order = sh.createOrder("bp:3001", 2, 3);
        JsonObject partial = sh.post("/_sandbox/orders/bp:3001/ship", new JsonObject().put("line_items",
                new JsonArray().add(new JsonObject().put("sku", "SKU-1").put("quantity", 2)))).bodyAsJsonObject();
        assertThat(partial.getInteger("total_packages")).isEqualTo(1);
        JsonObject stored = sh.get("/_sandbox/orders").bodyAsJsonArray().getJsonObject(0);
        assertThat(stored.getString("fulfillment_status")).isEqualTo("pending");
        assertThat(stored.getJsonObject("line_items").getJsonArray("edges").getJsonObject(0).getJsonObject("node")
                .getInteger("quantity_shipped")).isEqualTo(2);

        assertThat(sh.post("/_sandbox/orders/" + order.getString("id") + "/ship", new JsonObject()).statusCode()).isEqualTo(201);
        assertThat(sh.get("/_sandbox/orders").bodyAsJsonArray().getJsonObject(0).getString("fulfillment_status")).isEqualTo("fulfilled");
        assertThat(sh.get("/_sandbox/shipments").bodyAsJsonArray()).hasSize(2);
        // Nothing left: a third shipment is refused.
        assertThat(sh.post("/_sandbox/orders/" + order.getString("id") + "/ship", new JsonObject()).statusCode()).isEqualTo(409);
    }

    @Test
    void warehouseShipsByItselfAfterTheConfiguredDelay() throws Exception {
        ShipHeroHarness auto = ShipHeroHarness.start(vertx, ShipHeroOptions.forTests().withShipAfter(Duration.ofMillis(50))).login();
        auto.createOrder("bp:4001", 1, 1);
        long deadline = System.currentTimeMillis() + 5000;
        JsonArray shipments = new JsonArray();
        while (shipments.isEmpty() && System.currentTimeMillis() < deadline) {
            shipments = auto.get("/_sandbox/shipments").bodyAsJsonArray();
            if (shipments.isEmpty()) Thread.sleep(20);
        }
        assertThat(shipments).hasSize(1);
        assertThat(auto.get("/_sandbox/orders").bodyAsJsonArray().getJsonObject(0).getString("fulfillment_status")).isEqualTo("fulfilled");
    }

    @Test
    void inventoryChangesFireSignedInventoryUpdates() throws Exception {
        String secret = register(sh, "Inventory Update");
        JsonObject product = sh.put("/_sandbox/inventory", new JsonObject().put("sku", "SKU-9").put("on_hand", 40)).bodyAsJsonObject();
        assertThat(product.getInteger("available")).isEqualTo(40);

        WebhookReceiver.Received hook = receiver.next();
        assertThat(hook.headers().get("x-shiphero-hmac-sha256")).isEqualTo(hmac(secret, hook.body().getBytes()));
        JsonObject item = hook.body().toJsonObject().getJsonArray("inventory").getJsonObject(0);
        assertThat(item.getString("sku")).isEqualTo("SKU-9");
        assertThat(item.getString("on_hand")).isEqualTo("40");
        assertThat(item.getJsonObject("updated_warehouse").getString("identifier")).isEqualTo("Primary");

        sh.graphql("mutation { inventory_add(data: {sku: \"SKU-9\", warehouse_id: \"" + product.getString("warehouse_id")
                + "\", quantity: 2}) { warehouse_product { on_hand } } }", null);
        assertThat(receiver.next().body().toJsonObject().getJsonArray("inventory").getJsonObject(0).getString("on_hand")).isEqualTo("42");
        JsonObject wp = sh.graphql("query($sku: String) { warehouse_products(sku: $sku) { data { edges { node { sku on_hand available } } } } }",
                new JsonObject().put("sku", "SKU-9"));
        assertThat(wp.getJsonObject("data").getJsonObject("warehouse_products").getJsonObject("data").getJsonArray("edges")
                .getJsonObject(0).getJsonObject("node").getInteger("on_hand")).isEqualTo(42);
    }

    @Test
    void droppedWebhooksAreCountedNotSent() throws Exception {
        register(sh, "Inventory Update");
        sh.put("/_sandbox/faults", new JsonObject().put("dropWebhooks", true));
        sh.put("/_sandbox/inventory", new JsonObject().put("sku", "SKU-1").put("on_hand", 1));
        assertThat(sh.get("/_sandbox/stats").bodyAsJsonObject().getJsonObject("webhooks").getLong("dropped")).isEqualTo(1);
        assertThat(receiver.poll(200)).isNull();
    }

    @Test
    void sameSeedGivesTheSameTrackingNumbers() throws Exception {
        String[] tracking = new String[2];
        for (int i = 0; i < 2; i++) {
            ShipHeroHarness h = ShipHeroHarness.start(vertx, ShipHeroOptions.forTests()).login();
            JsonObject order = h.createOrder("bp:5001", 1, 1);
            tracking[i] = h.post("/_sandbox/orders/" + order.getString("id") + "/ship", new JsonObject()).bodyAsJsonObject()
                    .getJsonArray("shipping_labels").getJsonObject(0).getString("tracking_number");
        }
        assertThat(tracking[0]).isEqualTo(tracking[1]);
    }
}
