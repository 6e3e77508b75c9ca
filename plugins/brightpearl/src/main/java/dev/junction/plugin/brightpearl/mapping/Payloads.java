package dev.junction.plugin.brightpearl.mapping;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The self-contained source payloads (docs/conventions.md): an {@code orders} record is
 * {@code {"order": {...}, "productCustomFields": {pid: {...}}, "shippingMethodName": ".."}}; a goods-out note
 * record adds {@code "goodsOutNoteId"} and {@code "goodsOutNote"}. Mappers read only these.
 */
public final class Payloads {
    public static final String ORDER = "order";
    public static final String GON = "goodsOutNote";
    public static final String GON_ID = "goodsOutNoteId";
    public static final String CUSTOM_FIELDS = "productCustomFields";
    public static final String SHIPPING_METHOD_NAME = "shippingMethodName";

    private Payloads() {
    }

    /** The order of a payload; a bare order (has {@code orderRows}) is accepted too. */
    public static JsonObject order(JsonObject payload) {
        JsonObject o = payload.getJsonObject(ORDER);
        return o != null ? o : payload;
    }

    public static JsonObject customFields(JsonObject payload, Object productId) {
        JsonObject all = payload.getJsonObject(CUSTOM_FIELDS, new JsonObject());
        JsonObject cf = productId == null ? null : all.getJsonObject(String.valueOf(productId));
        return cf == null ? new JsonObject() : cf;
    }

    /** Order rows as (rowId, row) in Brightpearl's sequence order. */
    public static List<Map.Entry<String, JsonObject>> rows(JsonObject order) {
        JsonObject rows = order.getJsonObject("orderRows", new JsonObject());
        List<Map.Entry<String, JsonObject>> out = new ArrayList<>();
        for (String id : rows.fieldNames()) {
            out.add(Map.entry(id, rows.getJsonObject(id)));
        }
        out.sort(Comparator.comparing((Map.Entry<String, JsonObject> e) -> sequence(e.getValue()))
                .thenComparing(e -> numeric(e.getKey())));
        return out;
    }

    private static long sequence(JsonObject row) {
        return numeric(row.getValue("orderRowSequence"));
    }

    private static long numeric(Object v) {
        try {
            return v == null ? Long.MAX_VALUE : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A custom-field value as text: SELECT fields arrive as {@code {id, value}}. */
    public static String customFieldText(JsonObject fields, String code) {
        if (fields == null || code == null) {
            return null;
        }
        Object v = fields.getValue(code);
        if (v instanceof JsonObject select) {
            v = select.getValue("value");
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
