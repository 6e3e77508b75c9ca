package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourceRecord;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code order-status-changes}: an order that returns to a status it had before is a new change (found by
 * the flow tests: Processing → On hold → Processing never reached the store, because the second Processing
 * had the same version as the first and the hub dropped it as a duplicate).
 */
class BrightpearlStatusChangeVersionTest extends SimulatorTestBase {

    @Test
    void aReturnToAnEarlierStatusIsANewVersionAndAnUnchangedOrderIsNot() throws Exception {
        long customer = seedContact("versions@example.com");
        long orderId = seedOrder(customer, "WEB-VERSIONS-1");
        SourceHandler source = handlers("bp-versions").source("order-status-changes").orElseThrow();

        List<String> versions = new ArrayList<>();
        for (long status : new long[]{2, 8, 2}) {
            shift.addAndGet(1_000);
            api(HttpMethod.PUT, "/order-service/order/" + orderId + "/status", new JsonObject().put("orderStatusId", status));
            SourceRecord r = await(source.fetch(String.valueOf(orderId), new JsonObject())).orElseThrow();
            assertThat(r.payload().getValue("orderStatusId").toString()).isEqualTo(String.valueOf(status));
            versions.add(r.version());
        }
        assertThat(versions).doesNotHaveDuplicates();

        SourceRecord again = await(source.fetch(String.valueOf(orderId), new JsonObject())).orElseThrow();
        assertThat(again.version()).as("the same state read twice is one version").isEqualTo(versions.get(2));
    }

    /** A status change made in Brightpearl itself (its public API, as the private app). */
    private void api(HttpMethod method, String path, JsonObject body) throws Exception {
        var resp = web.requestAbs(method, server.baseUrl() + "/public-api/" + sim.accountCode() + path)
                .putHeader("brightpearl-app-ref", sim.appRef()).putHeader("brightpearl-account-token", sim.accountToken())
                .putHeader("Content-Type", "application/json")
                .sendBuffer(io.vertx.core.buffer.Buffer.buffer(body.encode())).await(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("%s %s: %s", method, path, resp.bodyAsString()).isLessThan(300);
    }
}
