package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourceRecord;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.bigcommerce.BigCommerceConnector;
import dev.junction.plugin.bigcommerce.testing.Sandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code order-status-changes}: BigCommerce's {@code date_modified} has whole seconds, so status changes
 * within one second must still be distinct versions, or the hub drops the later ones as duplicates (found
 * by the flow tests: a store order moved twice in a second reached Brightpearl only once).
 */
class StatusChangeVersionSandboxTest {
    private Vertx vertx;
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx, 10_000);
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.stop();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void statusChangesWithinOneSecondAreDistinctVersions() throws Exception {
        TestConnections services = TestConnections.create(vertx);
        HubConnectionContext ctx = services.context(new BigCommerceConnector(), "bc", sandbox.settings());
        ConnectionHandlers handlers = services.register(new BigCommerceConnector(), ctx);
        SourceHandler source = handlers.source("order-status-changes").orElseThrow();
        String id = String.valueOf(sandbox.createOrder(Sandbox.simpleOrder("SKU-1", 1)).getValue("id"));

        // two changes in one second (the control calls take milliseconds; tried again if a second boundary fell between)
        for (int attempt = 0; attempt < 5; attempt++) {
            SourceRecord first = setAndFetch(source, id, 9);
            SourceRecord second = setAndFetch(source, id, 12);
            if (first.modifiedAt().getEpochSecond() == second.modifiedAt().getEpochSecond()) {
                assertThat(second.version()).as("same date_modified, different status").isNotEqualTo(first.version());
                return;
            }
        }
        throw new AssertionError("could not make two status changes within one second");
    }

    private SourceRecord setAndFetch(SourceHandler source, String id, int status) throws Exception {
        sandbox.put("/_sandbox/orders/" + id + "/status", new JsonObject().put("status_id", status));
        return source.fetch(id, new JsonObject()).await(10, TimeUnit.SECONDS).orElseThrow();
    }
}
