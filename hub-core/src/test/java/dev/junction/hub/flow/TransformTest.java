package dev.junction.hub.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.api.Json;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.store.MappingTable;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformTest {
    final MappingTablesService.Snapshot tables = new MappingTablesService.Snapshot(Map.of(
            "shipping-methods", new MappingTable("shipping-methods", Map.of("UPS Ground", "7"), "1", List.of(), List.of()),
            "warehouses", new MappingTable("warehouses", Map.of("2", "WH-A"), null, List.of(), List.of()),
            "sku-aliases", new MappingTable("sku-aliases", Map.of("OLD-1", "NEW-1"), null, List.of(), List.of())), "v1");

    ObjectNode tree(String json) {
        return (ObjectNode) Json.mapper().valueToTree(new JsonObject(json).getMap());
    }

    Transform t(String json) {
        return Transform.fromJson(new JsonObject(json));
    }

    @Test
    void translatesThroughATableCaseInsensitivelyAndFallsBackToItsDefault() {
        ObjectNode a = tree("{\"shippingMethod\":\"ups ground\"}");
        t("{\"field\":\"shippingMethod\",\"table\":\"shipping-methods\"}").apply(a, tables);
        assertThat(a.get("shippingMethod").asText()).isEqualTo("7");
        ObjectNode b = tree("{\"shippingMethod\":\"Carrier pigeon\"}");
        t("{\"field\":\"shippingMethod\",\"table\":\"shipping-methods\"}").apply(b, tables);
        assertThat(b.get("shippingMethod").asText()).isEqualTo("1");
    }

    @Test
    void appliesToEveryArrayElementAndKeepsUnmappedWhenAsked() {
        ObjectNode o = tree("{\"lines\":[{\"sku\":\"OLD-1\"},{\"sku\":\"SAME\"}]}");
        t("{\"field\":\"lines[].sku\",\"table\":\"sku-aliases\",\"onMissing\":\"keep\"}").apply(o, tables);
        assertThat(o.get("lines").get(0).get("sku").asText()).isEqualTo("NEW-1");
        assertThat(o.get("lines").get(1).get("sku").asText()).isEqualTo("SAME");
    }

    @Test
    void unmappedValuesFailOrSkipWithAReasonNamingTheValueAndTable() {
        assertThatThrownBy(() -> t("{\"field\":\"warehouse\",\"table\":\"warehouses\",\"onMissing\":\"fail\"}")
                .apply(tree("{\"warehouse\":\"9\"}"), tables))
                .isInstanceOf(PermanentException.class).hasMessageContaining("'9'").hasMessageContaining("warehouses");
        assertThatThrownBy(() -> t("{\"field\":\"warehouse\",\"table\":\"warehouses\",\"onMissing\":\"skip\"}")
                .apply(tree("{\"warehouse\":\"9\"}"), tables))
                .isInstanceOf(SkipException.class).hasMessageContaining("not mapped");
    }

    @Test
    void plainDefaultsFillOnlyEmptyFields() {
        ObjectNode o = tree("{\"channel\":\"\",\"project\":\"P1\"}");
        t("{\"field\":\"channel\",\"value\":\"3\"}").apply(o, tables);
        t("{\"field\":\"project\",\"value\":\"P9\"}").apply(o, tables);
        assertThat(o.get("channel").asText()).isEqualTo("3");
        assertThat(o.get("project").asText()).isEqualTo("P1");
    }

    @Test
    void configErrorsAreClear() {
        assertThatThrownBy(() -> t("{\"table\":\"x\"}")).hasMessageContaining("'field' is required");
        assertThatThrownBy(() -> t("{\"field\":\"a\"}")).hasMessageContaining("give 'table'");
        assertThatThrownBy(() -> t("{\"field\":\"a\",\"table\":\"x\",\"onMissing\":\"explode\"}")).hasMessageContaining("onMissing");
    }
}
