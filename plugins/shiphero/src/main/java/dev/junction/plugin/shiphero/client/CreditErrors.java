package dev.junction.plugin.shiphero.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ShipHero's "not enough credits" GraphQL error (HTTP 200, {@code errors[]}): the operation was not run and
 * may be sent again once the credits have refilled. The wait is read from {@code time_remaining} when
 * present ("3 seconds" or a number), else from the message, which says either "... In N seconds ..."
 * or "... Try again in N seconds". An operation costing more than the account's per-operation maximum
 * will never run, so it is not a throttle but a request to fix (a smaller page).
 */
public final class CreditErrors {
    private static final Pattern SECONDS = Pattern.compile("(?i)\\bin\\s+(\\d+(?:\\.\\d+)?)\\s*s(?:ec(?:ond)?s?)?\\b");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Pattern REQUIRES = Pattern.compile("(?i)requires\\s+(\\d+)\\s+credits");
    private static final Pattern MAX = Pattern.compile("(?i)max allowed for your account is\\s+(\\d+)\\s+credits");
    /** When ShipHero names no wait at all: about what 60 credits/s needs to refill a typical page. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

    private CreditErrors() {
    }

    public static boolean isCreditError(JsonObject error) {
        String m = error == null ? null : error.getString("message");
        return m != null && m.toLowerCase(Locale.ROOT).contains("not enough credits");
    }

    /** The first credit error in a response body's {@code errors[]}, if any. */
    public static Optional<JsonObject> find(JsonObject body) {
        JsonArray errors = body == null ? null : body.getJsonArray("errors");
        if (errors == null) {
            return Optional.empty();
        }
        for (Object e : errors) {
            if (e instanceof JsonObject o && isCreditError(o)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** How long ShipHero says to wait before the operation can run. */
    public static Duration waitOf(JsonObject error) {
        Object tr = error.getValue("time_remaining");
        if (tr == null && error.getJsonObject("extensions") != null) {
            tr = error.getJsonObject("extensions").getValue("time_remaining");
        }
        if (tr != null) {
            Matcher m = NUMBER.matcher(String.valueOf(tr));
            if (m.find()) {
                return seconds(m.group(1));
            }
        }
        Matcher m = SECONDS.matcher(String.valueOf(error.getString("message", "")));
        return m.find() ? seconds(m.group(1)) : DEFAULT_WAIT;
    }

    /** Whether the operation asks for more credits than the account may ever spend on one operation. */
    public static boolean exceedsMaximum(JsonObject error) {
        Long required = number(error, "required_credits", REQUIRES);
        JsonObject ext = error.getJsonObject("extensions", new JsonObject());
        Long max = ext.getValue("max_available") instanceof Number n ? Long.valueOf(n.longValue()) : number(error, "max_available", MAX);
        return required != null && max != null && required > max;
    }

    private static Long number(JsonObject error, String key, Pattern inMessage) {
        Object v = error.getValue(key);
        if (v == null && error.getJsonObject("extensions") != null) {
            v = error.getJsonObject("extensions").getValue(key);
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        Matcher m = inMessage.matcher(String.valueOf(error.getString("message", "")));
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static Duration seconds(String text) {
        double s = Double.parseDouble(text);
        return Duration.ofMillis(Math.max(1_000, (long) Math.ceil(s * 1_000)));
    }
}
