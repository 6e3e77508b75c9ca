package dev.junction.flowtests;

import dev.junction.hub.store.SyncStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.junction.flowtests.FlowHub.Await;
import static org.assertj.core.api.Assertions.assertThat;

/** Brightpearl back to the store: shipped goods-out notes as store shipments, stock as inventory levels. */
class FulfilmentAndStockFlowTest {
    static final Map<String, String> PRICES = Map.of("TEE-BLK", "20.00", "MUG-01", "12.50");

    @TempDir
    Path dir;
    FlowHub env;
    Map<String, Long> products;

    @BeforeEach
    void setUp() throws Exception {
        env = FlowHub.sandbox();
        products = env.seedProducts(PRICES, new JsonObject().put("2", 100).put("3", 100));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void anOrderSplitOverTwoWarehousesShipsToTheStoreOneShipmentPerNote() throws Exception {
        // Automation: T-shirts ship from warehouse 2, mugs from 3, so the order gets two goods-out notes.
        env.bpOptions(new JsonObject().put("autoGoodsOutNotes", true).put("productWarehouses", new JsonObject()
                .put(String.valueOf(products.get("TEE-BLK")), 2).put(String.valueOf(products.get("MUG-01")), 3)));
        JsonObject shipments = FlowHub.flow("store-shipments", "shipment",
                FlowHub.endpoint("brightpearl", "shipped-goods-out-notes", new JsonObject()),
                FlowHub.endpoint("store", "shipments", new JsonObject()),
                new JsonObject().put("webhook", true));
        JsonObject tables = new JsonObject()
                .put("shipping-providers", FlowHub.table(Map.of(), "ups"))
                .put("carriers", FlowHub.table(Map.of(), "UPS"));
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)).add(shipments), tables);

        int bcOrder = env.placeOrder("ship@example.com", Map.of("TEE-BLK", 2, "MUG-01", 3), PRICES);
        Await.until("store order " + bcOrder + " in Brightpearl", Duration.ofSeconds(20),
                () -> env.bpOrdersByExternalRef("store:" + bcOrder).size() == 1);
        long bpOrder = env.bpOrdersByExternalRef("store:" + bcOrder).get(0).getLong("id");
        Await.until("automation made two goods-out notes", Duration.ofSeconds(10), () -> env.bpGoodsOutNotes(bpOrder).size() == 2);
        Map<Long, Long> gonByWarehouse = env.bpGoodsOutNotes(bpOrder).stream()
                .collect(Collectors.toMap(g -> g.getLong("warehouseId"), g -> g.getLong("id")));
        assertThat(gonByWarehouse).containsOnlyKeys(2L, 3L);

        shipNote(gonByWarehouse.get(2L), "1Z-TEE-0001");
        Await.until("the first note became a store shipment", Duration.ofSeconds(20),
                () -> env.bcOrder(bcOrder).getJsonArray("shipments", new JsonArray()).size() == 1);
        JsonObject first = env.bcOrder(bcOrder);
        assertThat(first.getInteger("status_id")).as("Partially Shipped").isEqualTo(3);
        JsonObject s1 = first.getJsonArray("shipments").getJsonObject(0);
        assertThat(s1.getString("tracking_number")).isEqualTo("1Z-TEE-0001");
        assertThat(shippedSkus(first, s1)).isEqualTo(Map.of("TEE-BLK", 2));

        shipNote(gonByWarehouse.get(3L), "1Z-MUG-0002");
        Await.until("the second note became a second store shipment", Duration.ofSeconds(20),
                () -> env.bcOrder(bcOrder).getJsonArray("shipments", new JsonArray()).size() == 2);
        JsonObject done = env.bcOrder(bcOrder);
        assertThat(done.getInteger("status_id")).as("Shipped").isEqualTo(2);
        JsonObject s2 = done.getJsonArray("shipments").stream().map(o -> (JsonObject) o)
                .filter(s -> !s.getValue("id").equals(s1.getValue("id"))).findFirst().orElseThrow();
        assertThat(s2.getString("tracking_number")).isEqualTo("1Z-MUG-0002");
        assertThat(shippedSkus(done, s2)).isEqualTo(Map.of("MUG-01", 3));

        // a sweep over the same notes changes nothing
        env.reconcile("store-shipments", Duration.ofHours(1));
        Await.until("the flow is idle", Duration.ofSeconds(10), () -> env.idle("store-shipments"));
        assertThat(env.bcOrder(bcOrder).getJsonArray("shipments")).hasSize(2);
        assertThat(env.records("store-shipments")).as(env.describe("store-shipments"))
                .hasSize(2).allMatch(r -> r.status() == SyncStatus.SYNCED);
    }

    @Test
    void aBrightpearlStockCorrectionBecomesAnAbsoluteStoreInventoryLevel() throws Exception {
        JsonObject stock = FlowHub.flow("store-stock", "stock",
                FlowHub.endpoint("brightpearl", "stock", new JsonObject().put("warehouses", "2")),
                FlowHub.endpoint("store", "inventory", new JsonObject().put("locationId", 1)),
                new JsonObject());
        env.startHub(dir, new JsonArray().add(stock), new JsonObject());

        assertThat(env.runNow("store-stock").getString("error")).isNull();
        Await.until("TEE-BLK at 100 in the store", Duration.ofSeconds(20), () -> storeOnHand("TEE-BLK") == 100);
        Await.until("MUG-01 at 100 in the store", Duration.ofSeconds(20), () -> storeOnHand("MUG-01") == 100);

        env.bpApi(HttpMethod.POST, "/warehouse-service/warehouse/2/stock-correction", new JsonObject().put("corrections",
                new JsonArray().add(new JsonObject().put("productId", products.get("TEE-BLK")).put("quantity", -7)
                        .put("reason", "cycle count"))));
        // a correction in another warehouse is not this flow's business
        env.bpApi(HttpMethod.POST, "/warehouse-service/warehouse/3/stock-correction", new JsonObject().put("corrections",
                new JsonArray().add(new JsonObject().put("productId", products.get("MUG-01")).put("quantity", -40)
                        .put("reason", "damaged"))));

        JsonObject run = env.runNow("store-stock");
        assertThat(run.getString("error")).isNull();
        assertThat(run.getInteger("inserted")).as("only the changed level is new").isEqualTo(1);
        Await.until("TEE-BLK set to 93 in the store", Duration.ofSeconds(20), () -> storeOnHand("TEE-BLK") == 93);
        Await.until("the flow is idle", Duration.ofSeconds(10), () -> env.idle("store-stock"));
        assertThat(storeOnHand("MUG-01")).isEqualTo(100);
        assertThat(env.count("store-stock", SyncStatus.FAILED)).as(env.describe("store-stock")).isZero();
    }

    /** Marks a goods-out note shipped in Brightpearl with a tracking reference, as a warehouse person would. */
    private void shipNote(long gonId, String tracking) {
        env.bpApi(HttpMethod.PUT, "/warehouse-service/goods-note/goods-out/" + gonId,
                new JsonObject().put("shipping", new JsonObject().put("reference", tracking).put("boxes", 1)));
        env.bpApi(HttpMethod.POST, "/warehouse-service/goods-note/goods-out/" + gonId + "/event",
                new JsonObject().put("events", new JsonArray().add(new JsonObject().put("eventCode", "SHW"))));
    }

    /** SKU → quantity of one store shipment's items. */
    private static Map<String, Integer> shippedSkus(JsonObject order, JsonObject shipment) {
        Map<Integer, String> skuByLine = order.getJsonArray("products").stream().map(o -> (JsonObject) o)
                .collect(Collectors.toMap(p -> p.getInteger("id"), p -> p.getString("sku")));
        return shipment.getJsonArray("items").stream().map(o -> (JsonObject) o)
                .collect(Collectors.toMap(i -> skuByLine.get(i.getInteger("order_product_id")), i -> i.getInteger("quantity"), Integer::sum));
    }

    private int storeOnHand(String sku) {
        List<JsonObject> levels = env.bcGetArray(env.bcUrl() + "/_sandbox/inventory").stream().map(o -> (JsonObject) o)
                .filter(l -> sku.equals(l.getString("sku")) && Integer.valueOf(1).equals(l.getInteger("location_id"))).toList();
        return levels.isEmpty() ? -1 : levels.get(0).getInteger("on_hand");
    }
}
