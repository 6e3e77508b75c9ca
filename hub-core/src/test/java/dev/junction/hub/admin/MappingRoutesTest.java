package dev.junction.hub.admin;

import dev.junction.api.mapping.Choice;
import dev.junction.hub.store.MappingTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MappingRoutesTest extends AdminApiTestBase {

    @Test
    void putThenGetAndRunningFlowsSeeTheNewSnapshot() throws Exception {
        String before = hub.mappings().current().version();
        HttpResponse<Buffer> created = put("/mappings/shipping", new JsonObject()
                .put("entries", new JsonObject().put("Free Shipping", "7").put("UPS Ground", 3)).put("default", "3"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject t = json(get("/mappings/shipping"));
        assertThat(t.getJsonObject("entries").getMap()).isEqualTo(Map.of("Free Shipping", "7", "UPS Ground", "3"));
        assertThat(t.getString("default")).isEqualTo("3");
        assertThat(hub.mappings().current().lookup("shipping", "free shipping")).contains("7");
        assertThat(hub.mappings().current().version()).isNotEqualTo(before);

        HttpResponse<Buffer> replaced = put("/mappings/shipping", new JsonObject()
                .put("entries", new JsonObject().put("Free Shipping", "9")));
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(get("/mappings/shipping")).getJsonObject("entries").getMap()).isEqualTo(Map.of("Free Shipping", "9"));
        assertThat(json(get("/mappings/shipping")).getValue("default")).isNull();
        JsonArray all = json(get("/mappings")).getJsonArray("tables");
        assertThat(all.stream().map(o -> ((JsonObject) o).getString("name"))).contains("shipping");
    }

    @Test
    void putKeepsTheStoredChoiceListsAndWarnsAboutTargetsNotAmongThem() throws Exception {
        hub.mappings().put(new MappingTable("warehouses", Map.of(), null, List.of(new Choice("Main", "Main")),
                List.of(new Choice("2", "Leeds"), new Choice("5", "Reno")))).await(5, TimeUnit.SECONDS);
        JsonObject saved = json(put("/mappings/warehouses", new JsonObject()
                .put("entries", new JsonObject().put("Main", "2").put("Overflow", "8"))));
        assertThat(saved.getJsonArray("warnings")).containsExactly(
                "entry 'Overflow' maps to '8', which is not among the table's target choices");
        JsonObject t = json(get("/mappings/warehouses"));
        assertThat(t.getJsonArray("targetChoices")).hasSize(2);
        assertThat(t.getJsonArray("sourceChoices").getJsonObject(0).getString("id")).isEqualTo("Main");
        assertThat(t.getJsonObject("entries").getString("Overflow")).isEqualTo("8");
    }

    @Test
    void invalidTablesAre400AndUnknownOnes404() throws Exception {
        HttpResponse<Buffer> noEntries = put("/mappings/shipping", new JsonObject().put("default", "3"));
        assertThat(noEntries.statusCode()).isEqualTo(400);
        assertThat(json(noEntries).getString("error")).contains("'entries' is required");
        HttpResponse<Buffer> badValues = put("/mappings/shipping", new JsonObject().put("entries", new JsonObject()
                .put("a", new JsonArray().add(1)).put("b", (String) null)));
        assertThat(json(badValues).getJsonArray("problems")).containsExactlyInAnyOrder(
                "entry 'a' must be a text value, got a list", "entry 'b' has no target value; remove it or give it one");
        assertThat(put("/mappings/bad%20name", new JsonObject().put("entries", new JsonObject())).statusCode()).isEqualTo(400);
        HttpResponse<Buffer> missing = get("/mappings/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).getString("error")).contains("no mapping table 'nope'");
    }
}
