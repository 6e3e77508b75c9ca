package dev.junction.hub.admin;

import dev.junction.hub.store.StoredConnection;
import dev.junction.hub.testing.Await;
import dev.junction.hub.testing.TestRemote;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionRoutesTest extends AdminApiTestBase {

    @Test
    void missingRequiredSettingAndBadUrlAreBothListedIn400() throws Exception {
        HttpResponse<Buffer> r = put("/connections/shop", connection(new JsonObject().put("baseUrl", "not a url")));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject err = json(r);
        assertThat(err.getInteger("status")).isEqualTo(400);
        assertThat(err.getString("error")).contains("'token' is required").contains("'baseUrl' must be an http(s) URL");
        assertThat(err.getJsonArray("problems")).hasSize(2);
        assertThat(hub.store().connection("shop").await(5, TimeUnit.SECONDS)).as("nothing stored").isEmpty();
    }

    @Test
    void missingRequiredSettingAloneSaysWhichAndWhy() throws Exception {
        HttpResponse<Buffer> r = put("/connections/shop", connection(new JsonObject().put("baseUrl", remote.baseUrl())));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getJsonArray("problems")).containsExactly("'token' is required: the test remote's API token");
    }

    @Test
    void unknownConnectorIs400NamingTheInstalledOnes() throws Exception {
        HttpResponse<Buffer> r = put("/connections/shop", new JsonObject().put("connector", "shopify").put("settings", settings()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("unknown connector 'shopify'").contains("[test-connector]");
    }

    @Test
    void malformedJsonAndWrongShapesAre400() throws Exception {
        HttpResponse<Buffer> r = send(HttpMethod.PUT, "/connections/shop", Buffer.buffer("{\"connector\": "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).startsWith("request body is not valid JSON: ");
        assertThat(send(HttpMethod.PUT, "/connections/shop", Buffer.buffer("[1]")).statusCode()).isEqualTo(400);
        HttpResponse<Buffer> noConnector = put("/connections/shop", new JsonObject().put("settings", settings()));
        assertThat(json(noConnector).getString("error")).contains("'connector' is required");
        HttpResponse<Buffer> badId = put("/connections/Bad%20Id", connection(settings()));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).getString("error")).contains("connection id must be");
    }

    @Test
    void crudRoundTripKeepsStoredSecretsWhenThePlaceholderIsSentBack() throws Exception {
        HttpResponse<Buffer> created = put("/connections/shop", connection(settings().put("rateLimit", "50")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject view = json(created);
        assertThat(view.getString("status")).isEqualTo("RUNNING");
        assertThat(view.getJsonObject("settings").getString("token")).isEqualTo(SecretRedaction.PLACEHOLDER);
        assertThat(view.getJsonObject("settings").getString("baseUrl")).isEqualTo(remote.baseUrl());
        assertThat(view.getJsonArray("sources")).contains("items");
        assertThat(hub.connections().get("shop")).get().matches(rt -> rt.running());

        JsonObject fetched = json(get("/connections/shop"));
        assertThat(fetched.getJsonObject("settings")).isEqualTo(view.getJsonObject("settings"));
        JsonArray all = json(get("/connections")).getJsonArray("connections");
        assertThat(all.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("dst", "shop", "src");

        // a UI sends the form back as read: the masked token keeps the stored one
        JsonObject form = fetched.getJsonObject("settings").copy().put("rateLimit", "20");
        HttpResponse<Buffer> replaced = put("/connections/shop", connection(form));
        assertThat(replaced.statusCode()).isEqualTo(200);
        StoredConnection stored = hub.store().connection("shop").await(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(stored.config().getString("token")).isEqualTo(TestRemote.TOKEN);
        assertThat(stored.config().getString("rateLimit")).isEqualTo("20");
        assertThat(stored.secretFields()).contains("token", "webhookSecret");
        assertThat(json(post("/connections/shop/check", null)).getBoolean("ok")).as("the kept token still works").isTrue();

        assertThat(delete("/connections/shop").statusCode()).isEqualTo(204);
        assertThat(get("/connections/shop").statusCode()).isEqualTo(404);
        assertThat(hub.connections().get("shop")).isEmpty();
        assertThat(delete("/connections/shop").statusCode()).isEqualTo(404);
    }

    @Test
    void changingAConnectionRestartsItsFlowsOnTheNewSettings() throws Exception {
        TestRemote moved = new TestRemote(vertx).start().await(10, TimeUnit.SECONDS);
        JsonObject form = json(get("/connections/dst")).getJsonObject("settings").copy().put("baseUrl", moved.baseUrl());
        HttpResponse<Buffer> r = put("/connections/dst", connection(form));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).getJsonArray("restartedFlows")).as("the flow writing to dst was restarted").contains(FLOW);

        remote.putItem("after-move", java.time.Instant.parse("2026-11-03T10:00:00Z"), new JsonObject().put("name", "moved"));
        assertThat(post("/flows/" + FLOW + "/import", new JsonObject().put("sourceId", "after-move")).statusCode()).isIn(200, 201);
        Await.until("the record written through the new settings", java.time.Duration.ofSeconds(20),
                () -> moved.sinkByRef().containsKey("src:after-move"));
        assertThat(remote.sinkByRef()).as("nothing written to the old sink").doesNotContainKey("src:after-move");
        moved.stop();
    }

    @Test
    void placeholderForASecretNeverStoredIsRefused() throws Exception {
        HttpResponse<Buffer> r = put("/connections/fresh", connection(settings().put("token", SecretRedaction.PLACEHOLDER)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("'token' was sent as ********").contains("send the real value");
    }

    @Test
    void deletingAConnectionAFlowUsesIsAConflict() throws Exception {
        HttpResponse<Buffer> r = delete("/connections/src");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).getString("error")).contains("used by flows [items]");
        assertThat(hub.store().connection("src").await(5, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void checkUsesSavedSettingsOrTheUnsavedOnesInTheBody() throws Exception {
        JsonObject saved = json(post("/connections/src/check", null));
        assertThat(saved.getBoolean("ok")).isTrue();
        assertThat(saved.getString("reason")).contains("accepted the token");

        JsonObject wrong = json(post("/connections/src/check", new JsonObject()
                .put("settings", settings().put("token", "a-wrong-token-0000"))));
        assertThat(wrong.getBoolean("ok")).isFalse();
        assertThat(wrong.getString("reason")).contains("refused the token");

        // a connection not saved yet can be checked too (the form's "Test" button before "Save")
        JsonObject unsaved = json(post("/connections/new-one/check", connection(settings())));
        assertThat(unsaved.getBoolean("ok")).isTrue();
        assertThat(hub.store().connection("new-one").await(5, TimeUnit.SECONDS)).as("a check saves nothing").isEmpty();

        HttpResponse<Buffer> invalid = post("/connections/src/check", new JsonObject()
                .put("settings", new JsonObject().put("baseUrl", "ftp://x")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).getString("error")).contains("'baseUrl' must be an http(s) URL");
        assertThat(post("/connections/nobody/check", null).statusCode()).isEqualTo(404);
    }

    @Test
    void referenceDataOfAConnectionIsListedAndUnknownNamesAre404() throws Exception {
        JsonObject names = json(get("/connections/src/reference-data"));
        assertThat(names.getJsonArray("names")).isEmpty(); // the test connector registers none
        HttpResponse<Buffer> unknown = post("/connections/src/reference-data/shipping-methods?table=shipping", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getString("error")).contains("no reference data 'shipping-methods'");
        HttpResponse<Buffer> noTable = post("/connections/src/reference-data/shipping-methods", null);
        assertThat(noTable.statusCode()).isEqualTo(400);
        assertThat(json(noTable).getString("error")).contains("'table' is required");
        assertThat(get("/connections/nobody/reference-data").statusCode()).isEqualTo(404);
    }

    @Test
    void pluginsListTheConnectorWithItsSettingsSchema() throws Exception {
        JsonArray plugins = json(get("/plugins")).getJsonArray("plugins");
        assertThat(plugins).hasSize(1);
        JsonObject p = plugins.getJsonObject(0);
        assertThat(p.getString("state")).isEqualTo("STARTED");
        assertThat(p.getValue("error")).isNull();
        JsonObject c = p.getJsonArray("connectors").getJsonObject(0);
        assertThat(c.getString("id")).isEqualTo("test-connector");
        JsonObject schema = c.getJsonObject("configSchema");
        assertThat(schema.getJsonArray("required")).contains("baseUrl", "token");
        assertThat(schema.getJsonObject("properties").getJsonObject("token").getBoolean("writeOnly")).isTrue();
    }
}
