package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.SyncException;
import dev.junction.api.error.ThrottledException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns BigCommerce's error answers into the hub's exceptions, keeping BigCommerce's own words. v2 answers
 * with an array {@code [{"status":400,"message":"..."}]}; v3 with problem JSON
 * {@code {"status":422,"title":"...","errors":{"field":"message"}}}.
 */
public final class BigCommerceErrors {

    private static final int MAX_MESSAGE = 500;

    private BigCommerceErrors() {
    }

    /** The exception for a non-2xx answer to {@code operation} (e.g. "POST /v2/orders/218/shipments"). */
    public static SyncException toException(String operation, int status, String body, Function<String, String> header) {
        String detail = describe(body);
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        if (status == 401) {
            return new PermanentException("BigCommerce refused the access token (HTTP 401) for " + operation
                    + suffix + ". Check 'accessToken' and that the API account still exists.");
        }
        if (status == 403) {
            return new PermanentException("BigCommerce denied " + operation + " (HTTP 403)" + suffix
                    + ". Give the API account the scope it needs (Orders: modify, Products/Inventory: modify,"
                    + " Information & settings: read-only) and save it again.");
        }
        if (status == 429) {
            Duration wait = parseMs(header.apply("X-Rate-Limit-Time-Reset-Ms"));
            return new ThrottledException("BigCommerce rate limit reached on " + operation, wait == null ? Duration.ofSeconds(5) : wait);
        }
        if (status >= 500) {
            Duration retryAfter = parseSeconds(header.apply("X-Retry-After"));
            return new RetryableException("BigCommerce failed " + operation + " (HTTP " + status + ")" + suffix, retryAfter);
        }
        return new PermanentException("BigCommerce rejected " + operation + " (HTTP " + status + ")" + suffix);
    }

    /** BigCommerce's own message(s) from an error body, or a trimmed copy of the body if it is not JSON. */
    public static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.trim();
        try {
            if (text.startsWith("[")) {
                return truncate(fromV2(new JsonArray(text)));
            }
            if (text.startsWith("{")) {
                return truncate(fromV3(new JsonObject(text)));
            }
        } catch (DecodeException | ClassCastException e) {
            // not the JSON it claims to be: fall through to the raw text
        }
        return truncate(text);
    }

    private static String fromV2(JsonArray errors) {
        List<String> parts = new ArrayList<>();
        for (Object e : errors) {
            if (e instanceof JsonObject o) {
                String message = o.getString("message");
                if (message != null && !message.isBlank()) {
                    parts.add(message.trim());
                }
            } else if (e != null) {
                parts.add(String.valueOf(e));
            }
        }
        return String.join("; ", parts);
    }

    private static String fromV3(JsonObject problem) {
        List<String> parts = new ArrayList<>();
        String title = problem.getString("title");
        if (title != null && !title.isBlank()) {
            parts.add(title.trim());
        }
        Object errors = problem.getValue("errors");
        if (errors instanceof JsonObject map) {
            for (Map.Entry<String, Object> e : map) {
                parts.add(e.getKey() + ": " + e.getValue());
            }
        } else if (errors instanceof JsonArray list) {
            parts.add(fromV2(list));
        }
        String message = problem.getString("message");
        if (parts.isEmpty() && message != null) {
            parts.add(message);
        }
        return String.join("; ", parts);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }

    private static Duration parseMs(String v) {
        try {
            return v == null ? null : Duration.ofMillis(Math.max(1, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseSeconds(String v) {
        try {
            return v == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
