package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.ThrottledException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Brightpearl's envelopes: {@code {"response": ...}} on success, {@code {"errors":[{code,message}]}} or
 * a bare string in {@code response} (401, 503) on failure, and turns failures into the hub's error kinds.
 * Pure, so every quirk is unit-tested without a server.
 */
public final class Envelope {

    /** 500s that are really client mistakes (unparseable filter, bad patch op): retrying cannot help. */
    private static final Set<String> PERMANENT_500_CODES = Set.of("CMNC-018", "CMNC-044");
    /** Remote messages sometimes echo the token ("Invalid instance token: abc"); never pass that on. */
    private static final Pattern TOKEN_ECHO = Pattern.compile("(?i)(token\\s*[:=]\\s*)[A-Za-z0-9._~+/=-]{6,}");

    private Envelope() {
    }

    /** What an authentication failure means for the merchant, supplied by the active auth mode. */
    @FunctionalInterface
    public interface AuthAdvice {
        String refused(String remoteMessage);
    }

    /**
     * The {@code response} value of a successful answer (a JsonObject, JsonArray, number, string or null), or
     * an exception describing the failure.
     *
     * @param what        "GET /order-service/order/5", for messages
     * @param throttleIn  the remote's next-throttle-period hint, if it sent one
     */
    public static Object parse(int status, String body, String what, AuthAdvice auth, Optional<Duration> throttleIn) {
        return parse(status, body, decode(body), what, auth, throttleIn);
    }

    /** {@link #parse} of a body already decoded by {@link #decode}, for a caller that reads more of it. */
    static Object parse(int status, String body, Object json, String what, AuthAdvice auth, Optional<Duration> throttleIn) {
        if (status >= 200 && status < 300) {
            if (json instanceof JsonObject o && o.containsKey("response")) {
                return o.getValue("response");
            }
            return json;
        }
        List<BrightpearlError> errors = errors(json, status, body);
        String remote = String.join("; ", errors.stream().map(BrightpearlError::toString).toList());
        if (status == 401 || status == 403) {
            throw new BrightpearlPermanentException(auth.refused(remote), status, errors);
        }
        if (status == 429 || (status == 503 && isThrottleText(body))) {
            throw new ThrottledException("Brightpearl is throttling requests to this account (" + remote
                    + "); waiting for the next throttle period", throttleIn.orElse(Duration.ofSeconds(5)));
        }
        String message = "Brightpearl answered " + status + " to " + what + ": " + remote;
        if (status >= 500) {
            if (errors.stream().anyMatch(e -> e.code() != null && PERMANENT_500_CODES.contains(e.code()))) {
                throw new BrightpearlPermanentException(message
                        + " (Brightpearl reports this client mistake as a server error; retrying will not help)",
                        status, errors);
            }
            String outage = status == 503 ? " (Brightpearl is unavailable; will retry)" : "";
            throw new BrightpearlRetryableException(message + outage, null, status, errors);
        }
        throw new BrightpearlPermanentException(message, status, errors);
    }

    /** Brightpearl's throttle answer is a 503 whose text says so; any other 503 is an outage. */
    public static boolean isThrottleText(String body) {
        return body != null && body.toLowerCase(Locale.ROOT).contains("too many requests");
    }

    public static String redact(String text) {
        return text == null ? null : TOKEN_ECHO.matcher(text).replaceAll("$1***");
    }

    static List<BrightpearlError> errors(Object json, int status, String body) {
        List<BrightpearlError> out = new ArrayList<>();
        if (json instanceof JsonObject o) {
            if (o.getValue("errors") instanceof JsonArray arr) {
                for (Object e : arr) {
                    if (e instanceof JsonObject eo) {
                        out.add(new BrightpearlError(eo.getString("code"), redact(eo.getString("message", "")), status));
                    }
                }
            } else if (o.getValue("response") instanceof String s) {
                out.add(new BrightpearlError(null, redact(s), status));
            } else if (o.getValue("error") instanceof String e) {
                // OAuth token endpoint: {"error":"invalid_grant","error_description":"..."}
                out.add(new BrightpearlError(e, redact(o.getString("error_description", "")), status));
            }
        }
        if (out.isEmpty()) {
            String text = body == null || body.isBlank() ? "(no body)" : body.length() > 300 ? body.substring(0, 300) : body;
            out.add(new BrightpearlError(null, redact(text.strip()), status));
        }
        return out;
    }

    /** The body as JSON; null when blank, the text itself when it is not JSON. */
    static Object decode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.decodeValue(body);
        } catch (DecodeException e) {
            return body;
        }
    }
}
