package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Request counters per route (method + path with ids replaced by {@code {id}}), so tests and benchmarks
 * can check how many calls a flow costs against the 200/minute budget. A multi-message is one request
 * ({@code POST /multi-message}); the messages inside it are counted apart, per route, in {@code messages}.
 */
final class Stats {
    private static final Pattern ID_SEGMENT = Pattern.compile("^[0-9*][0-9,.*\\-]*$");

    final LongAdder total = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder unauthorized = new LongAdder();
    final LongAdder injectedErrors = new LongAdder();
    final LongAdder unavailable = new LongAdder();
    /** Multi-messages that got past validation, and the messages they carried (run or left unprocessed). */
    final LongAdder multiMessages = new LongAdder();
    final LongAdder multiMessageItems = new LongAdder();
    private final Map<String, LongAdder> routes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> messages = new ConcurrentHashMap<>();

    /** Counts one API request; {@code path} is after {@code /public-api/{account}}. */
    void count(String method, String path) {
        total.increment();
        routes.computeIfAbsent(method + " " + normalise(path), k -> new LongAdder()).increment();
    }

    /** Counts one message processed inside a multi-message (whatever it answered); {@code path}: its uri, no query. */
    void countMessage(String method, String path) {
        messages.computeIfAbsent(method + " " + normalise(path), k -> new LongAdder()).increment();
    }

    static String normalise(String path) {
        String[] segs = path.split("/");
        StringBuilder sb = new StringBuilder();
        for (String s : segs) {
            if (s.isEmpty()) {
                continue;
            }
            sb.append('/').append(ID_SEGMENT.matcher(s).matches() ? "{id}" : s);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    void reset() {
        total.reset();
        throttled.reset();
        unauthorized.reset();
        injectedErrors.reset();
        unavailable.reset();
        multiMessages.reset();
        multiMessageItems.reset();
        routes.clear();
        messages.clear();
    }

    JsonObject toJson() {
        JsonObject r = new JsonObject();
        new TreeMap<>(routes).forEach((k, v) -> r.put(k, v.sum()));
        JsonObject m = new JsonObject();
        new TreeMap<>(messages).forEach((k, v) -> m.put(k, v.sum()));
        return new JsonObject().put("total", total.sum()).put("throttled", throttled.sum())
                .put("unauthorized", unauthorized.sum()).put("injectedErrors", injectedErrors.sum())
                .put("unavailable", unavailable.sum()).put("routes", r)
                .put("multiMessages", multiMessages.sum()).put("multiMessageItems", multiMessageItems.sum())
                .put("messages", m);
    }
}
