package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Order;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an order's free texts go, as the merchant maps them (BrightConnect's "Notes" settings): the
 * customer's checkout comment (sink option {@code customerMessageTo}, default {@code note}) and the store's
 * staff notes ({@code staffNotesTo}, default {@code note}) each go to an order note, a sales-order custom
 * field given by its code ({@code PCF_...}), or nowhere ({@code none}).
 */
final class OrderTexts {
    static final String CUSTOMER_MESSAGE_TO = "customerMessageTo";
    static final String STAFF_NOTES_TO = "staffNotesTo";

    /** Order notes to add and custom-field patch operations. */
    record Plan(List<String> notes, JsonArray customFieldOps) {
    }

    private OrderTexts() {
    }

    /** Checked before the order is created, so a typo in the options never leaves a half-written order. */
    static void validate(JsonObject options) {
        for (String key : List.of(CUSTOMER_MESSAGE_TO, STAFF_NOTES_TO)) {
            String target = options.getString(key, "note");
            if (!target.equals("note") && !target.equals("none") && !target.startsWith("PCF_")) {
                throw new PermanentException("flow option '" + key + "' must be 'note', 'none' or a sales order custom "
                        + "field code such as PCF_COMMENTS, got '" + target + "'");
            }
        }
    }

    static Plan plan(Order order, JsonObject options) {
        List<String> notes = new ArrayList<>();
        JsonArray ops = new JsonArray();
        route("Customer message: ", order.customerMessage(), options.getString(CUSTOMER_MESSAGE_TO, "note"), notes, ops);
        route("Staff notes: ", order.staffNotes(), options.getString(STAFF_NOTES_TO, "note"), notes, ops);
        return new Plan(notes, ops);
    }

    private static void route(String label, String text, String target, List<String> notes, JsonArray ops) {
        if (text == null || text.isBlank() || target.equals("none")) {
            return;
        }
        if (target.equals("note")) {
            notes.add(label + text);
        } else {
            // 'add' upserts; 'replace' fails on an empty field (Brightpearl gotcha)
            ops.add(new JsonObject().put("op", "add").put("path", "/" + target).put("value", text));
        }
    }
}
