package dev.junction.plugin.brightpearl.client;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brightpearl's multi-message envelope ({@code POST /public-api/{account}/multi-message}): two to ten write
 * requests in one HTTP request, which Brightpearl counts as <em>one</em> request against the account's
 * 200-a-minute budget (the brightpearl-api-client-java library documents both rules; see
 * {@code shared/api/brightpearl.md} §1). Each message is answered as it would be alone, its body carried as
 * a JSON string in {@code body.content}. Pure, so the envelope is unit-tested without a server.
 */
public final class MultiMessage {
    public static final String PATH = "/multi-message";
    /** Brightpearl takes two to ten messages per multi-message. */
    public static final int MAX_MESSAGES = 10;

    /** One write inside a batch; {@code path} is after {@code /public-api/{account}}, e.g. {@code /order-service/sales-order}. */
    public record Item(String label, HttpMethod method, String path, Object body) {
    }

    /** One message's own answer: its status code and its body as Brightpearl would have sent it alone. */
    public record Reply(int status, String content) {
    }

    /**
     * What came back: replies by label, and the labels Brightpearl did not run (only after a failure with
     * {@code onFail: STOP}, which the hub does not ask for, but the contract allows).
     */
    public record Answer(Map<String, Reply> processed, Set<String> unprocessed) {
    }

    private MultiMessage() {
    }

    /**
     * The request body. The messages of one batch come from different records and never depend on one
     * another (a record's own writes are sent one after another), so Brightpearl may run them in parallel and
     * one refusal must not stop the others: {@code PARALLEL} with {@code CONTINUE}.
     */
    public static JsonObject body(List<Item> items) {
        if (items.size() < 2 || items.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("a multi-message carries 2 to " + MAX_MESSAGES + " messages, not " + items.size());
        }
        JsonArray messages = new JsonArray();
        for (Item i : items) {
            // the client library sends {} for a write without a body (DELETE); Brightpearl expects an object
            messages.add(new JsonObject().put("label", i.label()).put("uri", i.path())
                    .put("httpMethod", i.method().name()).put("body", i.body() == null ? new JsonObject() : i.body()));
        }
        return new JsonObject().put("processingMode", "PARALLEL").put("onFail", "CONTINUE").put("messages", messages);
    }

    /** Reads the {@code response} value of a 200 or 207 answer. Anything unreadable is simply absent. */
    public static Answer read(Object response) {
        Map<String, Reply> processed = new HashMap<>();
        Set<String> unprocessed = new HashSet<>();
        if (response instanceof JsonObject r) {
            if (r.getValue("processedMessages") instanceof JsonArray done) {
                for (Object o : done) {
                    if (o instanceof JsonObject m && m.getValue("label") instanceof String label) {
                        Object body = m.getValue("body");
                        String content = body instanceof JsonObject b ? b.getString("content") : null;
                        processed.put(label, new Reply(m.getInteger("statusCode", 0), content));
                    }
                }
            }
            if (r.getValue("unprocessedMessages") instanceof JsonArray rest) {
                for (Object o : rest) {
                    if (o instanceof String label) {
                        unprocessed.add(label);
                    }
                }
            }
        }
        return new Answer(processed, unprocessed);
    }
}
