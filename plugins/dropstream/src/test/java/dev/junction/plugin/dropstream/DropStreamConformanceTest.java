package dev.junction.plugin.dropstream;

import dev.junction.api.Connector;
import dev.junction.conformance.ConnectorConformanceKit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** The shared connector acceptance tests against the DropStream simulator (its HTTP API and real SFTP server). */
class DropStreamConformanceTest extends ConnectorConformanceKit {
    private Sandbox sandbox;
    private int seeded;

    @Override
    protected Connector connector() {
        return new DropStreamConnector();
    }

    @Override
    protected String startSimulator(Vertx vertx) throws Exception {
        sandbox = Sandbox.start(vertx);
        return sandbox.server.baseUrl();
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
        return sandbox.settings().put("password", "not-the-password-123");
    }

    @Override
    protected PollCase pollCase() {
        return new PollCase("shipments", new JsonObject(), this::seedShipments);
    }

    @Override
    protected SinkCase sinkCase() {
        return new SinkCase("orders", Sandbox.note("9001", "77", "2", "Ground", "KIT-1", "KIT-2"), "bp-kit:9001",
                () -> sandbox.files("in").stream().filter(n -> n.startsWith("ord_bp-kit-9001_")).toList().size()
                        + sandbox.files("in/archive").stream().filter(n -> n.startsWith("ord_bp-kit-9001_")).toList().size());
    }

    /** Orders dropped into /in, read by the warehouse and shipped through the control API; answers the record ids. */
    private List<String> seedShipments(int count) throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = "seed:" + (++seeded);
            sandbox.dropOrder(number, "SKU-" + seeded);
            numbers.add(number);
        }
        sandbox.warehousePoll();
        Sandbox.waitUntil("the warehouse read the seeded orders", () -> numbers.stream().allMatch(n -> {
            try {
                return !sandbox.ordersNumbered(n).isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        List<String> ids = new ArrayList<>();
        for (String n : numbers) {
            JsonObject shipment = sandbox.ship(sandbox.ordersNumbered(n).get(0).getValue("id"));
            ids.add(n + "|" + shipment.getString("tracking_number"));
        }
        return ids;
    }
}
