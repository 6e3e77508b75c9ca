package dev.junction.plugin.bigcommerce;

import dev.junction.api.Connector;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.conformance.ConnectorConformanceKit;
import dev.junction.plugin.bigcommerce.testing.Sandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The hub's acceptance tests for connectors, run against the BigCommerce simulator. */
class BigCommerceConformanceTest extends ConnectorConformanceKit {

    private Sandbox sandbox;

    @Override
    protected Connector connector() {
        return new BigCommerceConnector();
    }

    @Override
    protected String startSimulator(Vertx vertx) throws Exception {
        // A Pro-plan quota: the kit polls full pages, which still ask /coupons per order.
        sandbox = Sandbox.start(vertx, 450);
        return sandbox.simulatorUrl();
    }

    @Override
    protected void stopSimulator() throws Exception {
        sandbox.stop();
    }

    @Override
    protected JsonObject goodSettings() {
        return sandbox.settings();
    }

    @Override
    protected JsonObject badCredentialSettings() {
        return sandbox.settings().put("accessToken", "wrong-token-1234");
    }

    @Override
    protected PollCase pollCase() {
        return new PollCase("orders", new JsonObject(), sandbox::createOrders);
    }

    @Override
    protected SinkCase sinkCase() {
        try {
            JsonObject order = sandbox.createOrder(Sandbox.simpleOrder("KIT-SKU", 2));
            String orderId = String.valueOf(order.getValue("id"));
            Shipment shipment = new Shipment("GON-1", "GON-1", "BP-9001", orderId, "1", Instant.now(),
                    List.of(new ShipmentPackage("1Z999AA10123456784", "UPS", "UPS Ground", null,
                            List.of(new ShipmentLine("KIT-SKU", "row-1", BigDecimal.valueOf(2))))), true);
            return new SinkCase("shipments", shipment, "bp:GON-1", () -> sandbox.get("/_sandbox/orders/" + orderId)
                    .getJsonArray("shipments").size());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
