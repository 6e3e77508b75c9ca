package dev.junction.plugin.starshipit.client;

import dev.junction.api.error.RetryableException;
import dev.junction.api.error.SyncException;
import dev.junction.api.error.ThrottledException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Starshipit's envelope ({@code "success": true|false}, {@code "errors": [{"message","details"}]}) and
 * turns refusals into the hub's exceptions, keeping Starshipit's own words.
 */
public final class StarshipitErrors {
    static final String BAD_KEYS = "Starshipit refused the API keys: copy both keys again from Settings > API";
    private static final int MAX_MESSAGE = 500;

    private StarshipitErrors() {
    }

    /**
     * {@code success} parsed loosely: third-party fixtures send {@code 1}. Absent means success (tracking
     * lists carry no envelope).
     */
    public static boolean success(JsonObject body) {
        Object s = body == null ? null : body.getValue("success");
        if (s == null) {
            return true;
        }
        if (s instanceof Boolean b) {
            return b;
        }
        if (s instanceof Number n) {
            return n.intValue() != 0;
        }
        String t = s.toString().trim();
        return t.equalsIgnoreCase("true") || t.equals("1");
    }

    /** Each error as "message (details)"; details are left out when empty or a repeat of the message. */
    public static List<String> messages(JsonObject body) {
        List<String> out = new ArrayList<>();
        Object errors = body == null ? null : body.getValue("errors");
        if (errors instanceof JsonArray list) {
            for (Object e : list) {
                if (e instanceof JsonObject o) {
                    String m = text(o.getValue("message"));
                    String d = text(o.getValue("details"));
                    if (m == null && d == null) {
                        continue;
                    }
                    out.add(m == null ? d : d == null || d.equals(m) ? m : m + " (" + d + ")");
                } else if (e != null && !e.toString().isBlank()) {
                    out.add(e.toString().trim());
                }
            }
        }
        if (out.isEmpty() && body != null && text(body.getValue("message")) != null) {
            out.add(text(body.getValue("message")));
        }
        return out;
    }

    /** The exception for a refused request; {@code operation} is e.g. "POST /orders". */
    public static SyncException toException(String operation, int status, JsonObject body, String retryAfter) {
        List<String> errors = messages(body);
        String said = errors.isEmpty() ? "" : ": " + truncate(String.join("; ", errors));
        if (status == 401 || status == 403) {
            return new StarshipitRejection(BAD_KEYS + " (HTTP " + status + " on " + operation + ")", status, errors);
        }
        if (status == 429) {
            return new ThrottledException("Starshipit rate limit reached on " + operation, seconds(retryAfter));
        }
        if (status >= 500) {
            return new RetryableException("Starshipit failed " + operation + " (HTTP " + status + ")" + said,
                    retryAfter == null ? null : seconds(retryAfter));
        }
        return new StarshipitRejection("Starshipit rejected " + operation + " (HTTP " + status + ")" + said, status, errors);
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
