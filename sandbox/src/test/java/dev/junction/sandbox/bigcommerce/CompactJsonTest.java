package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompactJsonTest {
    private static JsonObject order() {
        return new JsonObject().put("id", 100).put("status", "Pending").put("total_inc_tax", "12.5000")
                .put("discount", new BigDecimal("1.25")).put("is_deleted", false).put("external_id", null)
                .put("billing_address", new JsonObject().put("first_name", "Ada").put("email", "ada@example.com")
                        .put("form_fields", new JsonArray().add(new JsonObject().put("name", "Gift").put("value", "yes"))))
                .put("products", new JsonArray().add(new JsonObject().put("id", 1).put("sku", "A-1")
                        .put("applied_discounts", new JsonArray())));
    }

    @Test
    void aCompactedTreeReadsAndEncodesAsTheOriginalFieldsInOrder() {
        JsonObject original = order();
        JsonObject compact = CompactJson.compact(original);

        assertThat(compact.getMap()).isInstanceOf(CompactJson.ArrayMap.class);
        assertThat(compact.getJsonObject("billing_address").getMap()).isInstanceOf(CompactJson.ArrayMap.class);
        assertThat(compact.encode()).isEqualTo(original.encode());
        assertThat(compact).isEqualTo(original);
        assertThat(compact.getString("status")).isEqualTo("Pending");
        assertThat(compact.containsKey("external_id")).isTrue();
        assertThat(compact.getValue("external_id")).isNull();
        assertThat(compact.getValue("no_such_field")).isNull();
        assertThat(compact.fieldNames()).containsExactly("id", "status", "total_inc_tax", "discount", "is_deleted",
                "external_id", "billing_address", "products");
    }

    @Test
    void changesInPlaceReachTheStoredTree() {
        JsonObject compact = CompactJson.compact(order());

        compact.put("status", "Shipped").put("date_shipped", "Fri, 04 Dec 2026 16:00:00 +0000");
        compact.getJsonObject("billing_address").mergeIn(new JsonObject().put("first_name", "Grace").put("phone", "555"));
        compact.getJsonArray("products").getJsonObject(0).put("quantity_shipped", 2);
        compact.remove("is_deleted");

        assertThat(compact.getString("status")).isEqualTo("Shipped");
        assertThat(compact.fieldNames()).containsExactly("id", "status", "total_inc_tax", "discount", "external_id",
                "billing_address", "products", "date_shipped");
        assertThat(compact.getJsonObject("billing_address").encode())
                .isEqualTo("{\"first_name\":\"Grace\",\"email\":\"ada@example.com\",\"form_fields\":[{\"name\":\"Gift\",\"value\":\"yes\"}],\"phone\":\"555\"}");
        assertThat(compact.getJsonArray("products").getJsonObject(0).getInteger("quantity_shipped")).isEqualTo(2);
    }

    @Test
    void anExpandedCopyIsOrderedIndependentAndEqual() {
        JsonObject compact = CompactJson.compact(order());
        JsonObject copy = CompactJson.expand(compact);

        assertThat(copy.getMap()).isInstanceOf(LinkedHashMap.class);
        assertThat(copy.getJsonObject("billing_address").getMap()).isInstanceOf(LinkedHashMap.class);
        assertThat(copy.getJsonObject("billing_address").getJsonArray("form_fields").getJsonObject(0).getMap())
                .isInstanceOf(LinkedHashMap.class);
        assertThat(copy.encode()).isEqualTo(compact.encode());
        // a copy's later JsonObject.copy() keeps the order too, as callers of the API's answers expect
        assertThat(copy.copy().fieldNames()).containsExactlyElementsOf(compact.fieldNames());

        copy.put("status", "Cancelled");
        copy.getJsonObject("billing_address").put("email", "other@example.com");
        assertThat(compact.getString("status")).isEqualTo("Pending");
        assertThat(compact.getJsonObject("billing_address").getString("email")).isEqualTo("ada@example.com");
    }

    @Test
    void theMapKeepsInsertionOrderThroughRemovalsAndIteratorRemoves() {
        CompactJson.ArrayMap map = new CompactJson.ArrayMap(1);
        for (int i = 0; i < 10; i++) {
            map.put("k" + i, i); // grows from one slot
        }
        assertThat(map.put("k3", 33)).isEqualTo(3);
        assertThat(map.remove("k0")).isEqualTo(0);
        assertThat(map.remove("missing")).isNull();
        Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
        List<String> seen = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            seen.add(e.getKey());
            if ((Integer) e.getValue() % 2 == 0) {
                it.remove();
            } else {
                e.setValue((Integer) e.getValue() * 10);
            }
        }
        assertThat(seen).containsExactly("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
        assertThat(map).containsExactly(Map.entry("k1", 10), Map.entry("k3", 330), Map.entry("k5", 50),
                Map.entry("k7", 70), Map.entry("k9", 90));
        assertThat(map).isEqualTo(Map.of("k1", 10, "k3", 330, "k5", 50, "k7", 70, "k9", 90));
        assertThat(map.hashCode()).isEqualTo(Map.of("k1", 10, "k3", 330, "k5", 50, "k7", 70, "k9", 90).hashCode());
        map.clear();
        assertThat(map).isEmpty();
    }

    @Test
    void repeatedShortStringsAreHeldOnce() {
        JsonObject a = CompactJson.compact(new JsonObject().put("base_price", new String("0.0000")).put("name", "x".repeat(60)));
        JsonObject b = CompactJson.compact(new JsonObject().put("base_price", new String("0.0000")).put("name", "x".repeat(60)));
        assertThat(a.getString("base_price")).isSameAs(b.getString("base_price"));
        assertThat(a.getString("name")).as("long values are left alone").isNotSameAs(b.getString("name")).isEqualTo(b.getString("name"));
    }
}
