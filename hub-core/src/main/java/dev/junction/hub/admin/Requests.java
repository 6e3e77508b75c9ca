package dev.junction.hub.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading requests, each problem a 400 naming the parameter and an example of a good value. */
final class Requests {
    private Requests() {
    }

    /** The body as a JSON object; 400 when missing, malformed or not an object. */
    static JsonObject body(RoutingContext ctx, String example) {
        return optionalBody(ctx).orElseThrow(() -> ApiException.badRequest("a JSON body is required, such as " + example));
    }

    static Optional<JsonObject> optionalBody(RoutingContext ctx) {
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        if (b == null || b.toString().isBlank()) {
            return Optional.empty();
        }
        Object parsed;
        try {
            parsed = io.vertx.core.json.Json.decodeValue(b);
        } catch (DecodeException e) {
            throw ApiException.badRequest("request body is not valid JSON: " + JsonResponses.decodeProblem(e));
        }
        if (!(parsed instanceof JsonObject o)) {
            throw ApiException.badRequest("request body must be a JSON object ({...}), got "
                    + (parsed == null ? "null" : parsed.getClass().getSimpleName().replace("Json", "").toLowerCase()));
        }
        return Optional.of(o);
    }

    static Optional<String> query(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    static int intQuery(RoutingContext ctx, String name, int dflt, int min, int max) {
        Optional<String> v = query(ctx, name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a whole number, got '" + v.get() + "'");
        }
    }

    /** An instant as ISO-8601: {@code 2026-11-01T10:00:00Z}, with an offset, or a date (midnight UTC). */
    static Optional<Instant> instantQuery(RoutingContext ctx, String name) {
        Optional<String> v = query(ctx, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String text = v.get();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                throw ApiException.badRequest("'" + name + "' must be an ISO-8601 date-time such as 2026-11-01T10:00:00Z"
                        + " or a date such as 2026-11-01, got '" + text + "'");
            }
        }
    }

    static Optional<Duration> durationQuery(RoutingContext ctx, String name) {
        Optional<String> v = query(ctx, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(v.get());
            if (d.isNegative() || d.isZero()) {
                throw ApiException.badRequest("'" + name + "' must be a positive duration, got '" + v.get() + "'");
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 duration such as PT24H or P7D, got '"
                    + v.get() + "'");
        }
    }

    static long longPath(RoutingContext ctx, String name, String what) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(what + " must be a number, got '" + v + "'");
        }
    }
}
