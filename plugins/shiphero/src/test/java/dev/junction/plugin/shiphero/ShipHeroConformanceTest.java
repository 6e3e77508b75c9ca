package dev.junction.plugin.shiphero;

import dev.junction.api.Connector;
import dev.junction.conformance.ConnectorConformanceKit;
import dev.junction.plugin.shiphero.shipments.ShipmentPayload;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The shared connector acceptance tests against the ShipHero simulator. */
class ShipHeroConformanceTest extends ConnectorConformanceKit {
    private SandboxControl sim;
    private int seeded;

    @Override
    protected Connector connector() {
        return new ShipHeroConnector();
    }

    @Override
    protected String startSimulator(Vertx vertx) throws Exception {
        sim = SandboxControl.start(vertx, ShipHeroOptions.forTests());
        return sim.server.baseUrl();
    }

    @BeforeAll
    void tables() throws Exception {
        services.putMappingTable("shiphero-warehouses", Map.of("2", "Primary"), null);
    }

    @Override
    protected void stopSimulator() throws Exception {
        sim.stop();
    }

    @Override
    protected JsonObject goodSettings() {
        return sim.settings();
    }

    @Override
    protected JsonObject badCredentialSettings() {
        return sim.settings().put("password", "not-the-password-123");
    }

    @Override
    protected PollCase pollCase() {
        return new PollCase("shipments", new JsonObject(), this::seedShipments);
    }

    @Override
    protected SinkCase sinkCase() {
        return new SinkCase("orders", SandboxControl.note("9001", "77", "SO-9001", "2", "Ground", "KIT-1", "KIT-2"),
                "bp-kit:9001", () -> sim.orders().size());
    }

    /** Orders created and shipped by the simulated warehouse; answers the shipments' record ids. */
    private List<String> seedShipments(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = ++seeded;
            String order = sim.createOrderDirectly("SEED-" + n, "seed:" + n, "SKU-" + n);
            JsonObject shipment = sim.ship(order, null);
            ids.add(ShipmentPayload.recordId(order, ShipHeroIds.legacy(shipment.getValue("legacy_id"))));
        }
        return ids;
    }
}
