package dev.junction.hub.admin;

import dev.junction.api.mapping.Choice;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.testing.TestRemote;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference data refreshes into mapping tables. The test connector registers no reference data, so the
 * tests register sources on the running connection's handler registry, as a connector's register() would.
 */
class ReferenceDataRoutesTest extends AdminApiTestBase {

    @BeforeEach
    void registerReferenceData() {
        ConnectionHandlers handlers = hub.connections().get("dst").orElseThrow().handlers();
        handlers.referenceData("shipping-methods", () -> Future.succeededFuture(
                List.of(new Choice("7", "UPS Ground"), new Choice("9", "Royal Mail 48"))));
        handlers.referenceData("remote-down", () -> Future.failedFuture(new IllegalStateException("HTTP 503 from remote")));
        handlers.referenceData("buggy", () -> {
            throw new IllegalStateException("bug while calling with token " + TestRemote.TOKEN);
        });
    }

    @Test
    void refreshStoresTheChoicesAsTheTablesTargetsAndKeepsItsEntries() throws Exception {
        put("/mappings/shipping", new JsonObject().put("entries", new JsonObject().put("Free Shipping", "7")));
        assertThat(json(get("/connections/dst/reference-data")).getJsonArray("names"))
                .contains("shipping-methods", "remote-down", "buggy");

        JsonObject preview = json(get("/connections/dst/reference-data/shipping-methods"));
        assertThat(preview.getJsonArray("choices")).hasSize(2);
        assertThat(json(get("/mappings/shipping")).getJsonArray("targetChoices")).as("a preview stores nothing").isEmpty();

        HttpResponse<Buffer> r = post("/connections/dst/reference-data/shipping-methods?table=shipping", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).getInteger("count")).isEqualTo(2);
        JsonObject t = json(get("/mappings/shipping"));
        assertThat(t.getJsonArray("targetChoices").getJsonObject(1).getString("label")).isEqualTo("Royal Mail 48");
        assertThat(t.getJsonObject("entries").getString("Free Shipping")).isEqualTo("7");
        assertThat(hub.mappings().current().tables().get("shipping").targetChoices()).hasSize(2);

        // a table that does not exist yet is created with the choices, ready to be filled in
        post("/connections/dst/reference-data/shipping-methods?table=carriers&side=source", null);
        assertThat(json(get("/mappings/carriers")).getJsonArray("sourceChoices")).hasSize(2);
    }

    @Test
    void aRemoteFailureIs502AndAConnectorBugIsA500WithoutDetailsOrSecrets() throws Exception {
        HttpResponse<Buffer> down = post("/connections/dst/reference-data/remote-down?table=shipping", null);
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(json(down).getString("error")).contains("reading reference data 'remote-down'").contains("HTTP 503");

        HttpResponse<Buffer> bug = post("/connections/dst/reference-data/buggy?table=shipping", null);
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(json(bug).getString("error")).startsWith("unexpected error (ref ");
        assertThat(bug.bodyAsString()).doesNotContain(TestRemote.TOKEN).doesNotContain("IllegalStateException")
                .doesNotContain("at dev.junction");
    }
}
